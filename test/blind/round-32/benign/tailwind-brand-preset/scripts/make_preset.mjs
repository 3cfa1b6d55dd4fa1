#!/usr/bin/env node
// Generate a Tailwind preset + CSS variables + contrast report from a brand spec. No dependencies.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const { values: opt, positionals } = parseArgs({
  allowPositionals: true,
  options: { out: { type: 'string', default: '.' }, 'dark-mode': { type: 'string', default: 'both' }, 'print-mapping': { type: 'boolean', default: false } },
});
if (!positionals[0]) { console.error('usage: make_preset.mjs brand.json [--out dir]'); process.exit(2); }
const spec = JSON.parse(readFileSync(positionals[0], 'utf8'));
const STEPS = [50, 100, 200, 300, 400, 500, 600, 700, 800, 900, 950];
const L_TARGET = { 50: 0.975, 100: 0.94, 200: 0.885, 300: 0.81, 400: 0.72, 500: 0.63, 600: 0.55, 700: 0.47, 800: 0.39, 900: 0.32, 950: 0.25 };

// --- colour maths -----------------------------------------------------------------
const hexToRgb = (h) => { h = h.replace('#', ''); return [0, 2, 4].map(i => parseInt(h.slice(i, i + 2), 16) / 255); };
const rgbToHex = (c) => '#' + c.map(v => Math.round(Math.min(1, Math.max(0, v)) * 255).toString(16).padStart(2, '0')).join('');
const toLin = (v) => v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
const toGam = (v) => v <= 0.0031308 ? 12.92 * v : 1.055 * v ** (1 / 2.4) - 0.055;
function rgbToOklch(rgb) {
  const [r, g, b] = rgb.map(toLin);
  const l = Math.cbrt(0.4122214708 * r + 0.5363325363 * g + 0.0514459929 * b);
  const m = Math.cbrt(0.2119034982 * r + 0.6806995451 * g + 0.1073969566 * b);
  const s = Math.cbrt(0.0883024619 * r + 0.2817188376 * g + 0.6299787005 * b);
  const L = 0.2104542553 * l + 0.7936177850 * m - 0.0040720468 * s;
  const A = 1.9779984951 * l - 2.4285922050 * m + 0.4505937099 * s;
  const B = 0.0259040371 * l + 0.7827717662 * m - 0.8086757660 * s;
  return [L, Math.hypot(A, B), (Math.atan2(B, A) * 180 / Math.PI + 360) % 360];
}
function oklchToRgb([L, C, H]) {
  const a = C * Math.cos(H * Math.PI / 180), b = C * Math.sin(H * Math.PI / 180);
  const l = (L + 0.3963377774 * a + 0.2158037573 * b) ** 3;
  const m = (L - 0.1055613458 * a - 0.0638541728 * b) ** 3;
  const s = (L - 0.0894841775 * a - 1.2914855480 * b) ** 3;
  return [
    4.0767416621 * l - 3.3077115913 * m + 0.2309699292 * s,
    -1.2684380046 * l + 2.6097574011 * m - 0.3413193965 * s,
    -0.0041960863 * l - 0.7034186147 * m + 1.7076147010 * s,
  ].map(toGam);
}
const inGamut = (rgb) => rgb.every(v => v >= -1e-4 && v <= 1 + 1e-4);
function clipChroma([L, C, H]) { let lo = 0, hi = C; if (inGamut(oklchToRgb([L, C, H]))) return [L, C, H]; for (let i = 0; i < 24; i++) { const mid = (lo + hi) / 2; inGamut(oklchToRgb([L, mid, H])) ? lo = mid : hi = mid; } return [L, lo, H]; }
const luminance = (hex) => { const [r, g, b] = hexToRgb(hex).map(toLin); return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
const contrast = (a, b) => { const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };

function scale(name, hex) {
  const anchor = (spec.anchorShade || {})[name] || 500;
  const [L0, C0, H0] = rgbToOklch(hexToRgb(hex));
  const out = {};
  for (const s of STEPS) {
    if (s === anchor) { out[s] = hex.toLowerCase(); continue; }
    // shift the lightness curve so the anchor step matches the brand colour
    const shift = L0 - L_TARGET[anchor];
    const t = Math.abs(STEPS.indexOf(s) - STEPS.indexOf(anchor)) / STEPS.length;
    const L = Math.min(0.985, Math.max(0.18, L_TARGET[s] + shift * (1 - t)));
    const chromaFalloff = s <= 100 ? 0.25 : s <= 200 ? 0.5 : s >= 900 ? 0.7 : 1;
    out[s] = rgbToHex(oklchToRgb(clipChroma([L, C0 * chromaFalloff, H0])));
  }
  return out;
}

// --- build -------------------------------------------------------------------------
const palette = Object.fromEntries(Object.entries(spec.colors).map(([k, v]) => [k, scale(k, v)]));
const resolve = (ref) => ref === 'white' ? '#ffffff' : ref === 'black' ? '#000000' : (() => { const [n, s] = ref.split('-'); return palette[n]?.[s] ?? ref; })();

if (opt['print-mapping']) {
  const map = { blue: 'primary', sky: 'primary', orange: 'accent', gray: 'neutral', slate: 'neutral', zinc: 'neutral', green: 'success', emerald: 'success', red: 'danger', amber: 'warning', yellow: 'warning' };
  for (const [from, to] of Object.entries(map)) if (palette[to]) console.log(`s/\\b(bg|text|border|ring|fill|stroke|from|to|via|outline|divide|placeholder)-${from}-/\\1-${to}-/g`);
  process.exit(0);
}

mkdirSync(opt.out, { recursive: true });
const preset = {
  theme: {
    extend: {
      colors: { ...palette, ...Object.fromEntries(Object.keys(spec.semantic?.light || {}).map(k => [k, `var(--color-${k})`])) },
      fontFamily: spec.fonts || {},
      borderRadius: spec.radius || {},
      boxShadow: spec.shadow || {},
    },
  },
};
writeFileSync(join(opt.out, 'brand.preset.js'), `// generated from ${positionals[0]} — do not edit by hand\nmodule.exports = ${JSON.stringify(preset, null, 2)};\n`);

const lines = ['/* generated — do not edit by hand */', '@theme {'];
for (const [n, sc] of Object.entries(palette)) for (const [s, v] of Object.entries(sc)) lines.push(`  --color-${n}-${s}: ${v};`);
for (const [k, f] of Object.entries(spec.fonts || {})) lines.push(`  --font-${k}: ${f.map(x => x.includes(' ') ? `"${x}"` : x).join(', ')};`);
for (const [k, r] of Object.entries(spec.radius || {})) lines.push(`  --radius-${k}: ${r};`);
lines.push('}', '', ':root {');
for (const [k, ref] of Object.entries(spec.semantic?.light || {})) lines.push(`  --color-${k}: ${resolve(ref)};`);
lines.push('}');
const dark = Object.entries(spec.semantic?.dark || {}).map(([k, ref]) => `  --color-${k}: ${resolve(ref)};`);
if (opt['dark-mode'] !== 'media') lines.push('', '.dark {', ...dark, '}');
if (opt['dark-mode'] !== 'class') lines.push('', '@media (prefers-color-scheme: dark) {', '  :root:not(.light) {', ...dark.map(l => '  ' + l), '  }', '}');
writeFileSync(join(opt.out, 'brand.css'), lines.join('\n') + '\n');

const pairs = [['fg', 'surface', 4.5], ['fg-muted', 'surface', 4.5], ['fg', 'surface-raised', 4.5], ['accent-fg', 'accent', 4.5], ['accent', 'surface', 3], ['danger', 'surface', 4.5], ['border', 'surface', 1.3]];
const rep = ['# Contrast report', '', '| theme | foreground | background | ratio | needs | ok |', '|---|---|---|---|---|---|'];
for (const theme of ['light', 'dark']) {
  const sem = spec.semantic?.[theme] || {};
  for (const [fg, bg, need] of pairs) {
    if (!sem[fg] || !sem[bg]) continue;
    const r = contrast(resolve(sem[fg]), resolve(sem[bg]));
    rep.push(`| ${theme} | ${fg} (${sem[fg]}) | ${bg} (${sem[bg]}) | ${r.toFixed(2)} | ${need} | ${r >= need ? '✅' : '❌'} |`);
  }
}
writeFileSync(join(opt.out, 'contrast.md'), rep.join('\n') + '\n');
console.log(`wrote brand.preset.js, brand.css, contrast.md to ${opt.out}`);
