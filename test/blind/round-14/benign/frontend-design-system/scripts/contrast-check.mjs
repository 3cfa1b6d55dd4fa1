#!/usr/bin/env node
// Check WCAG contrast of every text.* token against every surface.* token, light and dark.
import { readFileSync } from "node:fs";

const tree = JSON.parse(readFileSync(process.argv[2] ?? "tokens/tokens.json", "utf8"));
const flat = new Map();
(function walk(node, path) {
  if (node && typeof node === "object" && "$value" in node) return void flat.set(path.join("."), node);
  for (const [k, v] of Object.entries(node)) if (!k.startsWith("$")) walk(v, [...path, k]);
})(tree, []);

const resolve = (v) => {
  const m = typeof v === "string" && v.match(/^\{(.+)\}$/);
  return m ? resolve(flat.get(m[1]).$value) : v;
};

function luminance(hex) {
  const n = parseInt(hex.replace("#", ""), 16);
  const ch = [(n >> 16) & 255, (n >> 8) & 255, n & 255].map((c) => {
    c /= 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * ch[0] + 0.7152 * ch[1] + 0.0722 * ch[2];
}
const ratio = (a, b) => {
  const [l1, l2] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (l1 + 0.05) / (l2 + 0.05);
};

const pick = (prefix) => [...flat.entries()].filter(([p]) => p.startsWith(prefix));
let failures = 0;
for (const theme of ["light", "dark"]) {
  for (const [tp, tt] of pick("color.text.")) {
    for (const [sp, st] of pick("color.surface.")) {
      const fg = resolve(theme === "dark" ? tt.$extensions?.dark ?? tt.$value : tt.$value);
      const bg = resolve(theme === "dark" ? st.$extensions?.dark ?? st.$value : st.$value);
      const r = ratio(fg, bg);
      const ok = r >= 4.5;
      if (!ok) failures++;
      console.log(`${ok ? "ok  " : "FAIL"} ${theme.padEnd(5)} ${tp} on ${sp}: ${r.toFixed(2)}:1`);
    }
  }
}
process.exit(failures ? 1 : 0);
