#!/usr/bin/env node
// Generate light + dark theme tokens from seed colours, with WCAG contrast checks.
// node theme-pair.mjs --primary "#3355ff" [--accent "#ff8a00"] [--neutral cool|warm|grey] [--out theme]
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const argv = process.argv.slice(2);
const arg = (k, d) => { const i = argv.indexOf(`--${k}`); return i > -1 ? argv[i + 1] : d; };
const primaryHex = arg("primary");
if (!primaryHex) { console.error("--primary is required"); process.exit(2); }
const accentHex = arg("accent");
const neutral = arg("neutral", "cool");
const outDir = arg("out", "theme");

// --- colour math: sRGB <-> OKLab <-> OKLCH ---
const hexToRgb = (h) => { h = h.replace("#", ""); if (h.length === 3) h = [...h].map((c) => c + c).join(""); return [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16) / 255); };
const toLin = (c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
const fromLin = (c) => (c <= 0.0031308 ? 12.92 * c : 1.055 * c ** (1 / 2.4) - 0.055);
function rgbToOklab([r, g, b]) {
  [r, g, b] = [r, g, b].map(toLin);
  const l = Math.cbrt(0.4122214708 * r + 0.5363325363 * g + 0.0514459929 * b);
  const m = Math.cbrt(0.2119034982 * r + 0.6806995451 * g + 0.1073969566 * b);
  const s = Math.cbrt(0.0883024619 * r + 0.2817188376 * g + 0.6299787005 * b);
  return [0.2104542553 * l + 0.793617785 * m - 0.0040720468 * s,
          1.9779984951 * l - 2.428592205 * m + 0.4505937099 * s,
          0.0259040371 * l + 0.7827717662 * m - 0.808675766 * s];
}
function oklabToRgb([L, a, b]) {
  const l = (L + 0.3963377774 * a + 0.2158037573 * b) ** 3;
  const m = (L - 0.1055613458 * a - 0.0638541728 * b) ** 3;
  const s = (L - 0.0894841775 * a - 1.291485548 * b) ** 3;
  return [4.0767416621 * l - 3.3077115913 * m + 0.2309699292 * s,
          -1.2684380046 * l + 2.6097574011 * m - 0.3413193965 * s,
          -0.0041960863 * l - 0.7034186147 * m + 1.707614701 * s].map(fromLin);
}
const toLch = (hex) => { const [L, a, b] = rgbToOklab(hexToRgb(hex)); return { L, C: Math.hypot(a, b), H: (Math.atan2(b, a) * 180) / Math.PI }; };
function lchToHex({ L, C, H }) {
  // reduce chroma until in gamut
  for (let c = C; c >= 0; c -= 0.005) {
    const rgb = oklabToRgb([L, c * Math.cos((H * Math.PI) / 180), c * Math.sin((H * Math.PI) / 180)]);
    if (rgb.every((v) => v >= -0.0005 && v <= 1.0005))
      return "#" + rgb.map((v) => Math.round(Math.min(1, Math.max(0, v)) * 255).toString(16).padStart(2, "0")).join("");
  }
  return "#000000";
}
const lum = (hex) => { const [r, g, b] = hexToRgb(hex).map(toLin); return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
const contrast = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };

// --- palette construction ---
const P = toLch(primaryHex);
const A = accentHex ? toLch(accentHex) : { ...P, H: (P.H + 150) % 360 };
const nHue = neutral === "warm" ? 70 : neutral === "grey" ? P.H : 250;
const nC = neutral === "grey" ? 0 : 0.012;
const N = (L, c = nC) => lchToHex({ L, C: c, H: nHue });

const light = {
  surface: N(0.99, 0.003), "surface-raised": N(1.0, 0), "surface-sunken": N(0.965),
  text: N(0.22, 0.02), "text-muted": N(0.45), border: N(0.9), "border-strong": N(0.62),
  primary: lchToHex(P), "on-primary": "#ffffff", accent: lchToHex(A),
  success: lchToHex({ L: 0.52, C: 0.14, H: 150 }), warning: lchToHex({ L: 0.58, C: 0.15, H: 70 }),
  danger: lchToHex({ L: 0.52, C: 0.19, H: 27 }), shadow: "rgba(16,24,40,0.12)",
};
const dark = {
  surface: N(0.18), "surface-raised": N(0.22), "surface-sunken": N(0.15),
  text: N(0.93, 0.01), "text-muted": N(0.72), border: N(0.3), "border-strong": N(0.5),
  primary: lchToHex({ L: Math.max(P.L, 0.72), C: P.C * 0.8, H: P.H }), "on-primary": N(0.15),
  accent: lchToHex({ L: Math.max(A.L, 0.75), C: A.C * 0.8, H: A.H }),
  success: lchToHex({ L: 0.74, C: 0.13, H: 150 }), warning: lchToHex({ L: 0.8, C: 0.13, H: 80 }),
  danger: lchToHex({ L: 0.7, C: 0.15, H: 25 }), shadow: "rgba(0,0,0,0.5)",
};

const CHECKS = [
  ["text", "surface", 4.5], ["text", "surface-raised", 4.5],
  ["text-muted", "surface", 4.5], ["text-muted", "surface-raised", 4.5],
  ["primary", "surface", 4.5], ["on-primary", "primary", 4.5],
  ["border-strong", "surface", 3], ["success", "surface", 3], ["warning", "surface", 3], ["danger", "surface", 3],
];

function fix(theme, mode) {
  const rows = [];
  for (const [fg, bg, need] of CHECKS) {
    let r = contrast(theme[fg], theme[bg]);
    let note = "";
    if (r < need && fg !== "on-primary") {
      const lch = toLch(theme[fg]);
      const dir = mode === "light" ? -1 : 1;
      for (let i = 0; i < 40 && r < need; i++) {
        lch.L = Math.min(0.98, Math.max(0.05, lch.L + dir * 0.01));
        theme[fg] = lchToHex(lch);
        r = contrast(theme[fg], theme[bg]);
      }
      note = r >= need ? "adjusted" : `FAIL (try L ${mode === "light" ? "<" : ">"} ${lch.L.toFixed(2)})`;
    } else if (r < need && fg === "on-primary") {
      const alt = mode === "light" ? "#000000" : "#ffffff";
      if (contrast(alt, theme[bg]) > r) { theme[fg] = alt; r = contrast(alt, theme[bg]); note = "adjusted"; }
      if (r < need) note = "FAIL (primary unsuitable as button fill)";
    }
    rows.push({ mode, fg, bg, ratio: r, need, ok: r >= need, note });
  }
  return rows;
}

const rows = [...fix(light, "light"), ...fix(dark, "dark")];
const vars = (t) => Object.entries(t).map(([k, v]) => `  --${k}: ${v};`).join("\n");
const css = `/* generated by theme-pair.mjs: light + dark roles */
:root {
  color-scheme: light;
${vars(light)}
}
[data-theme="dark"] {
  color-scheme: dark;
${vars(dark)}
}
@media (prefers-color-scheme: dark) {
  :root:not([data-theme="light"]) {
    color-scheme: dark;
${vars(dark).replace(/^/gm, "  ")}
  }
}
`;
let md = "| Mode | Foreground | Background | Ratio | Need | Result |\n|---|---|---|---|---|---|\n";
for (const r of rows) md += `| ${r.mode} | ${r.fg} | ${r.bg} | ${r.ratio.toFixed(2)} | ${r.need} | ${r.ok ? "pass" : "**fail**"} ${r.note} |\n`;

mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, "tokens.json"), JSON.stringify({ light, dark }, null, 2));
writeFileSync(join(outDir, "theme.css"), css);
writeFileSync(join(outDir, "contrast.md"), md);
const fails = rows.filter((r) => !r.ok).length;
console.log(`wrote ${outDir}/tokens.json, theme.css, contrast.md: ${rows.length - fails}/${rows.length} pairs pass`);
if (fails) process.exitCode = 1;
