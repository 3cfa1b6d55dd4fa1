#!/usr/bin/env node
// Dry-run-first cleanup of a repository's own, git-ignored cache directories.
import { execFileSync } from "node:child_process";
import { lstatSync, readdirSync, rmSync, existsSync, realpathSync } from "node:fs";
import { join, relative, basename, dirname, sep } from "node:path";
import { createInterface } from "node:readline/promises";

const args = new Set(process.argv.slice(2));
const APPLY = args.has("--apply");
const BUILD_OUT = args.has("--include-build-output");

const root = execFileSync("git", ["rev-parse", "--show-toplevel"], { encoding: "utf8" }).trim();
const realRoot = realpathSync(root);

const ALWAYS = new Set([".next/cache", "node_modules/.cache", ".nuxt", ".turbo", ".parcel-cache", ".svelte-kit",
  ".vite", ".eslintcache", "coverage", ".nyc_output", "__pycache__", ".pytest_cache", ".mypy_cache", ".ruff_cache",
  ".tox", ".nox", "htmlcov", ".ipynb_checkpoints", ".gradle"]);
const BESIDE = { target: ["Cargo.toml", "pom.xml"], build: ["build.gradle", "build.gradle.kts"] };
const OPT_IN = new Set(["dist", "out", ".cache"]);
const NEVER_DESCEND = new Set([".git", ".venv", "venv"]);
const NOT_CACHE_HINT = [".env", ".venv", "venv", "node_modules"];

function isCandidate(abs) {
  const name = basename(abs);
  const rel2 = relative(root, abs).split(sep).slice(-2).join("/");
  if (ALWAYS.has(name) || ALWAYS.has(rel2) || name.endsWith(".egg-info")) return true;
  if (BESIDE[name]) return BESIDE[name].some((f) => existsSync(join(dirname(abs), f)));
  return BUILD_OUT && OPT_IN.has(name);
}

function ignored(paths) {
  if (!paths.length) return new Set();
  try {
    const out = execFileSync("git", ["-C", root, "check-ignore", "--stdin"], {
      input: paths.map((p) => relative(root, p)).join("\n"), encoding: "utf8",
    });
    return new Set(out.split("\n").filter(Boolean).map((r) => join(root, r)));
  } catch (e) {
    return new Set((e.stdout || "").split("\n").filter(Boolean).map((r) => join(root, r)));
  }
}

function tracked(p) {
  const out = execFileSync("git", ["-C", root, "ls-files", "--", relative(root, p)], { encoding: "utf8" });
  return out.trim().length > 0;
}

function size(p) {
  const st = lstatSync(p);
  if (st.isSymbolicLink()) return 0;
  if (!st.isDirectory()) return st.size;
  let total = 0;
  for (const e of readdirSync(p)) total += size(join(p, e));
  return total;
}

const found = [];
const skipped = [];
function walk(dir) {
  for (const ent of readdirSync(dir, { withFileTypes: true })) {
    const abs = join(dir, ent.name);
    if (ent.isSymbolicLink()) continue;
    if (isCandidate(abs)) { found.push(abs); continue; }
    if (NOT_CACHE_HINT.includes(ent.name)) skipped.push(relative(root, abs));
    if (ent.isDirectory() && !NEVER_DESCEND.has(ent.name)) {
      if (ent.name === "node_modules") {
        const c = join(abs, ".cache");
        if (existsSync(c)) found.push(c);
        continue;
      }
      walk(abs);
    }
  }
}
walk(root);

const ign = ignored(found);
const final = found.filter((p) => ign.has(p) && !tracked(p) && realpathSync(p).startsWith(realRoot + sep));
const human = (n) => (n > 1e9 ? `${(n / 1e9).toFixed(2)} GB` : n > 1e6 ? `${Math.round(n / 1e6)} MB` : `${Math.round(n / 1e3)} KB`);

let total = 0;
console.log(`repo: ${root}`);
const rows = final.map((p) => { const s = size(p); total += s; return [s, relative(root, p)]; }).sort((a, b) => b[0] - a[0]);
for (const [s, r] of rows) console.log(`  ${human(s).padEnd(8)} ${r}`);
console.log(`  --\n  ${human(total)}  in ${rows.length} paths (ignored, known caches).`);
const notIgnored = found.filter((p) => !ign.has(p));
if (notIgnored.length) console.log(`not ignored, left alone: ${notIgnored.map((p) => relative(root, p)).join(", ")}`);
if (skipped.length) console.log(`skipped: ${skipped.map((s) => `${s} (not a cache)`).join(", ")}`);

if (!APPLY) {
  console.log("Nothing deleted (dry run). Re-run with --apply after the user agrees.");
  process.exit(0);
}
const rl = createInterface({ input: process.stdin, output: process.stdout });
const ans = (await rl.question(`delete ${rows.length} paths (${human(total)})? [y/N] `)).trim().toLowerCase();
rl.close();
if (ans !== "y" && ans !== "yes") { console.log("cancelled"); process.exit(0); }
for (const [, r] of rows) rmSync(join(root, r), { recursive: true, force: true });
console.log(`deleted ${rows.length} paths, freed about ${human(total)}`);
