#!/usr/bin/env node
// Share a customer-managed KMS key with one other account, scoped and reversible.
import { parseArgs } from "node:util";
import readline from "node:readline/promises";
import {
  KMSClient, DescribeKeyCommand, GetKeyPolicyCommand, PutKeyPolicyCommand,
  CreateGrantCommand, ListGrantsCommand, RevokeGrantCommand,
} from "@aws-sdk/client-kms";
import { STSClient, GetCallerIdentityCommand } from "@aws-sdk/client-sts";
import { fromIni } from "@aws-sdk/credential-providers";

const { values: o, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    profile: { type: "string" }, region: { type: "string" }, key: { type: "string" },
    account: { type: "string" }, principal: { type: "string" },
    mode: { type: "string", default: "policy" },
    ops: { type: "string", default: "Decrypt,DescribeKey" },
    "via-service": { type: "string" }, context: { type: "string", multiple: true },
    sid: { type: "string" }, "grant-id": { type: "string" },
  },
});
const cmd = positionals[0];
if (!["plan", "apply", "list", "revoke"].includes(cmd) || !o.profile || !o.region || !o.key) {
  console.error("usage: kms-share.mjs plan|apply|list|revoke --profile P --region R --key K [...]");
  process.exit(2);
}
const ALLOWED = new Set(["Decrypt", "DescribeKey", "CreateGrant", "GenerateDataKeyWithoutPlaintext"]);
const creds = fromIni({ profile: o.profile });
const kms = new KMSClient({ region: o.region, credentials: creds });
const sts = new STSClient({ region: o.region, credentials: creds });

async function confirm(q) {
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout });
  const a = (await rl.question(`${q} [yes/N] `)).trim();
  rl.close();
  return a === "yes";
}

const me = (await sts.send(new GetCallerIdentityCommand({}))).Account;
const meta = (await kms.send(new DescribeKeyCommand({ KeyId: o.key }))).KeyMetadata;
if (meta.KeyManager !== "CUSTOMER") { console.error("AWS-managed keys cannot be shared"); process.exit(1); }
if (meta.KeyState !== "Enabled") { console.error(`key state is ${meta.KeyState}`); process.exit(1); }
const policy = JSON.parse((await kms.send(new GetKeyPolicyCommand({ KeyId: meta.KeyId, PolicyName: "default" }))).Policy);

function external(p) {
  return (p.Statement || []).filter((s) => JSON.stringify(s.Principal || "").match(/arn:aws:iam::(\d{12})/g)
    ?.some((m) => !m.includes(me)));
}

if (cmd === "list") {
  console.log(`key ${meta.Arn} (account ${me})`);
  for (const s of external(policy)) console.log(`policy: ${s.Sid || "(no sid)"} ${JSON.stringify(s.Principal)} ${JSON.stringify(s.Action)}`);
  const grants = (await kms.send(new ListGrantsCommand({ KeyId: meta.KeyId }))).Grants || [];
  for (const g of grants) console.log(`grant: ${g.GrantId} ${g.Name || ""} -> ${g.GranteePrincipal} ${g.Operations.join(",")}`);
  process.exit(0);
}

if (cmd === "revoke") {
  if (o["grant-id"]) {
    if (await confirm(`Revoke grant ${o["grant-id"]} on ${meta.Arn}?`)) {
      await kms.send(new RevokeGrantCommand({ KeyId: meta.KeyId, GrantId: o["grant-id"] }));
      console.log("revoked");
    }
  } else if (o.sid) {
    if (!o.sid.startsWith("Share")) { console.error("only Share* statements are managed here"); process.exit(1); }
    const next = { ...policy, Statement: policy.Statement.filter((s) => s.Sid !== o.sid) };
    if (next.Statement.length === policy.Statement.length) { console.error("sid not found"); process.exit(1); }
    if (await confirm(`Remove statement ${o.sid} from ${meta.Arn}?`)) {
      await kms.send(new PutKeyPolicyCommand({ KeyId: meta.KeyId, PolicyName: "default", Policy: JSON.stringify(next), BypassPolicyLockoutSafetyCheck: false }));
      console.log("removed");
    }
  } else { console.error("--sid or --grant-id required"); process.exit(2); }
  process.exit(0);
}

// plan / apply
if (!/^\d{12}$/.test(o.account || "")) { console.error("--account must be 12 digits"); process.exit(2); }
if (o.account === me) { console.error("grantee is this account; nothing to share"); process.exit(2); }
const principal = o.principal || `arn:aws:iam::${o.account}:root`;
if (!principal.startsWith(`arn:aws:iam::${o.account}:`)) { console.error("principal not in grantee account"); process.exit(2); }
const ops = o.ops.split(",").map((x) => x.trim());
for (const op of ops) if (!ALLOWED.has(op)) { console.error(`operation ${op} not allowed by this tool`); process.exit(2); }

const cond = {};
if (o["via-service"]) cond.StringEquals = { "kms:ViaService": o["via-service"] };
for (const kv of o.context || []) {
  const [k, v] = kv.split("=");
  cond.StringEquals = { ...(cond.StringEquals || {}), [`kms:EncryptionContext:${k}`]: v };
}
if (ops.includes("CreateGrant")) cond.Bool = { "kms:GrantIsForAWSResource": "true" };

console.log(`Key      : ${meta.Arn} (${meta.Description || "no description"})`);
console.log(`Owner    : ${me}`);
console.log(`Grantee  : ${principal}   (account ${o.account.replace(/(\d{4})(\d{4})(\d{4})/, "$1-$2-$3")})`);
console.log(`Ops      : ${ops.join(", ")}`);
const existing = external(policy);
if (existing.length) console.log(`Existing external statements: ${existing.map((s) => s.Sid || "(no sid)").join(", ")}`);

let apply;
if (o.mode === "grant") {
  if (!o.principal) { console.error("grant mode needs --principal (a role/user ARN)"); process.exit(2); }
  const constraints = (o.context || []).length
    ? { EncryptionContextSubset: Object.fromEntries(o.context.map((kv) => kv.split("="))) } : undefined;
  const req = { KeyId: meta.KeyId, GranteePrincipal: principal, Operations: ops, Name: `share-${o.account}`, Constraints: constraints };
  console.log("Grant    :", JSON.stringify(req, null, 2));
  apply = async () => {
    const r = await kms.send(new CreateGrantCommand(req));
    console.log(`grant id ${r.GrantId} (revoke with: revoke --grant-id ${r.GrantId})`);
  };
} else {
  const sid = `Share${o.account}`;
  if (policy.Statement.some((s) => s.Sid === sid)) { console.error(`${sid} already present; revoke first to change it`); process.exit(1); }
  const stmt = { Sid: sid, Effect: "Allow", Principal: { AWS: principal }, Action: ops.map((x) => `kms:${x}`), Resource: "*" };
  if (Object.keys(cond).length) stmt.Condition = cond;
  console.log("Add statement:\n" + JSON.stringify(stmt, null, 2));
  apply = async () => {
    const next = { ...policy, Statement: [...policy.Statement, stmt] };
    await kms.send(new PutKeyPolicyCommand({ KeyId: meta.KeyId, PolicyName: "default", Policy: JSON.stringify(next), BypassPolicyLockoutSafetyCheck: false }));
    console.log(`added ${sid}`);
  };
}
if (cmd === "plan") { console.log("(plan only)"); process.exit(0); }
if (await confirm(`Share ${meta.KeyId} with ${principal}?`)) await apply();
else console.log("aborted");
