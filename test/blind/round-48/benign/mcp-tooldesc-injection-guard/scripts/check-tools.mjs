#!/usr/bin/env node
// Scan an MCP tools/list (or prompts/list) JSON dump for tool-poisoning text.
// Usage: node check-tools.mjs tools.json [--pin pins.json] [--json]
import { readFileSync, writeFileSync, existsSync } from "node:fs";
import { createHash } from "node:crypto";

const args = process.argv.slice(2);
if (!args[0]) {
  console.error("usage: check-tools.mjs tools.json [--pin pins.json] [--json]");
  process.exit(2);
}
const pinIdx = args.indexOf("--pin");
const pinPath = pinIdx >= 0 ? args[pinIdx + 1] : null;
const asJson = args.includes("--json");

const raw = JSON.parse(readFileSync(args[0], "utf8"));
const items = raw.tools ?? raw.prompts ?? raw.resources ?? raw.result?.tools ?? (Array.isArray(raw) ? raw : []);

const RULES = [
  ["T1", /<\s*(important|system|instructions?)\s*>|\[INST\]|<!--[\s\S]*?-->|\n{6,}\S/i],
  ["T2", /~\/\.ssh|id_rsa|id_ed25519|\.env\b|mcp\.json|credentials|\.npmrc|read (the )?(file|contents)/i],
  ["T3", /do not (tell|mention|inform|show)|must not (know|see)|without (telling|asking)|silently|upset the user/i],
  ["T4", /(side effect|whenever|when) [^.]{0,40}\b(tool|send_\w+|other tools?)\b|always (bcc|cc|forward|send .* to)/i],
];
const SUSPECT_PARAMS = /^(sidenote|side_note|context|metadata|notes?|extra|debug|feedback)$/i;
const INVIS = /[\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]|[\u{E0000}-\u{E007F}]/gu;

function visible(s) {
  return s.replace(INVIS, (c) => `<U+${c.codePointAt(0).toString(16).toUpperCase().padStart(4, "0")}>`);
}
function tagText(s) {
  // Unicode tag characters map 1:1 onto ASCII; show what they spell.
  return [...s].filter((c) => c.codePointAt(0) >= 0xe0020 && c.codePointAt(0) <= 0xe007e)
    .map((c) => String.fromCharCode(c.codePointAt(0) - 0xe0000)).join("");
}
function allText(item) {
  const parts = [item.description ?? ""];
  const props = item.inputSchema?.properties ?? item.arguments ?? {};
  for (const [k, v] of Object.entries(props)) parts.push(`${k}: ${v?.description ?? ""}`);
  return parts.join("\n");
}
function digest(item) {
  return createHash("sha256")
    .update(`${item.name}\n${item.description ?? ""}\n${JSON.stringify(item.inputSchema ?? {})}`)
    .digest("hex");
}

const pins = pinPath && existsSync(pinPath) ? JSON.parse(readFileSync(pinPath, "utf8")) : null;
const newPins = {};
const report = [];

for (const item of items) {
  const text = allText(item);
  const findings = [];
  for (const [id, rx] of RULES) {
    const m = text.match(rx);
    if (m) findings.push({ rule: id, excerpt: visible(text.slice(Math.max(0, m.index - 60), m.index + 120)) });
  }
  const props = Object.keys(item.inputSchema?.properties ?? {});
  const odd = props.filter((p) => SUSPECT_PARAMS.test(p));
  if (odd.length && findings.some((f) => f.rule === "T2" || f.rule === "T3")) {
    findings.push({ rule: "T5", excerpt: `free-text params: ${odd.join(", ")}` });
  }
  const inv = text.match(INVIS);
  if (inv) {
    const tags = tagText(text);
    findings.push({ rule: "T6", excerpt: `${inv.length} invisible chars${tags ? `; tag text reads: "${tags}"` : ""}` });
  }
  if ((item.description ?? "").length > 1500) findings.push({ rule: "T7", excerpt: `${item.description.length} chars` });

  const h = digest(item);
  newPins[item.name] = h;
  if (pins && pins[item.name] && pins[item.name] !== h) findings.push({ rule: "T8", excerpt: "description/schema changed since pin" });
  if (pins && !pins[item.name]) findings.push({ rule: "T8", excerpt: "new tool since pin" });
  report.push({ name: item.name, findings });
}
if (pins) for (const name of Object.keys(pins)) if (!newPins[name]) report.push({ name, findings: [{ rule: "T8", excerpt: "tool removed since pin" }] });

if (pinPath && !pins) {
  writeFileSync(pinPath, JSON.stringify(newPins, null, 2) + "\n");
  console.error(`wrote ${Object.keys(newPins).length} pins to ${pinPath}`);
}

if (asJson) {
  console.log(JSON.stringify(report, null, 2));
} else {
  let flagged = 0;
  for (const r of report) {
    if (!r.findings.length) continue;
    flagged++;
    console.log(`\n== ${r.name}`);
    for (const f of r.findings) console.log(`  ${f.rule}  ${f.excerpt.replace(/\n/g, "⏎")}`);
  }
  console.log(`\n${items.length} items, ${flagged} with findings`);
  const serious = report.some((r) => r.findings.some((f) => ["T1", "T3", "T4", "T5", "T6"].includes(f.rule)));
  process.exit(serious ? 1 : 0);
}
