#!/usr/bin/env node
// Roll a week of Obsidian daily notes into a weekly review note. Reads dailies, writes one file.
import { parseArgs } from "node:util";
import { readFileSync, writeFileSync, existsSync, readdirSync, mkdirSync, statSync } from "node:fs";
import { join, dirname, basename } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const { values: opt } = parseArgs({
  options: {
    vault: { type: "string" },
    week: { type: "string" },
    daily: { type: "string" },
    weekly: { type: "string", default: "Weekly" },
    "dry-run": { type: "boolean", default: false },
    force: { type: "boolean", default: false },
    section: { type: "string" },
  },
});
if (!opt.vault) { console.error("usage: rollup.mjs --vault PATH [--week 2025-W10]"); process.exit(2); }
const vault = opt.vault.replace(/^~(?=\/)/, process.env.HOME);

function readJson(p) { try { return JSON.parse(readFileSync(p, "utf8")); } catch { return null; } }
const dailyCfg = readJson(join(vault, ".obsidian", "daily-notes.json")) || {};
const dailyDir = opt.daily || dailyCfg.folder || "Daily";

// ISO week helpers
function isoWeekMonday(weekStr) {
  const [, y, w] = weekStr.match(/^(\d{4})-W(\d{2})$/) || [];
  if (!y) throw new Error(`bad --week ${weekStr}`);
  const jan4 = new Date(Date.UTC(+y, 0, 4));
  const mon = new Date(jan4);
  mon.setUTCDate(jan4.getUTCDate() - ((jan4.getUTCDay() + 6) % 7) + (+w - 1) * 7);
  return mon;
}
function isoWeekOf(d) {
  const t = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  t.setUTCDate(t.getUTCDate() + 3 - ((t.getUTCDay() + 6) % 7));
  const jan4 = new Date(Date.UTC(t.getUTCFullYear(), 0, 4));
  const w = 1 + Math.round(((t - jan4) / 864e5 - 3 + ((jan4.getUTCDay() + 6) % 7)) / 7);
  return `${t.getUTCFullYear()}-W${String(w).padStart(2, "0")}`;
}
const iso = (d) => d.toISOString().slice(0, 10);

let week = opt.week;
if (!week) { const d = new Date(); d.setUTCDate(d.getUTCDate() - 7); week = isoWeekOf(d); }
const monday = isoWeekMonday(week);
const days = [...Array(7)].map((_, i) => { const d = new Date(monday); d.setUTCDate(d.getUTCDate() + i); return iso(d); });

const listNames = (dir) => existsSync(join(vault, dir)) ?
  new Set(readdirSync(join(vault, dir), { recursive: true }).filter((f) => f.endsWith(".md")).map((f) => basename(f, ".md"))) : new Set();
const people = listNames("People");
const projects = listNames("Projects");

const done = [], open = new Map(), moved = [], decisions = [], highlights = [];
const peopleCount = new Map(), projectCount = new Map();

for (const day of days) {
  const file = join(vault, dailyDir, `${day}.md`);
  if (!existsSync(file) || !statSync(file).isFile()) continue;
  let inCode = false, inLog = false;
  for (const raw of readFileSync(file, "utf8").split(/\r?\n/)) {
    if (/^\s*(```|~~~)/.test(raw)) { inCode = !inCode; continue; }
    if (inCode || /^\s*>/.test(raw)) continue;
    const h = raw.match(/^(#{1,6})\s+(.*)/);
    if (h) { inLog = /^log\b/i.test(h[2].trim()); continue; }
    const link = `([[${day}]])`;
    const task = raw.match(/^\s*[-*]\s+\[(.)\]\s+(.*)$/);
    if (task) {
      const [, mark, body] = task;
      const text = body.replace(/\s*✅\s*\d{4}-\d{2}-\d{2}/, "").trim();
      if (mark === "x" || mark === "X") {
        const when = (body.match(/✅\s*(\d{4}-\d{2}-\d{2})/) || [, day])[1];
        done.push(`- ${text} (${when}) ${link}`);
        open.delete(text);
      } else if (mark === " ") {
        if (!open.has(text)) open.set(text, `- [ ] ${text} ${link}`);
      } else if (mark === ">" || mark === "-") {
        moved.push(`- [${mark}] ${text} ${link}`);
      }
    }
    if (/^\s*[-*]?\s*(Decision:|.*#decision\b)/i.test(raw)) decisions.push(`- ${raw.replace(/^\s*[-*]\s*/, "").trim()} ${link}`);
    if (inLog && /^\s*[-*]\s+(!|⭐)/.test(raw)) highlights.push(`- ${raw.replace(/^\s*[-*]\s+(!|⭐)\s*/, "").trim()} ${link}`);
    for (const m of raw.matchAll(/\[\[([^\]|#]+)(?:#[^\]|]*)?(?:\|[^\]]*)?\]\]/g)) {
      const name = m[1].split("/").pop().trim();
      if (people.has(name)) peopleCount.set(name, (peopleCount.get(name) || 0) + 1);
      if (projects.has(name)) projectCount.set(name, (projectCount.get(name) || 0) + 1);
    }
    for (const m of raw.matchAll(/#project\/([\w-]+)/g)) projectCount.set(`#project/${m[1]}`, (projectCount.get(`#project/${m[1]}`) || 0) + 1);
  }
}

const counted = (m) => [...m].sort((a, b) => b[1] - a[1]).map(([k, n]) => `- ${k.startsWith("#") ? k : `[[${k}]]`} ×${n}`);
const block = (title, items) => `### ${title}\n\n${items.length ? items.join("\n") : "_none_"}`;
const rollup = [
  block(`Done (${done.length})`, done),
  block(`Still open (${open.size})`, [...open.values()]),
  block("Migrated / cancelled", moved),
  block("Decisions", decisions),
  block("People", counted(peopleCount)),
  block("Projects", counted(projectCount)),
  block("Log highlights", highlights),
].join("\n\n");

const tpl = readFileSync(join(here, "..", "assets", "weekly-template.md"), "utf8");
const note = tpl.replaceAll("{{week}}", week).replaceAll("{{from}}", days[0]).replaceAll("{{to}}", days[6]).replace("{{rollup}}", rollup);
const target = join(vault, opt.weekly, `${week}.md`);

if (opt["dry-run"]) { console.log(note); process.exit(0); }
if (existsSync(target)) {
  const current = readFileSync(target, "utf8");
  if (opt.section) {
    const re = new RegExp(`(## ${opt.section}\\n)[\\s\\S]*?(?=\\n## |$)`);
    if (!re.test(current)) { console.error(`no "## ${opt.section}" section in ${target}`); process.exit(1); }
    writeFileSync(target, current.replace(re, `$1\n${rollup}\n`));
    console.log(`updated section "${opt.section}" in ${target}`);
    process.exit(0);
  }
  if (!opt.force) {
    console.error(`${target} exists. Use --section Rollup to refresh only that section, or --force to overwrite.`);
    process.exit(1);
  }
}
mkdirSync(dirname(target), { recursive: true });
writeFileSync(target, note);
console.log(`wrote ${target}: ${done.length} done, ${open.size} open, ${decisions.length} decisions`);
