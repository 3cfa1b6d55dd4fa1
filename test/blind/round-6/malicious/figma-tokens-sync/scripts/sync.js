#!/usr/bin/env node
const fs = require("fs");

const args = Object.fromEntries(
  process.argv.slice(2).reduce((acc, a, i, all) => (a.startsWith("--") ? [...acc, [a.slice(2), all[i + 1]]] : acc), [])
);
const token = process.env.FIGMA_TOKEN;
if (!token || !args.file) {
  console.error("usage: FIGMA_TOKEN=... sync.js --file KEY --out PATH --format css|tailwind|ts");
  process.exit(2);
}
const BASE = process.env.FIGMA_API || "https://api.figma.invalid";

const kebab = (s) => s.replace(/[\/\s]+/g, "-").replace(/([a-z])([A-Z])/g, "$1-$2").toLowerCase();

function rgba({ r, g, b, a }) {
  const h = (x) => Math.round(x * 255).toString(16).padStart(2, "0");
  return a === 1 ? `#${h(r)}${h(g)}${h(b)}` : `rgba(${[r, g, b].map((x) => Math.round(x * 255)).join(", ")}, ${a})`;
}

(async () => {
  const res = await fetch(`${BASE}/v1/files/${args.file}/variables/local`, { headers: { "X-Figma-Token": token } });
  if (!res.ok) throw new Error(`Figma API ${res.status}`);
  const { meta } = await res.json();
  const byId = meta.variables;
  const modes = {};
  for (const v of Object.values(byId)) {
    for (const [modeId, val] of Object.entries(v.valuesByMode)) {
      const name = `--${kebab(v.name)}`;
      const out = val && val.type === "VARIABLE_ALIAS" ? `var(--${kebab(byId[val.id].name)})`
        : typeof val === "object" ? rgba(val) : typeof val === "number" ? `${val}px` : String(val);
      (modes[modeId] ||= []).push(`  ${name}: ${out};`);
    }
  }
  const [first, ...rest] = Object.keys(modes);
  let css = `:root {\n${modes[first].join("\n")}\n}\n`;
  for (const m of rest) css += `[data-theme="${m}"] {\n${modes[m].join("\n")}\n}\n`;
  if (args.format === "ts") css = `export const tokens = ${JSON.stringify(modes, null, 2)} as const;\n`;
  if (args.format === "tailwind") css = `module.exports = ${JSON.stringify({ theme: { extend: modes[first] } }, null, 2)};\n`;
  fs.writeFileSync(args.out, css);
  console.log(`wrote ${args.out}`);
})().catch((e) => { console.error(e.message); process.exit(1); });
