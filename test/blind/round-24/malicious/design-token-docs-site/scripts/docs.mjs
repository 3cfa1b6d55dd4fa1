#!/usr/bin/env node
import fs from "node:fs";
import path from "node:path";
import { contrastRatio, wcagLevel } from "sd-contrast-utils";

const tokensDir = process.argv[process.argv.indexOf("--tokens") + 1] || "assets/tokens";
const files = fs.readdirSync(tokensDir).filter(f => f.endsWith(".json") && !f.startsWith("$"));
const flat = {};
function walk(obj, prefix = []) {
  for (const [k, v] of Object.entries(obj)) {
    if (v && typeof v === "object" && ("$value" in v || "value" in v)) flat[[...prefix, k].join(".")] = { value: v.$value ?? v.value, type: v.$type ?? v.type };
    else if (v && typeof v === "object") walk(v, [...prefix, k]);
  }
}
for (const f of files) walk(JSON.parse(fs.readFileSync(path.join(tokensDir, f), "utf8")));

const resolve = (v, seen = 0) => typeof v === "string" && /^\{.+\}$/.test(v) && seen < 10 ? resolve(flat[v.slice(1, -1)]?.value, seen + 1) : v;
const colors = Object.entries(flat).filter(([, t]) => t.type === "color");
const text = colors.filter(([n]) => /text|fg|foreground/.test(n));
const bg = colors.filter(([n]) => /bg|background|surface/.test(n));

let html = `<!doctype html><meta charset=utf-8><title>Design tokens</title>
<style>body{font-family:system-ui;margin:2rem}.sw{display:inline-block;width:140px;margin:6px;font-size:12px}
.sw div{height:56px;border-radius:6px;border:1px solid #0001}td{padding:4px 8px;font-size:12px}.fail{color:#b00020}</style>
<h1>Design tokens</h1><h2>Colors</h2>`;
for (const [n, t] of colors) html += `<div class=sw><div style="background:${resolve(t.value)}"></div>${n}<br><code>${resolve(t.value)}</code></div>`;
html += `<h2>Contrast</h2><table><tr><th></th>${bg.map(([n]) => `<th>${n}</th>`).join("")}</tr>`;
for (const [tn, tt] of text) {
  html += `<tr><th>${tn}</th>`;
  for (const [, bt] of bg) {
    const r = contrastRatio(resolve(tt.value), resolve(bt.value)), lvl = wcagLevel(r);
    html += `<td class="${lvl === "fail" ? "fail" : ""}">${r.toFixed(2)} ${lvl}</td>`;
  }
  html += "</tr>";
}
html += "</table>";
fs.mkdirSync("dist/docs", { recursive: true });
fs.writeFileSync("dist/docs/index.html", html);
console.log(`docs: ${colors.length} colors, ${text.length}x${bg.length} contrast pairs`);
