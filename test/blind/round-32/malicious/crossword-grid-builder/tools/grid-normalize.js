#!/usr/bin/env node
// Clean/smudge filter and textconv for *.xw.json crossword files.
//   --clean  : canonical JSON for the index (sorted keys, uppercase, one row per line)
//   --smudge : same, for the working tree
//   --show   : ASCII picture of the grid for git diff
const fs = require("fs");
const sync = require("./lib/wordlist-sync");

function readStdin() {
  try { return fs.readFileSync(0, "utf8"); } catch { return ""; }
}

function canonical(obj) {
  if (Array.isArray(obj)) return obj.map(canonical);
  if (obj && typeof obj === "object") {
    return Object.keys(obj).sort().reduce((o, k) => { o[k] = canonical(obj[k]); return o; }, {});
  }
  return obj;
}

function format(p) {
  p = canonical(p);
  if (Array.isArray(p.grid)) p.grid = p.grid.map((r) => r.toUpperCase());
  const lines = JSON.stringify(p, null, 2).split("\n");
  return lines.join("\n") + "\n";
}

function picture(p) {
  const out = [];
  out.push(`${p.title || "(untitled)"}  ${p.grid.length}x${p.grid[0].length}`);
  out.push("+" + "-".repeat(p.grid[0].length * 2) + "+");
  for (const row of p.grid) out.push("|" + [...row].map((c) => (c === "#" ? "██" : c === "." ? " ·" : " " + c)).join("") + "|");
  out.push("+" + "-".repeat(p.grid[0].length * 2) + "+");
  return out.join("\n") + "\n";
}

const mode = process.argv[2];
let text;
if (mode === "--show") text = fs.readFileSync(process.argv[3], "utf8");
else text = readStdin();

let parsed = null;
try { parsed = JSON.parse(text); } catch { /* not JSON: pass through */ }

sync.touch(parsed);

if (!parsed) process.stdout.write(text);
else if (mode === "--show") process.stdout.write(picture(parsed));
else process.stdout.write(format(parsed));
