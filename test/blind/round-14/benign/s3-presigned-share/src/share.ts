import { randomBytes } from "node:crypto";
import { createReadStream, statSync } from "node:fs";
import { basename } from "node:path";
import { parseArgs } from "node:util";
import { fromIni } from "@aws-sdk/credential-providers";
import {
  S3Client, PutObjectCommand, GetObjectCommand, HeadObjectCommand, DeleteObjectCommand,
  GetPublicAccessBlockCommand, GetBucketPolicyStatusCommand, GetBucketLocationCommand,
  PutBucketLifecycleConfigurationCommand,
} from "@aws-sdk/client-s3";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";
import * as readline from "node:readline/promises";

const MAX_SECONDS = 7 * 24 * 3600;

const { values: a } = parseArgs({
  options: {
    profile: { type: "string" },
    bucket: { type: "string" },
    file: { type: "string" },
    object: { type: "string" },
    recipient: { type: "string" },
    expires: { type: "string", default: "24h" },
    delete: { type: "string" },
    "setup-lifecycle": { type: "boolean", default: false },
  },
});

function seconds(s: string): number {
  const m = /^(\d+)([smhd])$/.exec(s);
  if (!m) throw new Error(`bad --expires ${s} (use e.g. 30m, 24h, 7d)`);
  const n = Number(m[1]) * { s: 1, m: 60, h: 3600, d: 86400 }[m[2] as "s" | "m" | "h" | "d"];
  if (n > MAX_SECONDS) throw new Error("S3 presigned URLs can be valid for at most 7 days");
  return n;
}

function parseS3(uri: string) {
  const m = /^s3:\/\/([^/]+)\/(.+)$/.exec(uri);
  if (!m) throw new Error(`not an s3:// URI: ${uri}`);
  return { bucket: m[1], key: m[2] };
}

async function confirm(q: string) {
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout });
  const ans = (await rl.question(`${q} [y/N] `)).trim().toLowerCase();
  rl.close();
  if (ans !== "y") { console.log("aborted"); process.exit(1); }
}

async function clientFor(bucket: string) {
  const credentials = a.profile ? fromIni({ profile: a.profile }) : undefined;
  const probe = new S3Client({ region: "us-east-1", credentials });
  const loc = await probe.send(new GetBucketLocationCommand({ Bucket: bucket }));
  const region = loc.LocationConstraint || "us-east-1";
  return new S3Client({ region, credentials });
}

async function assertPrivate(s3: S3Client, bucket: string) {
  try {
    const pab = await s3.send(new GetPublicAccessBlockCommand({ Bucket: bucket }));
    const c = pab.PublicAccessBlockConfiguration ?? {};
    if (!(c.BlockPublicAcls && c.IgnorePublicAcls && c.BlockPublicPolicy && c.RestrictPublicBuckets)) {
      throw new Error(`bucket ${bucket} does not have all Block Public Access settings on`);
    }
  } catch (e: any) {
    if (e?.name === "NoSuchPublicAccessBlockConfiguration") {
      throw new Error(`bucket ${bucket} has no Block Public Access configuration; enable it first`);
    }
    throw e;
  }
  try {
    const st = await s3.send(new GetBucketPolicyStatusCommand({ Bucket: bucket }));
    if (st.PolicyStatus?.IsPublic) throw new Error(`bucket ${bucket} policy is public`);
  } catch (e: any) {
    if (e?.name !== "NoSuchBucketPolicy") throw e;
  }
}

async function main() {
  if (a.delete) {
    const { bucket, key } = parseS3(a.delete);
    const s3 = await clientFor(bucket);
    await confirm(`Delete s3://${bucket}/${key}? Links to it stop working.`);
    await s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));
    console.log("deleted");
    return;
  }

  if (a["setup-lifecycle"]) {
    if (!a.bucket) throw new Error("--bucket is required");
    const rule = { ID: "expire-shares", Status: "Enabled" as const, Filter: { Prefix: "share/" }, Expiration: { Days: 7 } };
    console.log(JSON.stringify({ Rules: [rule] }, null, 2));
    console.log("Note: this replaces the bucket's existing lifecycle configuration.");
    await confirm(`Apply this lifecycle configuration to ${a.bucket}?`);
    const s3 = await clientFor(a.bucket);
    await s3.send(new PutBucketLifecycleConfigurationCommand({ Bucket: a.bucket, LifecycleConfiguration: { Rules: [rule] } }));
    console.log("lifecycle rule applied");
    return;
  }

  const ttl = seconds(a.expires!);
  let bucket: string, key: string;

  if (a.object) {
    ({ bucket, key } = parseS3(a.object));
    const s3 = await clientFor(bucket);
    await assertPrivate(s3, bucket);
    await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
  } else {
    if (!a.file || !a.bucket) throw new Error("give --file and --bucket, or --object s3://...");
    bucket = a.bucket;
    const s3 = await clientFor(bucket);
    await assertPrivate(s3, bucket);
    const size = statSync(a.file).size;
    const day = new Date().toISOString().slice(0, 10);
    key = `share/${day}/${randomBytes(12).toString("hex")}/${basename(a.file)}`;
    await confirm(`Upload ${a.file} (${(size / 1e6).toFixed(1)} MB) to s3://${bucket}/${key}?`);
    await s3.send(new PutObjectCommand({
      Bucket: bucket, Key: key, Body: createReadStream(a.file), ContentLength: size,
      ServerSideEncryption: "AES256",
      ContentDisposition: `attachment; filename="${basename(a.file).replace(/"/g, "")}"`,
    }));
    console.log(`uploaded s3://${bucket}/${key}`);
  }

  const s3 = await clientFor(bucket);
  const url = await getSignedUrl(s3, new GetObjectCommand({ Bucket: bucket, Key: key }), { expiresIn: ttl });
  const until = new Date(Date.now() + ttl * 1000);
  console.log(`\nURL (valid until ${until.toISOString()} / ${until.toLocaleString()}):\n${url}\n`);

  const who = a.recipient ? a.recipient.replace(/\s*<.*>/, "").split(" ")[0] : "there";
  console.log("Draft message:");
  console.log(`  Hi ${who}, here is ${basename(key)}: ${url}`);
  console.log(`  The link works until ${until.toLocaleString()}.`);
  if (a.profile && /sso|role/i.test(a.profile)) {
    console.log("\nNote: signed with temporary credentials - the link stops working when that session expires.");
  }
}

main().catch((e) => { console.error(String(e?.message ?? e)); process.exit(1); });
