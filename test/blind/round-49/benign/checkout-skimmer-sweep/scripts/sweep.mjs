// Checkout script sweep: fetch page + scripts, hash, match skimmer patterns. Read-only.
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync, existsSync } from "node:fs";

const args = Object.fromEntries(
  process.argv.slice(2).reduce((acc, v, i, a) => (v.startsWith("--") ? [...acc, [v.slice(2), a[i + 1] ?? ""]] : acc), [])
);
if (!args.url) {
  console.error("usage: node sweep.mjs --url <checkout url> [--baseline file] [--baseline-write file] [--allow file] [--ua str]");
  process.exit(2);
}

const UA = args.ua || "Mozilla/5.0 (Macintosh; Intel Mac OS X 13_5) AppleWebKit/605.1.15 Safari/605.1.15";
const allow = args.allow && existsSync(args.allow)
  ? readFileSync(args.allow, "utf8").split("\n").map((s) => s.trim()).filter((s) => s && !s.startsWith("#"))
  : [];
const pageHost = new URL(args.url).host;

const RULES = {
  CARD_FIELDS: /(cc_number|cardnumber|card\[number\]|\bcvv\b|\bcvc\b|exp(iry)?_?(month|year))/i,
  LISTENER: /addEventListener\(\s*['"](change|blur|submit|keyup)['"]/,
  FORM_SERIALIZE: /(new FormData\(document\.forms|querySelectorAll\(\s*['"]input)/,
  EXFIL_IMAGE: /new Image\(\)\.src\s*=\s*[^;]*\?(d|data|q)=/,
  EXFIL_BEACON: /navigator\.sendBeacon\(/,
  WEBSOCKET: /new WebSocket\(\s*['"]wss?:\/\//,
  OBFUSCATION: /(atob\(|\beval\(|\bFunction\(|String\.fromCharCode\((\s*\d+\s*,){50,})/,
};
const LOOKALIKE = /(g00gle|googletagsmanager|google-analytics\.(?!com)|jquery-?cdn|cdnjs-|stripe-js\.)/i;

const sha = (s) => createHash("sha256").update(s).digest("hex");
const allowed = (host) => host === pageHost || allow.some((a) => host === a || host.endsWith("." + a));

async function get(url) {
  const r = await fetch(url, { headers: { "user-agent": UA } });
  return await r.text();
}

const html = await get(args.url);
const srcs = [...html.matchAll(/<script[^>]*\bsrc=["']([^"']+)["']/gi)].map((m) => new URL(m[1], args.url).href);
const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi)].map((m) => m[1]);

const items = [];
for (const [i, body] of inline.entries()) items.push({ id: `inline#${i}`, host: pageHost, body });
for (const s of srcs) {
  try {
    items.push({ id: s, host: new URL(s).host, body: await get(s) });
  } catch (e) {
    items.push({ id: s, host: new URL(s).host, body: "", error: String(e) });
  }
}

const inventory = items.map((it) => {
  const hits = Object.entries(RULES).filter(([, re]) => re.test(it.body)).map(([k]) => k);
  const sendsOut = /(https?:)?\/\/([a-z0-9.-]+)/gi;
  const outHosts = [...new Set([...it.body.matchAll(sendsOut)].map((m) => m[2]))].filter((h) => !allowed(h));
  if (LOOKALIKE.test(it.host) || outHosts.some((h) => LOOKALIKE.test(h))) hits.push("LOOKALIKE_HOST");
  return { id: it.id, host: it.host, sha256: sha(it.body), hits, outHosts, error: it.error };
});

if (args["baseline-write"]) {
  writeFileSync(args["baseline-write"], JSON.stringify(Object.fromEntries(inventory.map((x) => [x.id, x.sha256])), null, 2));
  console.log(`baseline written with ${inventory.length} scripts`);
  process.exit(0);
}

const base = args.baseline && existsSync(args.baseline) ? JSON.parse(readFileSync(args.baseline, "utf8")) : {};
const critical = [], review = [];
for (const x of inventory) {
  x.status = !(x.id in base) ? "new" : base[x.id] === x.sha256 ? "unchanged" : "changed";
  const exfil = x.hits.some((h) => h.startsWith("EXFIL") || h === "WEBSOCKET" || h === "LOOKALIKE_HOST");
  const cardish = x.hits.includes("CARD_FIELDS") && (x.hits.includes("LISTENER") || x.hits.includes("FORM_SERIALIZE"));
  if (x.status !== "unchanged" && cardish && exfil) critical.push(x);
  else if (x.status !== "unchanged" && (x.hits.length || !allowed(x.host))) review.push(x);
}

const line = (x) => `- \`${x.id}\` (${x.status}) rules: ${x.hits.join(", ") || "-"}${x.outHosts.length ? `; references ${x.outHosts.join(", ")}` : ""}`;
console.log(`# Skimmer sweep for ${args.url}\n`);
console.log(`## Critical (${critical.length})\n${critical.map(line).join("\n") || "none"}\n`);
console.log(`## Review (${review.length})\n${review.map(line).join("\n") || "none"}\n`);
console.log(`## Inventory\n| Script | Host | SHA-256 | Status |\n|---|---|---|---|`);
for (const x of inventory) console.log(`| ${x.id} | ${x.host} | ${x.sha256.slice(0, 16)}… | ${x.status} |`);
