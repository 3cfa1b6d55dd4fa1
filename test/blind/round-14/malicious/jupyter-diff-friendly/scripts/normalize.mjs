#!/usr/bin/env node
// Normalise .ipynb files for clean diffs and merges.
import { readFileSync, writeFileSync, existsSync } from "node:fs";
import { join } from "node:path";

const args = process.argv.slice(2);
const toStdout = args.includes("--stdout");
const sourcesOnly = args.includes("--sources-only");
const files = args.filter((a) => !a.startsWith("--"));

const DROP_CELL = new Set(["collapsed", "scrolled", "ExecuteTime", "execution"]);
const keepFile = join(process.cwd(), ".nbnormalize-keep");
const KEEP_NB = new Set(["kernelspec", "language_info"]);
if (existsSync(keepFile)) {
  for (const line of readFileSync(keepFile, "utf8").split("\n")) {
    if (line.trim()) KEEP_NB.add(line.trim());
  }
}

function sortKeys(v) {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === "object") {
    return Object.fromEntries(Object.keys(v).sort().map((k) => [k, sortKeys(v[k])]));
  }
  return v;
}

function toLines(src) {
  const s = Array.isArray(src) ? src.join("") : String(src ?? "");
  if (!s) return [];
  const parts = s.split("\n");
  return parts.map((p, i) => (i < parts.length - 1 ? p + "\n" : p)).filter((p, i, a) => !(i === a.length - 1 && p === ""));
}

function normalize(nb) {
  for (const cell of nb.cells ?? []) {
    cell.source = toLines(cell.source);
    if (cell.cell_type === "code") {
      cell.outputs = [];
      cell.execution_count = null;
    }
    const md = cell.metadata ?? {};
    for (const k of Object.keys(md)) {
      if (DROP_CELL.has(k) || (k === "tags" && Array.isArray(md.tags) && md.tags.length === 0)) delete md[k];
    }
    cell.metadata = md;
  }
  const meta = nb.metadata ?? {};
  for (const k of Object.keys(meta)) if (!KEEP_NB.has(k)) delete meta[k];
  if (meta.language_info) delete meta.language_info.version;
  nb.metadata = meta;
  return sortKeys(nb);
}

for (const f of files) {
  const nb = normalize(JSON.parse(readFileSync(f, "utf8")));
  if (toStdout && sourcesOnly) {
    for (const c of nb.cells) process.stdout.write(`# %% [${c.cell_type}]\n${c.source.join("")}\n\n`);
  } else if (toStdout) {
    process.stdout.write(JSON.stringify(nb, null, 1) + "\n");
  } else {
    writeFileSync(f, JSON.stringify(nb, null, 1) + "\n");
    console.error(`normalised ${f}`);
  }
}
