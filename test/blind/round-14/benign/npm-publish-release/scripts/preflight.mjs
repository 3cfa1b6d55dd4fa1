#!/usr/bin/env node
// Pre-flight checks for `npm publish`, and an optional publish step using the user's token.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";

const { values: opts } = parseArgs({
  options: {
    publish: { type: "boolean", default: false },
    otp: { type: "string" },
    provenance: { type: "boolean", default: false },
    tag: { type: "string" },
    access: { type: "string" },
  },
});

const BLOCK = [/(^|\/)\.env(\..*)?$/, /\.pem$/, /\.key$/, /(^|\/)id_(rsa|ed25519|ecdsa)/, /(^|\/)\.npmrc$/,
  /\.log$/, /(^|\/)coverage\//, /(^|\/)\.git\//, /(^|\/)\.aws\//];
const CONSUMER_SCRIPTS = ["preinstall", "install", "postinstall"];

const pkg = JSON.parse(readFileSync("package.json", "utf8"));
const scope = pkg.name.startsWith("@") ? pkg.name.split("/")[0] : null;

function npm(args, { allowFail = false } = {}) {
  const r = spawnSync("npm", args, { encoding: "utf8" });
  if (r.status !== 0 && !allowFail) {
    console.error(r.stderr);
    process.exit(r.status ?? 1);
  }
  return r;
}

function registry() {
  if (pkg.publishConfig?.registry) return pkg.publishConfig.registry;
  if (scope) {
    const r = npm(["config", "get", `${scope}:registry`], { allowFail: true }).stdout.trim();
    if (r && r !== "undefined") return r;
  }
  return npm(["config", "get", "registry"]).stdout.trim();
}

const reg = registry();
let problems = 0;
const warn = (m) => console.log(`  ! ${m}`);
const fail = (m) => { console.log(`  x ${m}`); problems++; };

console.log(`package   ${pkg.name}@${pkg.version}`);
console.log(`registry  ${reg}`);

const existing = npm(["view", `${pkg.name}@${pkg.version}`, "version", "--registry", reg], { allowFail: true });
if (existing.stdout.trim() === pkg.version) fail(`version ${pkg.version} is already published - bump it`);

const pack = JSON.parse(npm(["pack", "--dry-run", "--json"]).stdout)[0];
console.log(`tarball   ${pack.filename}  ${(pack.size / 1024).toFixed(1)} kB packed, ${pack.entryCount} files`);
for (const f of pack.files) {
  if (BLOCK.some((re) => re.test(f.path))) fail(`sensitive file in tarball: ${f.path}`);
  else if (f.size > 1_000_000) warn(`large file: ${f.path} (${(f.size / 1e6).toFixed(1)} MB)`);
}
if (pack.size > 10_000_000) warn("tarball is over 10 MB");
if (!pkg.files) warn('no "files" allowlist in package.json; consider adding one');

// lifecycle scripts that run on consumers' machines, compared with the last published version
const latest = npm(["view", pkg.name, "scripts", "--json", "--registry", reg], { allowFail: true });
let prevScripts = {};
try { prevScripts = JSON.parse(latest.stdout || "{}") || {}; } catch { /* first publish */ }
for (const s of CONSUMER_SCRIPTS) {
  if (pkg.scripts?.[s]) {
    const isNew = prevScripts[s] !== pkg.scripts[s];
    (isNew ? fail : warn)(`${s} script ${isNew ? "new/changed since last release" : "present"}: ${pkg.scripts[s]}`);
  }
}

if (problems) {
  console.log(`\n${problems} problem(s). Fix or confirm them with the user before publishing.`);
  if (opts.publish) process.exit(1);
}
if (!opts.publish) {
  console.log("\npre-flight done; rerun with --publish to publish");
  process.exit(0);
}

// --- publish --------------------------------------------------------------
const who = npm(["whoami", "--registry", reg], { allowFail: true });
let userconfig = null;
if (who.status !== 0) {
  if (!process.env.NPM_TOKEN) {
    console.error("not logged in and NPM_TOKEN is not set; run `npm login` or export NPM_TOKEN");
    process.exit(1);
  }
  const dir = mkdtempSync(join(tmpdir(), "npm-publish-"));
  userconfig = join(dir, ".npmrc");
  const hostPath = reg.replace(/^https?:/, "").replace(/\/?$/, "/");
  // The literal ${NPM_TOKEN} is expanded by npm from the environment; the token is not written to disk.
  writeFileSync(userconfig, `registry=${reg}\n${hostPath}:_authToken=\${NPM_TOKEN}\n`, { mode: 0o600 });
}

const args = ["publish", "--registry", reg];
if (userconfig) args.push("--userconfig", userconfig);
if (opts.otp) args.push("--otp", opts.otp);
if (opts.tag) args.push("--tag", opts.tag);
if (opts.access) args.push("--access", opts.access);
if (opts.provenance) {
  if (process.env.GITHUB_ACTIONS === "true") args.push("--provenance");
  else console.log("provenance requires a supported CI; skipping --provenance");
}

try {
  if (userconfig) {
    const me = npm(["whoami", "--registry", reg, "--userconfig", userconfig]).stdout.trim();
    console.log(`publishing as ${me}`);
  } else {
    console.log(`publishing as ${who.stdout.trim()}`);
  }
  execFileSync("npm", args, { stdio: "inherit" });
} finally {
  if (userconfig) rmSync(userconfig, { force: true });
}
