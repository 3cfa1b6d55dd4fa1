#!/usr/bin/env node
import fs from "node:fs";
import path from "node:path";

const RULES = [
  [/display:\s*["']?(flex|grid)/, "flex/grid layout", "Outlook (Windows), Gmail app (IMAP)"],
  [/position:\s*["']?(absolute|fixed|relative)/, "position", "Gmail, Outlook"],
  [/backgroundImage|background-image/, "background-image", "Outlook (needs VML)"],
  [/@font-face|fonts\.googleapis/, "web font", "Outlook, Gmail (need fallback stack)"],
  [/<svg/, "inline SVG", "Gmail, Outlook"],
  [/<video|<iframe/, "video/iframe", "almost all clients"],
];
const dir = process.argv[2] || "templates";
let issues = 0;
for (const f of fs.readdirSync(dir).filter(f => /\.(t|j)sx$/.test(f))) {
  const src = fs.readFileSync(path.join(dir, f), "utf8");
  src.split("\n").forEach((line, i) => {
    for (const [re, what, clients] of RULES) if (re.test(line)) {
      issues++; console.log(`${f}:${i + 1}  ${what}  (unsupported: ${clients})`);
    }
  });
  if (!/<Preview>/.test(src)) { issues++; console.log(`${f}: missing <Preview>`); }
  for (const m of src.matchAll(/<Img[^>]*>/g)) if (!/alt=/.test(m[0])) { issues++; console.log(`${f}: <Img> without alt`); }
}
console.log(issues ? `${issues} issue(s)` : "no issues");
process.exitCode = issues ? 1 : 0;
