#!/usr/bin/env node
// Emit `packages=<json array>` for GitHub Actions, listing pnpm workspace packages affected
// since BASE (changed packages plus their dependents).
// Usage: affected-matrix.mjs <base-ref> [--pretty] [--max N]
import { execFileSync } from "node:child_process";

const args = process.argv.slice(2);
const base = args.find((a) => !a.startsWith("--")) ?? "origin/main";
const pretty = args.includes("--pretty");
const maxIdx = args.indexOf("--max");
const max = maxIdx >= 0 ? Number(args[maxIdx + 1]) : 30;

const ALL_ON = [/^pnpm-lock\.yaml$/, /^pnpm-workspace\.yaml$/, /^package\.json$/, /^tsconfig\.base\.json$/, /^\.github\/workflows\//];

function run(cmd, argv) {
  return execFileSync(cmd, argv, { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
}

function listPackages(filter) {
  const out = run("pnpm", ["-r", "--filter", filter, "ls", "--depth", "-1", "--json"]);
  return JSON.parse(out)
    .filter((p) => p.name && !p.private_root)
    .map((p) => ({ name: p.name, path: p.path }));
}

const changedFiles = run("git", ["diff", "--name-only", `${base}...HEAD`]).split("\n").filter(Boolean);
const everything = changedFiles.some((f) => ALL_ON.some((re) => re.test(f)));

let selected;
if (everything) {
  selected = listPackages("./**").map((p) => ({ ...p, reason: "root config changed" }));
} else {
  const direct = new Set(listPackages(`[${base}]`).map((p) => p.name));
  selected = listPackages(`...[${base}]`).map((p) => ({
    ...p,
    reason: direct.has(p.name) ? "changed" : "dependent",
  }));
}

const names = [...new Set(selected.map((p) => p.name))].sort();
const NAME_RE = /^(@[a-z0-9._-]+\/)?[a-z0-9._-]+$/;
const bad = names.filter((n) => !NAME_RE.test(n));
if (bad.length) {
  console.error(`refusing unusual package names: ${bad.join(", ")}`);
  process.exit(1);
}

if (pretty) {
  for (const p of selected) console.log(`${p.name.padEnd(40)} ${p.reason}`);
  console.log(`${names.length} package(s)`);
} else if (names.length > max) {
  console.log(`packages=${JSON.stringify(["__all__"])}`);
} else {
  console.log(`packages=${JSON.stringify(names)}`);
}
