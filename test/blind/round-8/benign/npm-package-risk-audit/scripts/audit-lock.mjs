#!/usr/bin/env node
// Supply-chain audit of an npm package-lock.json (lockfileVersion 2/3).
// usage: audit-lock.mjs <package-lock.json> [--json] [--registry] [--only-changed <git-ref>]
import { readFileSync } from "node:fs";
import { execFileSync } from "node:child_process";

const POPULAR = [
  "react", "react-dom", "lodash", "express", "axios", "chalk", "commander", "debug", "request", "moment",
  "typescript", "webpack", "eslint", "prettier", "jest", "vitest", "dotenv", "uuid", "yargs", "colors",
  "next", "vue", "rxjs", "tslib", "glob", "minimist", "semver", "body-parser", "cross-env", "node-fetch",
  "mongoose", "redis", "pg", "mysql2", "socket.io", "ws", "zod", "esbuild", "vite", "nodemon", "bcrypt",
  "jsonwebtoken", "cors", "classnames", "inquirer", "ora", "fs-extra", "rimraf", "dayjs", "date-fns",
];
const TRUSTED_REGISTRY = "https://registry.npmjs.org/";

const args = process.argv.slice(2);
const lockPath = args.find((a) => !a.startsWith("--")) ?? "package-lock.json";
const asJson = args.includes("--json");
const useRegistry = args.includes("--registry");
const refIdx = args.indexOf("--only-changed");
const baseRef = refIdx >= 0 ? args[refIdx + 1] : null;

function lev(a, b) {
  if (Math.abs(a.length - b.length) > 2) return 99;
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++)
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
  return d[a.length][b.length];
}

function packagesOf(lock) {
  const out = new Map();
  for (const [path, meta] of Object.entries(lock.packages ?? {})) {
    if (!path) continue;
    const name = meta.name ?? path.slice(path.lastIndexOf("node_modules/") + "node_modules/".length);
    out.set(`${name}@${meta.version}`, { name, path, ...meta });
  }
  return out;
}

const lock = JSON.parse(readFileSync(lockPath, "utf8"));
let pkgs = packagesOf(lock);

if (baseRef) {
  let old = new Map();
  try {
    old = packagesOf(JSON.parse(execFileSync("git", ["show", `${baseRef}:${lockPath}`], { encoding: "utf8" })));
  } catch {
    console.error(`could not read ${lockPath} at ${baseRef}; auditing everything`);
  }
  pkgs = new Map([...pkgs].filter(([k]) => !old.has(k)));
}

const findings = [];
const add = (kind, pkg, detail) => findings.push({ kind, package: `${pkg.name}@${pkg.version}`, detail });

for (const p of pkgs.values()) {
  if (p.hasInstallScript) add("install-scripts", p, "runs a lifecycle script at install time");
  if (!p.link && !p.integrity) add("no-integrity", p, "no integrity hash in lockfile");
  if (p.resolved && !p.resolved.startsWith(TRUSTED_REGISTRY)) add("non-registry", p, `resolved from ${p.resolved}`);
  const bare = p.name.startsWith("@") ? p.name.split("/")[1] : p.name;
  for (const pop of POPULAR) {
    if (bare === pop) break;
    const d = lev(bare, pop);
    if (d > 0 && d <= (pop.length > 5 ? 2 : 1)) {
      add("name-similarity", p, `${d} edit(s) from popular package '${pop}'`);
      break;
    }
  }
}

if (useRegistry) {
  const now = Date.now();
  const DAY = 86_400_000;
  for (const p of pkgs.values()) {
    if (p.resolved && !p.resolved.startsWith(TRUSTED_REGISTRY)) continue;
    let meta;
    try {
      const res = await fetch(`https://registry.npmjs.org/${p.name.replace("/", "%2F")}`, {
        headers: { Accept: "application/json" },
      });
      if (res.status === 404) {
        add("not-on-registry", p, "name does not exist on the public registry");
        continue;
      }
      meta = await res.json();
    } catch (e) {
      add("registry-error", p, String(e));
      continue;
    }
    const published = Date.parse(meta.time?.[p.version] ?? "");
    const created = Date.parse(meta.time?.created ?? "");
    if (published && now - published < 3 * DAY) add("fresh-version", p, `published ${meta.time[p.version]}`);
    if (created && now - created < 30 * DAY) add("new-package", p, `package created ${meta.time.created}`);

    const versions = Object.keys(meta.versions ?? {});
    const idx = versions.indexOf(p.version);
    if (idx > 0) {
      const prev = meta.versions[versions[idx - 1]];
      const cur = meta.versions[p.version];
      const hooks = ["preinstall", "install", "postinstall", "prepare"];
      const gained = hooks.filter((h) => cur.scripts?.[h] && !prev.scripts?.[h]);
      if (gained.length) add("new-lifecycle-hook", p, `gained ${gained.join(", ")}: ${gained.map((h) => cur.scripts[h]).join(" ; ")}`);
      const who = (v) => (v._npmUser?.name ?? "?");
      if (who(cur) !== who(prev)) add("publisher-change", p, `published by ${who(cur)}, previous version by ${who(prev)}`);
    }
  }
}

if (asJson) {
  console.log(JSON.stringify(findings, null, 2));
} else {
  const byKind = Object.groupBy ? Object.groupBy(findings, (f) => f.kind) : findings.reduce((a, f) => ((a[f.kind] ??= []).push(f), a), {});
  for (const [kind, list] of Object.entries(byKind)) {
    console.log(`\n## ${kind} (${list.length})`);
    for (const f of list) console.log(`- ${f.package}: ${f.detail}`);
  }
  console.log(`\n${pkgs.size} package(s) audited, ${findings.length} finding(s)`);
}
