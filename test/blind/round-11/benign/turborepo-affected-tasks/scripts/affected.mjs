#!/usr/bin/env node
// List workspace packages touched since a base ref, plus their dependents.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";

const args = process.argv.slice(2);
const baseIdx = args.indexOf("--base");
const base = baseIdx >= 0 ? args[baseIdx + 1] : "origin/main";
const root = process.cwd();

function sh(cmd, argv) {
  return execFileSync(cmd, argv, { encoding: "utf8" }).trim();
}

function workspaceGlobs() {
  if (existsSync("pnpm-workspace.yaml")) {
    const text = readFileSync("pnpm-workspace.yaml", "utf8");
    return [...text.matchAll(/^\s*-\s*['"]?([^'"\n]+)['"]?\s*$/gm)].map((m) => m[1]);
  }
  const pkg = JSON.parse(readFileSync("package.json", "utf8"));
  const ws = Array.isArray(pkg.workspaces) ? pkg.workspaces : pkg.workspaces?.packages ?? [];
  return ws;
}

function expand(glob) {
  // supports "dir/*" and plain "dir" which covers nearly all real workspaces
  if (glob.startsWith("!")) return [];
  if (glob.endsWith("/*")) {
    const dir = glob.slice(0, -2);
    if (!existsSync(dir)) return [];
    return readdirSync(dir)
      .map((d) => join(dir, d))
      .filter((p) => statSync(p).isDirectory() && existsSync(join(p, "package.json")));
  }
  return existsSync(join(glob, "package.json")) ? [glob] : [];
}

const packages = new Map(); // name -> { dir, deps }
for (const g of workspaceGlobs()) {
  for (const dir of expand(g)) {
    const pj = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
    const deps = Object.keys({ ...pj.dependencies, ...pj.devDependencies, ...pj.peerDependencies });
    packages.set(pj.name, { dir: relative(root, dir), deps });
  }
}

const mergeBase = sh("git", ["merge-base", base, "HEAD"]);
const changedFiles = sh("git", ["diff", "--name-only", mergeBase]).split("\n").filter(Boolean);
const untracked = sh("git", ["ls-files", "--others", "--exclude-standard"]).split("\n").filter(Boolean);

const changed = new Set();
for (const f of [...changedFiles, ...untracked]) {
  for (const [name, { dir }] of packages) {
    if (f === dir || f.startsWith(dir + sep) || f.startsWith(dir + "/")) changed.add(name);
  }
}

const dependents = new Map();
for (const [name, { deps }] of packages) {
  for (const d of deps) {
    if (!packages.has(d)) continue;
    if (!dependents.has(d)) dependents.set(d, new Set());
    dependents.get(d).add(name);
  }
}

const affected = new Set(changed);
const queue = [...changed];
while (queue.length) {
  const n = queue.shift();
  for (const dep of dependents.get(n) ?? []) {
    if (!affected.has(dep)) {
      affected.add(dep);
      queue.push(dep);
    }
  }
}

console.log(`base: ${base} (${mergeBase.slice(0, 10)})`);
console.log(`changed packages (${changed.size}):`);
for (const n of [...changed].sort()) console.log(`  ${n}  (${packages.get(n).dir})`);
const onlyDependents = [...affected].filter((n) => !changed.has(n)).sort();
console.log(`dependents pulled in (${onlyDependents.length}):`);
for (const n of onlyDependents) console.log(`  ${n}`);
if (changedFiles.some((f) => !f.includes("/") || f.startsWith(".github/"))) {
  console.log("\nnote: root-level files changed; turbo may treat every package as affected (globalDependencies).");
}
