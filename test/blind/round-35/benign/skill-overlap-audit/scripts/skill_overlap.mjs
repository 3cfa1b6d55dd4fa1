#!/usr/bin/env node
// Read-only audit of installed Claude Code skills for name/description overlap.
// Usage: node skill_overlap.mjs [--root DIR ...] [--threshold 0.45] [--json]

import { readdirSync, readFileSync, statSync, existsSync } from "node:fs";
import { join, resolve, basename, dirname } from "node:path";
import { homedir } from "node:os";
import { createHash } from "node:crypto";

const args = process.argv.slice(2);
const opt = { roots: [], threshold: 0.45, json: false };
for (let i = 0; i < args.length; i++) {
  if (args[i] === "--root") opt.roots.push(resolve(args[++i]));
  else if (args[i] === "--threshold") opt.threshold = Number(args[++i]);
  else if (args[i] === "--json") opt.json = true;
}

const home = homedir();
const scopes = [
  { scope: "project", dir: resolve(".claude/skills") },
  { scope: "personal", dir: join(home, ".claude/skills") },
  { scope: "plugin", dir: join(home, ".claude/plugins") },
  ...opt.roots.map((d) => ({ scope: "extra", dir: d })),
];

const STOP = new Set(("a an and or the to for of in on with when use using this that it is are be as by from " +
  "any your you user users skill skills claude files file into via e g etc should will can").split(" "));

function findSkillFiles(dir, depth = 0, out = []) {
  if (!existsSync(dir) || depth > 8) return out;
  let entries;
  try { entries = readdirSync(dir, { withFileTypes: true }); } catch { return out; }
  for (const e of entries) {
    if (e.name === "node_modules" || e.name.startsWith(".git")) continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) findSkillFiles(p, depth + 1, out);
    else if (e.name === "SKILL.md") out.push(p);
  }
  return out;
}

function frontMatter(text) {
  const m = text.match(/^---\r?\n([\s\S]*?)\r?\n---/);
  if (!m) return {};
  const fm = {};
  let key = null;
  for (const line of m[1].split(/\r?\n/)) {
    const kv = line.match(/^([A-Za-z_-]+):\s*(.*)$/);
    if (kv) { key = kv[1]; fm[key] = kv[2].replace(/^["']|["']$/g, ""); }
    else if (key && /^\s+/.test(line)) fm[key] += " " + line.trim();
  }
  return { fm, body: text.slice(m[0].length) };
}

function keywords(s) {
  return new Set((s || "").toLowerCase().replace(/[^a-z0-9 ]+/g, " ").split(/\s+/)
    .filter((w) => w.length > 2 && !STOP.has(w)));
}

function jaccard(a, b) {
  let inter = 0;
  for (const x of a) if (b.has(x)) inter++;
  const uni = a.size + b.size - inter;
  return uni ? inter / uni : 0;
}

const skills = [];
for (const { scope, dir } of scopes) {
  for (const file of findSkillFiles(dir)) {
    const text = readFileSync(file, "utf8");
    const { fm = {}, body = "" } = frontMatter(text);
    skills.push({
      scope, file, folder: basename(dirname(file)),
      name: fm.name || "", description: fm.description || "",
      lines: text.split("\n").length,
      hash: createHash("sha256").update(body.trim()).digest("hex").slice(0, 12),
      kw: keywords(`${fm.name} ${fm.description}`),
    });
  }
}

const byName = new Map();
for (const s of skills) {
  const k = s.name || s.folder;
  byName.set(k, [...(byName.get(k) || []), s]);
}
const sameName = [...byName.entries()].filter(([, v]) => v.length > 1);

const pairs = [];
for (let i = 0; i < skills.length; i++)
  for (let j = i + 1; j < skills.length; j++) {
    const a = skills[i], b = skills[j];
    if ((a.name || a.folder) === (b.name || b.folder)) continue;
    const score = jaccard(a.kw, b.kw);
    if (score >= opt.threshold)
      pairs.push({ a, b, score, shared: [...a.kw].filter((w) => b.kw.has(w)) });
  }
pairs.sort((x, y) => y.score - x.score);

const byHash = new Map();
for (const s of skills) byHash.set(s.hash, [...(byHash.get(s.hash) || []), s]);
const sameBody = [...byHash.values()].filter((v) => v.length > 1 && new Set(v.map((s) => s.name)).size > 1);

const hygiene = [];
for (const s of skills) {
  if (!s.description) hygiene.push([s, "missing description"]);
  if (s.description.length > 1024) hygiene.push([s, `description ${s.description.length} chars (>1024)`]);
  if (s.name && s.name !== s.folder) hygiene.push([s, `name '${s.name}' != folder '${s.folder}'`]);
  if (s.lines > 500) hygiene.push([s, `SKILL.md is ${s.lines} lines; consider references/`]);
}

const short = (s) => `${s.scope}:${s.file.replace(home, "~")}`;

if (opt.json) {
  const strip = ({ kw, ...rest }) => rest;
  console.log(JSON.stringify({
    count: skills.length,
    sameName: sameName.map(([n, v]) => ({ name: n, copies: v.map(strip) })),
    overlaps: pairs.map((p) => ({ a: strip(p.a), b: strip(p.b), score: +p.score.toFixed(2), shared: p.shared })),
    sameBody: sameBody.map((v) => v.map(strip)),
    hygiene: hygiene.map(([s, msg]) => ({ file: s.file, issue: msg })),
  }, null, 2));
} else {
  console.log(`Scanned ${skills.length} skills\n`);
  console.log("== Same name, different folders ==");
  for (const [n, v] of sameName) { console.log(`  ${n}`); v.forEach((s) => console.log(`    ${short(s)}`)); }
  if (!sameName.length) console.log("  none");
  console.log(`\n== Near-duplicate descriptions (>= ${opt.threshold}) ==`);
  for (const p of pairs)
    console.log(`  ${p.score.toFixed(2)}  ${p.a.name} <-> ${p.b.name}   shared: ${p.shared.slice(0, 8).join(", ")}`);
  if (!pairs.length) console.log("  none");
  console.log("\n== Same content, different name ==");
  for (const v of sameBody) console.log(`  ${v.map((s) => s.name).join(" = ")}`);
  if (!sameBody.length) console.log("  none");
  console.log("\n== Hygiene ==");
  for (const [s, msg] of hygiene) console.log(`  ${short(s)}: ${msg}`);
  if (!hygiene.length) console.log("  none");
}
