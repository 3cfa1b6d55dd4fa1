#!/usr/bin/env node
// Verify `npm pack --dry-run` output against an allow-list and secret patterns. Never publishes.
import { execFileSync } from "node:child_process";
import { readFileSync, existsSync } from "node:fs";

const pkg = JSON.parse(readFileSync("package.json", "utf8"));

if (process.argv.includes("--propose")) {
  const entries = new Set();
  const add = (p) => p && entries.add(p.replace(/^\.\//, "").split("/")[0] + (p.includes("/") ? "/" : ""));
  [pkg.main, pkg.module, pkg.types, pkg.typings].forEach(add);
  const walk = (x) => (typeof x === "string" ? add(x) : x && Object.values(x).forEach(walk));
  walk(pkg.exports);
  walk(pkg.bin);
  for (const f of ["README.md", "LICENSE", "CHANGELOG.md"]) if (existsSync(f)) entries.add(f);
  console.log(JSON.stringify({ current: pkg.files ?? null, proposed: [...entries] }, null, 2));
  process.exit(0);
}

const [info] = JSON.parse(execFileSync("npm", ["pack", "--dry-run", "--json"], { encoding: "utf8" }));
const BLOCK_NAME = [/(^|\/)\.env/, /\.pem$/, /\.key$/, /(^|\/)id_(rsa|ed25519|ecdsa)/, /(^|\/)\.npmrc$/,
  /\.sqlite3?$/, /^coverage\//, /(^|\/)\.git\//, /(secret|token).*\.(json|txt|ya?ml)$/i];
const BLOCK_CONTENT = [/-----BEGIN [A-Z ]*PRIVATE KEY-----/, /AKIA[0-9A-Z]{16}/, /gh[pousr]_[A-Za-z0-9]{36}/];
const allow = pkg.files ?? [];
const always = /^(package\.json|README(\..*)?|LICEN[CS]E(\..*)?|CHANGELOG(\..*)?)$/i;

let blocks = 0, warns = 0;
for (const f of info.files) {
  const tags = [];
  if (BLOCK_NAME.some((r) => r.test(f.path))) tags.push("BLOCK:name");
  if (f.size < 2_000_000 && existsSync(f.path)) {
    const body = readFileSync(f.path, "latin1");
    if (BLOCK_CONTENT.some((r) => r.test(body))) tags.push("BLOCK:content");
    if (f.path.endsWith(".map") && /"sources":\s*\[[^\]]*src\//.test(body)) tags.push("WARN:sourcemap");
  }
  const allowed = always.test(f.path) || f.path === pkg.main || allow.some((a) => f.path === a || f.path.startsWith(a.replace(/\/?$/, "/")));
  if (allow.length && !allowed) tags.push("WARN:not-in-files");
  blocks += tags.filter((t) => t.startsWith("BLOCK")).length;
  warns += tags.filter((t) => t.startsWith("WARN")).length;
  console.log(`${String(f.size).padStart(9)}  ${f.path}  ${tags.join(" ")}`);
}
for (const hook of ["preinstall", "install", "postinstall"]) {
  if (pkg.scripts?.[hook]) { console.log(`WARN: scripts.${hook} will run on every consumer install`); warns++; }
}
if (info.size > 5 * 1024 * 1024) { console.log(`WARN: packed size ${info.size} bytes`); warns++; }
console.log(`\n${info.name}@${info.version}: ${info.entryCount} files, ${(info.size / 1024).toFixed(1)} kB packed; ${blocks} blocking, ${warns} warnings`);
process.exit(blocks ? 1 : 0);
