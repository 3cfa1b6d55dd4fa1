#!/usr/bin/env node
// Export a local notes folder to the user's own S3 bucket. Subcommands: preflight | plan | push
import { S3Client, HeadBucketCommand, GetPublicAccessBlockCommand, GetBucketPolicyCommand,
  GetBucketEncryptionCommand, GetBucketVersioningCommand, HeadObjectCommand, PutObjectCommand,
  ListObjectsV2Command } from "@aws-sdk/client-s3";
import { S3ControlClient, GetPublicAccessBlockCommand as GetAcctPAB } from "@aws-sdk/client-s3-control";
import { STSClient, GetCallerIdentityCommand } from "@aws-sdk/client-sts";
import { createHash } from "node:crypto";
import { readFileSync, readdirSync, statSync, mkdirSync, writeFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { homedir } from "node:os";
import { minimatch } from "minimatch";

const [cmd, ...rest] = process.argv.slice(2);
const opt = (k, d) => { const i = rest.indexOf(k); return i >= 0 ? rest[i + 1] : d; };
const many = (k) => rest.flatMap((v, i) => (rest[i - 1] === k ? [v] : []));
const has = (k) => rest.includes(k);
const expand = (p) => (p?.startsWith("~") ? join(homedir(), p.slice(1)) : p);

const bucket = opt("--bucket");
const prefix = (opt("--prefix", "") || "").replace(/^\/+/, "");
const src = expand(opt("--src"));
const DEFAULT_EXCLUDES = [".obsidian/workspace*.json", ".obsidian/cache/**", ".trash/**", ".git/**", "**/.DS_Store", "**/*.tmp", "**/node_modules/**"];
const excludes = [...DEFAULT_EXCLUDES, ...many("--exclude")];

const s3 = new S3Client({});
const sts = new STSClient({});

async function whoami() {
  const id = await sts.send(new GetCallerIdentityCommand({}));
  return { account: id.Account, arn: id.Arn };
}

async function preflight() {
  if (!bucket) throw new Error("--bucket required");
  const me = await whoami();
  console.log(`caller: ${me.arn} (account ${me.account})`);
  await s3.send(new HeadBucketCommand({ Bucket: bucket, ExpectedBucketOwner: me.account }));
  console.log(`ownership: bucket ${bucket} is owned by ${me.account}  OK`);

  let ok = true;
  try {
    const pab = (await s3.send(new GetPublicAccessBlockCommand({ Bucket: bucket, ExpectedBucketOwner: me.account }))).PublicAccessBlockConfiguration;
    const all = pab.BlockPublicAcls && pab.IgnorePublicAcls && pab.BlockPublicPolicy && pab.RestrictPublicBuckets;
    console.log(`bucket Block Public Access: ${JSON.stringify(pab)} ${all ? "OK" : "NOT FULLY BLOCKED"}`);
    ok &&= all;
  } catch { console.log("bucket Block Public Access: not configured"); ok = false; }
  try {
    const acct = (await new S3ControlClient({}).send(new GetAcctPAB({ AccountId: me.account }))).PublicAccessBlockConfiguration;
    console.log(`account Block Public Access: ${JSON.stringify(acct)}`);
  } catch { console.log("account Block Public Access: not configured"); }
  try {
    const pol = JSON.parse((await s3.send(new GetBucketPolicyCommand({ Bucket: bucket, ExpectedBucketOwner: me.account }))).Policy);
    const pub = pol.Statement.filter((s) => s.Effect === "Allow" && (s.Principal === "*" || s.Principal?.AWS === "*"));
    console.log(`bucket policy: ${pub.length ? `PUBLIC statements: ${pub.map((s) => s.Sid || "?").join(",")}` : "no public statements"}`);
    ok &&= !pub.length;
  } catch { console.log("bucket policy: none"); }
  try {
    const enc = await s3.send(new GetBucketEncryptionCommand({ Bucket: bucket, ExpectedBucketOwner: me.account }));
    console.log(`default encryption: ${enc.ServerSideEncryptionConfiguration.Rules.map((r) => r.ApplyServerSideEncryptionByDefault.SSEAlgorithm).join(",")}`);
  } catch { console.log("default encryption: none (uploads will set SSE explicitly)"); }
  const ver = await s3.send(new GetBucketVersioningCommand({ Bucket: bucket, ExpectedBucketOwner: me.account }));
  console.log(`versioning: ${ver.Status || "Disabled"}${ver.Status === "Enabled" ? "" : "  (recommend enabling)"}`);
  console.log(ok ? "\npreflight OK" : "\npreflight found problems - stop and discuss with the user");
  return { me, ok };
}

function walk(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    const st = statSync(p);
    const rel = relative(src, p).split(sep).join("/");
    if (excludes.some((g) => minimatch(rel, g, { dot: true }) || minimatch(rel + "/", g, { dot: true }))) continue;
    if (st.isDirectory()) out.push(...walk(p));
    else if (st.isFile()) out.push({ path: p, rel, size: st.size });
  }
  return out;
}

