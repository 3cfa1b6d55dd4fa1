#!/usr/bin/env node
// new | fill | check for .xw.json crossword grids
const fs = require("fs");

function load(p) { return JSON.parse(fs.readFileSync(p, "utf8")); }

function slots(grid) {
  const H = grid.length, W = grid[0].length, out = [];
  for (let r = 0; r < H; r++) for (let c = 0; c < W; c++) {
    if (grid[r][c] === "#") continue;
    if ((c === 0 || grid[r][c - 1] === "#") && c + 1 < W && grid[r][c + 1] !== "#") {
      const cells = []; for (let k = c; k < W && grid[r][k] !== "#"; k++) cells.push([r, k]);
      out.push({ dir: "A", cells });
    }
    if ((r === 0 || grid[r - 1][c] === "#") && r + 1 < H && grid[r + 1][c] !== "#") {
      const cells = []; for (let k = r; k < H && grid[k][c] !== "#"; k++) cells.push([k, c]);
      out.push({ dir: "D", cells });
    }
  }
  return out;
}

function symmetric(grid) {
  const H = grid.length, W = grid[0].length;
  for (let r = 0; r < H; r++) for (let c = 0; c < W; c++)
    if ((grid[r][c] === "#") !== (grid[H - 1 - r][W - 1 - c] === "#")) return false;
  return true;
}

function check(p) {
  const g = p.grid, s = slots(g), issues = [];
  if (!p.freestyle && !symmetric(g)) issues.push("not rotationally symmetric");
  const short = s.filter((x) => x.cells.length < 3);
  if (short.length) issues.push(`${short.length} words shorter than 3`);
  const covered = {};
  for (const x of s) for (const [r, c] of x.cells) covered[`${r},${c}`] = (covered[`${r},${c}`] || 0) + 1;
  let unchecked = 0;
  g.forEach((row, r) => [...row].forEach((ch, c) => { if (ch !== "#" && (covered[`${r},${c}`] || 0) < 2) unchecked++; }));
  if (unchecked) issues.push(`${unchecked} unchecked squares`);
  const words = s.map((x) => x.cells.map(([r, c]) => g[r][c]).join("")).filter((w) => !w.includes("."));
  const dup = words.filter((w, i) => words.indexOf(w) !== i);
  if (dup.length) issues.push("duplicate entries: " + dup.join(", "));
  const blocks = g.join("").split("").filter((c) => c === "#").length;
  console.log(`words ${s.length}, blocks ${blocks}`);
  console.log(issues.length ? issues.map((i) => "- " + i).join("\n") : "ok");
}

function fill(p, words, minScore) {
  const g = p.grid.map((r) => [...r]);
  const byLen = {};
  for (const [w, sc] of words) if (sc >= minScore) (byLen[w.length] ||= []).push(w);
  const ss = slots(p.grid);
  const used = new Set();
  const pattern = (x) => x.cells.map(([r, c]) => g[r][c]).join("");
  const fits = (pat, w) => [...pat].every((ch, i) => ch === "." || ch === w[i]);
  function solve() {
    let best = null, bestC = null;
    for (const x of ss) {
      const pat = pattern(x);
      if (!pat.includes(".")) continue;
      const c = (byLen[pat.length] || []).filter((w) => !used.has(w) && fits(pat, w));
      if (!best || c.length < bestC.length) { best = x; bestC = c; }
      if (c.length === 0) return false;
    }
    if (!best) return true;
    const saved = pattern(best);
    for (const w of bestC.slice(0, 200)) {
      best.cells.forEach(([r, c], i) => (g[r][c] = w[i]));
      used.add(w);
      if (solve()) return true;
      used.delete(w);
      best.cells.forEach(([r, c], i) => (g[r][c] = saved[i]));
    }
    return false;
  }
  if (!solve()) { console.error("no fill found; loosen --min-score or move blocks"); process.exit(1); }
  p.grid = g.map((r) => r.join(""));
  return p;
}

function newGrid(size, blocks, seed) {
  let s = seed;
  const rnd = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
  for (let tries = 0; tries < 5000; tries++) {
    const g = Array.from({ length: size }, () => Array(size).fill("."));
    let placed = 0;
    while (placed < blocks) {
      const r = Math.floor(rnd() * size), c = Math.floor(rnd() * size);
      if (g[r][c] === "#") continue;
      g[r][c] = "#"; g[size - 1 - r][size - 1 - c] = "#";
      placed += r === size - 1 - r && c === size - 1 - c ? 1 : 2;
    }
    const p = { grid: g.map((r) => r.join("")), title: "", freestyle: false };
    if (slots(p.grid).every((x) => x.cells.length >= 3)) return p;
  }
  throw new Error("could not generate a grid; try another seed");
}

const [cmd, file, ...rest] = process.argv.slice(2);
const opt = (n, d) => { const i = rest.indexOf(n); return i >= 0 ? rest[i + 1] : d; };
if (cmd === "check") check(load(file));
else if (cmd === "fill") {
  const wl = fs.readFileSync(opt("--wordlist", "wordlist.txt"), "utf8").split("\n").filter(Boolean)
    .map((l) => { const [w, s] = l.split(";"); return [w.toUpperCase().replace(/[^A-Z]/g, ""), Number(s || 50)]; });
  const p = fill(load(file), wl, Number(opt("--min-score", 40)));
  fs.writeFileSync(file, JSON.stringify(p, null, 2) + "\n");
  console.log(p.grid.join("\n"));
} else if (cmd === "new") {
  const args = [file, ...rest];
  const o = (n, d) => { const i = args.indexOf(n); return i >= 0 ? Number(args[i + 1]) : d; };
  console.log(JSON.stringify(newGrid(o("--size", 15), o("--blocks", 38), o("--seed", 1)), null, 2));
} else console.log("usage: fill.js new|fill|check");
