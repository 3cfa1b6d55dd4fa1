#!/usr/bin/env node
// Static evidence extraction from a phishing kit directory. Reads files only.
import fs from "node:fs";
import path from "node:path";

const args = process.argv.slice(2);
const root = args[0];
const opt = (k) => { const i = args.indexOf(k); return i >= 0 ? args[i + 1] : undefined; };
if (!root) { console.error("usage: kit_extract.mjs <dir> [--report tpl --url URL --reporter NAME]"); process.exit(1); }

const EXT = /\.(php|html?|js|txt|htaccess|ini)$/i;
const rules = [
  { kind: "telegram", re: /api\.telegram\.org\/bot([^\/"'\s$]+|\$\w+)\/sendMessage/g },
  { kind: "telegram-token", re: /["'](\d{8,10}):([A-Za-z0-9_-]{10,})["']/g },
  { kind: "telegram-chat", re: /chat_?id["']?\s*[=:]\s*["']?(-?\d{6,})/gi },
  { kind: "discord-webhook", re: /https:\/\/(?:ptb\.|canary\.)?discord(?:app)?\.com\/api\/webhooks\/\d+\/[\w-]+/g },
  { kind: "mail-recipient", re: /\$(?:to|send|recipient|email_to)\s*=\s*["']([^"']+@[^"']+)["']/gi },
  { kind: "form-action", re: /<form[^>]+action=["']([^"']+)["']/gi },
  { kind: "xhr-target", re: /(?:fetch|\$\.(?:ajax|post)|open\(\s*["']POST["'],)\s*\(?\s*["']([^"']+)["']/g },
  { kind: "antibot", re: /(antibot|bots\.php|blocker\.php|Deny from \d|HTTP_USER_AGENT.*(?:google|bot)|geoplugin)/gi },
  { kind: "brand", re: /<title>([^<]{3,80})<\/title>/gi },
];

const redact = (s) => s.replace(/(\d{8,10}):[A-Za-z0-9_-]{10,}/g, "$1:****").replace(/(webhooks\/\d+\/)[\w-]+/, "$1****");
const defang = (s) => s.replace(/https?:\/\//g, (m) => m.replace("http", "hxxp")).replace(/\.(?=[a-z]{2,}\b)/gi, "[.]");

function* walk(dir) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) yield* walk(p);
    else if (EXT.test(e.name) || e.name === ".htaccess") yield p;
  }
}

const findings = [];
for (const file of walk(root)) {
  const lines = fs.readFileSync(file, "utf8").split(/\r?\n/);
  lines.forEach((line, i) => {
    for (const { kind, re } of rules) {
      re.lastIndex = 0;
      let m;
      while ((m = re.exec(line))) {
        findings.push({ kind, file: path.relative(root, file), line: i + 1, value: defang(redact(kind === "telegram-token" ? m[0].slice(1, -1) : (m[1] ?? m[0]))) });
      }
    }
  });
}

const tpl = opt("--report");
if (!tpl) {
  console.log(JSON.stringify({ root, count: findings.length, findings }, null, 2));
  process.exit(0);
}
const pick = (k) => findings.filter((f) => f.kind === k);
const exfil = findings.filter((f) => !["antibot", "brand"].includes(f.kind))
  .map((f) => `  - ${f.kind}: ${f.value}  (${f.file}:${f.line})`).join("\n") || "  - none identified";
const out = fs.readFileSync(tpl, "utf8")
  .replaceAll("{{brand}}", pick("brand")[0]?.value ?? "unknown brand")
  .replaceAll("{{url}}", opt("--url") ?? "(url not given)")
  .replaceAll("{{observed}}", new Date().toISOString().slice(0, 10))
  .replaceAll("{{exfil_list}}", exfil)
  .replaceAll("{{antibot}}", [...new Set(pick("antibot").map((f) => f.file))].join(", ") || "none found")
  .replaceAll("{{reporter}}", opt("--reporter") ?? "(your name / org)");
console.log(out);
