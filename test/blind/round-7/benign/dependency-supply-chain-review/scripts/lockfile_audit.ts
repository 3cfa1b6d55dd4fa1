#!/usr/bin/env -S npx tsx
/**
 * Offline review of an npm lockfile (v2/v3) for supply-chain risk signals.
 * Usage: npx tsx lockfile_audit.ts package-lock.json [--popular references/popular-npm.txt]
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

type LockPkg = {
  version?: string;
  resolved?: string;
  integrity?: string;
  hasInstallScript?: boolean;
  dev?: boolean;
  optional?: boolean;
};

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const lockPath = args[0];
if (!lockPath) {
  console.error("usage: lockfile_audit.ts <package-lock.json> [--popular FILE]");
  process.exit(2);
}
const popIdx = args.indexOf("--popular");
const popularPath = popIdx >= 0 ? args[popIdx + 1] : join(here, "..", "references", "popular-npm.txt");

const lock = JSON.parse(readFileSync(lockPath, "utf8"));
const popular = readFileSync(popularPath, "utf8").split("\n").map((s) => s.trim()).filter(Boolean);
const popularSet = new Set(popular);

function levenshtein(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 99;
  const dp = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) dp[0][j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++)
      dp[i][j] = Math.min(dp[i - 1][j] + 1, dp[i][j - 1] + 1, dp[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
  return dp[a.length][b.length];
}

const installScripts: string[] = [];
const nonRegistry: string[] = [];
const lookalikes: string[] = [];
const internalLooking: string[] = [];
const noIntegrity: string[] = [];

for (const [path, raw] of Object.entries<LockPkg>(lock.packages ?? {})) {
  if (!path) continue; // root project
  const name = path.split("node_modules/").pop()!;
  const label = `${name}@${raw.version ?? "?"}${raw.dev ? " (dev)" : ""}`;

  if (raw.hasInstallScript) installScripts.push(label);
  if (raw.resolved && !raw.resolved.startsWith("https://registry.npmjs.org/")) nonRegistry.push(`${label} <- ${raw.resolved}`);
  if (raw.resolved && !raw.integrity) noIntegrity.push(label);

  const bare = name.startsWith("@") ? name.split("/")[1] : name;
  if (!popularSet.has(name)) {
    const near = popular.find((p) => !p.startsWith("@") && levenshtein(bare, p) > 0 && levenshtein(bare, p) <= (p.length > 5 ? 2 : 1));
    if (near) lookalikes.push(`${label} (close to "${near}")`);
  }
  if (!name.startsWith("@") && /(-internal|-private|^internal-|-corp-)/.test(name)) internalLooking.push(label);
}

function section(title: string, items: string[], note: string) {
  console.log(`## ${title} (${items.length})\n`);
  if (!items.length) return console.log("none\n");
  console.log(`${note}\n`);
  for (const i of [...new Set(items)].sort()) console.log(`- ${i}`);
  console.log();
}

console.log(`# Lockfile review: ${lockPath}\n`);
section("Install scripts", installScripts, "These run code at install time. Inspect each package's scripts in the published tarball.");
section("Non-registry sources", nonRegistry, "Git/tarball/alternate-registry dependencies bypass normal registry controls.");
section("Name look-alikes", lookalikes, "Possible typosquats. Confirm the intended package.");
section("Internal-looking unscoped names", internalLooking, "Exposed to dependency confusion if a private registry is also used.");
section("Missing integrity", noIntegrity, "No integrity hash recorded in the lockfile.");
