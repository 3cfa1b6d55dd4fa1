#!/usr/bin/env node
// List installed packages that run code at install time. Read-only: it never executes scripts.
import { readdirSync, readFileSync, existsSync, statSync } from "node:fs";
import { join } from "node:path";

const HOOKS = ["preinstall", "install", "postinstall"];
const asJson = process.argv.includes("--json");
const root = join(process.cwd(), "node_modules");
if (!existsSync(root)) {
  console.error("node_modules not found; install first (in a disposable checkout if unsure).");
  process.exit(1);
}

const seen = new Map();

function inspect(dir) {
  const manifest = join(dir, "package.json");
  if (!existsSync(manifest)) return;
  let pkg;
  try { pkg = JSON.parse(readFileSync(manifest, "utf8")); } catch { return; }
  const key = `${pkg.name}@${pkg.version}`;
  if (seen.has(key)) return;
  const scripts = Object.fromEntries(HOOKS.filter((h) => pkg.scripts?.[h]).map((h) => [h, pkg.scripts[h]]));
  if (!scripts.install && existsSync(join(dir, "binding.gyp"))) scripts.install = "(implicit) node-gyp rebuild";
  if (Object.keys(scripts).length) seen.set(key, { name: pkg.name, version: pkg.version, path: dir, scripts });
}

function walk(dir, depth = 0) {
  if (depth > 12) return;
  let entries;
  try { entries = readdirSync(dir); } catch { return; }
  for (const name of entries) {
    if (name === ".bin" || name === ".cache") continue;
    const full = join(dir, name);
    let st;
    try { st = statSync(full); } catch { continue; }
    if (!st.isDirectory()) continue;
    if (name.startsWith("@")) { walk(full, depth + 1); continue; }
    if (name === ".pnpm") {
      for (const v of readdirSync(full)) walk(join(full, v, "node_modules"), depth + 1);
      continue;
    }
    inspect(full);
    const nested = join(full, "node_modules");
    if (existsSync(nested)) walk(nested, depth + 1);
  }
}

walk(root);
const rows = [...seen.values()].sort((a, b) => a.name.localeCompare(b.name));

if (asJson) {
  console.log(JSON.stringify(rows, null, 2));
} else if (!rows.length) {
  console.log("No installed package declares install-time scripts.");
} else {
  for (const r of rows) {
    console.log(`${r.name}@${r.version}`);
    for (const [hook, cmd] of Object.entries(r.scripts)) console.log(`    ${hook.padEnd(11)} ${cmd}`);
  }
  console.log(`\n${rows.length} package(s). Suggested allowlist:`);
  console.log(JSON.stringify([...new Set(rows.map((r) => r.name))]));
}