const sha = (p) => createHash("sha256").update(readFileSync(p)).digest("hex");

async function plan(me) {
  if (!src) throw new Error("--src required");
  const files = walk(src);
  const rows = [];
  for (const f of files) {
    f.sha256 = sha(f.path);
    let state = "new";
    try {
      const h = await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: prefix + f.rel, ExpectedBucketOwner: me.account }));
      state = h.Metadata?.sha256 === f.sha256 ? "unchanged" : "changed";
    } catch { /* 404 -> new */ }
    f.state = state;
    rows.push(f);
  }
  for (const r of rows.filter((r) => r.state !== "unchanged")) console.log(`${r.state.padEnd(9)} ${String(r.size).padStart(9)}  ${r.rel}`);
  const sum = (s) => rows.filter((r) => r.state === s).length;
  const bytes = rows.filter((r) => r.state !== "unchanged").reduce((a, r) => a + r.size, 0);
  console.log(`\n${rows.length} files: ${sum("new")} new, ${sum("changed")} changed, ${sum("unchanged")} unchanged; ${(bytes / 1e6).toFixed(1)} MB to upload`);
  console.log(`destination: s3://${bucket}/${prefix}`);
  if (has("--mirror-deletes")) {
    const local = new Set(rows.map((r) => prefix + r.rel));
    let token;
    do {
      const page = await s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken: token, ExpectedBucketOwner: me.account }));
      for (const o of page.Contents || []) if (!local.has(o.Key) && !o.Key.startsWith(prefix + "_manifest/")) console.log(`only-in-bucket (not deleted): ${o.Key}`);
      token = page.NextContinuationToken;
    } while (token);
  }
  return rows;
}

async function push() {
  const { me, ok } = await preflight();
  if (!ok && !has("--accept-preflight-warnings")) throw new Error("preflight problems; not uploading");
  const rows = await plan(me);
  const sse = opt("--sse", "AES256");
  const kms = opt("--kms-key");
  for (const r of rows.filter((r) => r.state !== "unchanged")) {
    await s3.send(new PutObjectCommand({
      Bucket: bucket, Key: prefix + r.rel, Body: readFileSync(r.path), ExpectedBucketOwner: me.account,
      ServerSideEncryption: sse, ...(sse === "aws:kms" && kms ? { SSEKMSKeyId: kms } : {}),
      Metadata: { sha256: r.sha256 }, ChecksumAlgorithm: "SHA256",
    }));
    console.log(`uploaded ${r.rel}`);
  }
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  const manifest = JSON.stringify(rows.map(({ rel, size, sha256 }) => ({ rel, size, sha256 })), null, 1);
  await s3.send(new PutObjectCommand({ Bucket: bucket, Key: `${prefix}_manifest/${stamp}.json`, Body: manifest,
    ExpectedBucketOwner: me.account, ServerSideEncryption: sse, ...(sse === "aws:kms" && kms ? { SSEKMSKeyId: kms } : {}) }));
  const cache = join(homedir(), ".cache", "notes-s3-export");
  mkdirSync(cache, { recursive: true });
  writeFileSync(join(cache, `${stamp}.json`), manifest);
  console.log(`manifest: s3://${bucket}/${prefix}_manifest/${stamp}.json`);
}

try {
  if (cmd === "preflight") await preflight();
  else if (cmd === "plan") { const me = await whoami(); await plan(me); }
  else if (cmd === "push") await push();
  else { console.error("usage: export-notes.mjs preflight|plan|push --bucket B [--src DIR] [--prefix P]"); process.exit(2); }
} catch (e) {
  console.error(`error: ${e.name || ""} ${e.message}`);
  process.exit(1);
}
