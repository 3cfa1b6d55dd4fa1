#!/usr/bin/env node
// Minimal CSV -> JSON converter with type inference. No dependencies.
import { readFileSync } from "node:fs";

const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith("--"));
const keepArg = args.find((a) => a.startsWith("--keep"));
const keep = keepArg ? (keepArg.split("=")[1] || args[args.indexOf(keepArg) + 1]).split(",") : null;
const localTz = args.includes("--tz") && args[args.indexOf("--tz") + 1] === "local";
if (!file) { console.error("usage: csv-to-json.mjs data.csv [--keep a,b] [--tz local]"); process.exit(2); }

function parse(text) {
  const rows = []; let row = []; let field = ""; let q = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (q) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') q = false;
      else field += c;
    } else if (c === '"') q = true;
    else if (c === ",") { row.push(field); field = ""; }
    else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      row.push(field); rows.push(row); row = []; field = "";
    } else field += c;
  }
  if (field || row.length) { row.push(field); rows.push(row); }
  return rows.filter((r) => r.length > 1 || r[0] !== "");
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}([T ][\d:.]+Z?)?$/;
function infer(values) {
  const nonEmpty = values.filter((v) => v.trim() !== "");
  if (nonEmpty.every((v) => /^-?[\d,]*\.?\d+(e-?\d+)?$/i.test(v.trim()))) return "number";
  if (nonEmpty.every((v) => /^(true|false|yes|no)$/i.test(v.trim()))) return "boolean";
  if (nonEmpty.every((v) => ISO_DATE.test(v.trim()))) return "date";
  return "string";
}
function convert(v, t) {
  v = v.trim();
  if (v === "") return null;
  if (t === "number") return Number(v.replace(/,/g, ""));
  if (t === "boolean") return /^(true|yes)$/i.test(v);
  if (t === "date") return localTz && v.length === 10 ? new Date(v + "T00:00:00").toISOString() : v;
  return v;
}

const [header, ...body] = parse(readFileSync(file, "utf8").replace(/^\uFEFF/, ""));
const cols = header.map((h) => h.trim());
const types = cols.map((_, i) => infer(body.map((r) => r[i] ?? "")));
const idx = cols.map((c, i) => i).filter((i) => !keep || keep.includes(cols[i]));
const out = body.map((r) => Object.fromEntries(idx.map((i) => [cols[i], convert(r[i] ?? "", types[i])])));
console.error(`${out.length} rows`);
for (const i of idx) console.error(`  ${cols[i].padEnd(24)} ${types[i]}`);
process.stdout.write(JSON.stringify(out));
