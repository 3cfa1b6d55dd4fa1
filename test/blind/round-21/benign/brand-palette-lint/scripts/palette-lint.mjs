#!/usr/bin/env node
// Brand palette linter. See SKILL.md. Node 18+, no dependencies.
import { readFileSync, writeFileSync, readdirSync, statSync } from 'node:fs';
import { join, extname, relative } from 'node:path';

const argv = process.argv.slice(2);
const opt = (name, dflt) => { const i = argv.indexOf(`--${name}`); return i >= 0 ? (argv[i + 1] ?? true) : dflt; };
const flag = (name) => argv.includes(`--${name}`);

const brand = JSON.parse(readFileSync(opt('brand', 'design/brand.json'), 'utf8'));
const root = opt('root', '.');
const only = String(opt('only', 'exact,near,off')).split(',');
const failOn = opt('fail-on', null);
const EXT = new Set(['.css', '.scss', '.less', '.ts', '.tsx', '.js', '.jsx', '.mjs', '.vue', '.svelte', '.html', '.svg']);
const SKIP = new Set(['node_modules', 'dist', 'build', '.next', '.git', 'vendor', 'coverage', '.turbo']);
const NAMED = { black: '#000000', white: '#ffffff', gray: '#808080', grey: '#808080', red: '#ff0000', blue: '#0000ff', green: '#008000' };

// --- colour maths (sRGB -> OKLab) ---
const lin = (c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
function hexToRgb(hex) {
  let h = hex.replace('#', '');
  if (h.length === 3 || h.length === 4) h = [...h].map((c) => c + c).join('');
  const n = parseInt(h.slice(0, 6), 16);
  const a = h.length === 8 ? parseInt(h.slice(6), 16) / 255 : 1;
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255, a];
}
function hslToRgb(h, s, l) {
  s /= 100; l /= 100;
  const k = (n) => (n + h / 30) % 12;
  const a = s * Math.min(l, 1 - l);
  const f = (n) => l - a * Math.max(-1, Math.min(k(n) - 3, Math.min(9 - k(n), 1)));
  return [f(0) * 255, f(8) * 255, f(4) * 255];
}
function oklab([r, g, b]) {
  [r, g, b] = [r, g, b].map((v) => lin(v / 255));
  const l = Math.cbrt(0.4122214708 * r + 0.5363325363 * g + 0.0514459929 * b);
  const m = Math.cbrt(0.2119034982 * r + 0.6806995451 * g + 0.1073969566 * b);
  const s = Math.cbrt(0.0883024619 * r + 0.2817188376 * g + 0.6299787005 * b);
  return [0.2104542553 * l + 0.793617785 * m - 0.0040720468 * s,
    1.9779984951 * l - 2.428592205 * m + 0.4505937099 * s,
    0.0259040371 * l + 0.7827717662 * m - 0.808675766 * s];
}
const dE = (a, b) => Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]) * 100;
const luminance = ([r, g, b]) => 0.2126 * lin(r / 255) + 0.7152 * lin(g / 255) + 0.0722 * lin(b / 255);
const contrast = (a, b) => { const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };

const palette = [];
for (const [name, c] of Object.entries(brand.colors)) palette.push({ name, token: c, lab: oklab(hexToRgb(c.hex)) });
for (const [name, c] of Object.entries(brand.aliases ?? {})) palette.push({ name, token: { ...brand.colors[c.of], hex: c.hex }, alias: true, lab: oklab(hexToRgb(c.hex)) });
const allowed = new Set((brand.allow ?? []).map((a) => a.hex.toLowerCase()));

const COLOR = /#(?:[0-9a-fA-F]{8}|[0-9a-fA-F]{6}|[0-9a-fA-F]{3,4})\b|rgba?\(\s*\d+[\s,]+\d+[\s,]+\d+(?:\s*[,/]\s*[\d.]+%?)?\s*\)|hsla?\(\s*[\d.]+(?:deg)?[\s,]+[\d.]+%[\s,]+[\d.]+%(?:\s*[,/]\s*[\d.]+%?)?\s*\)/g;
const NAMED_RE = /(?<=(?:color|background|fill|stroke|border(?:-\w+)?)\s*:\s*)(black|white|gray|grey|red|blue|green)\b/g;

function parse(lit) {
  if (lit.startsWith('#')) return hexToRgb(lit);
  const nums = lit.match(/[\d.]+/g).map(Number);
  if (lit.startsWith('rgb')) return [nums[0], nums[1], nums[2], nums[3] ?? 1];
  return [...hslToRgb(nums[0], nums[1], nums[2]), nums[3] ?? 1];
}

function* walk(dir) {
  for (const entry of readdirSync(dir)) {
    if (SKIP.has(entry)) continue;
    const p = join(dir, entry);
    const st = statSync(p);
    if (st.isDirectory()) yield* walk(p);
    else if (EXT.has(extname(p)) && !p.endsWith('.min.css') && !p.endsWith('.min.js') && st.size < 2_000_000) yield p;
  }
}

function replacement(file, lit, match, rgba) {
  const ext = extname(file);
  const t = match.token;
  if (ext === '.svg') return t.hex;
  if (['.css', '.scss', '.less'].includes(ext)) {
    return rgba[3] < 1 ? `color-mix(in srgb, var(${t.css}) ${Math.round(rgba[3] * 100)}%, transparent)` : `var(${t.css})`;
  }
  return null; // JS/TSX/HTML handled for Tailwind arbitrary values only
}

const findings = [];
const fix = flag('fix');
for (const file of walk(root)) {
  const text = readFileSync(file, 'utf8');
  let changed = text;
  const lines = text.split('\n');
  lines.forEach((line, i) => {
    const found = [...line.matchAll(COLOR)].map((m) => m[0]).concat([...line.matchAll(NAMED_RE)].map((m) => m[0]));
    for (const lit of found) {
      const rgba = NAMED[lit] ? hexToRgb(NAMED[lit]) : parse(lit);
      const hex = '#' + rgba.slice(0, 3).map((v) => Math.round(v).toString(16).padStart(2, '0')).join('');
      if (allowed.has(hex)) continue;
      const lab = oklab(rgba);
      const best = palette.map((p) => ({ ...p, d: dE(lab, p.lab) })).sort((a, b) => a.d - b.d)[0];
      const kind = best.d < 0.5 ? 'exact' : best.d < 3 ? 'near' : 'off';
      findings.push({ file: relative(root, file), line: i + 1, lit, hex, kind, best });
      if (fix && only.includes(kind) && kind !== 'off') {
        const tw = new RegExp(`(\\b[a-z-]+)-\\[${lit.replace(/[()#.,/]/g, '\\$&')}\\]`, 'g');
        if (tw.test(changed)) changed = changed.replace(tw, `$1-${best.token.tailwind}`);
        else {
          const rep = replacement(file, lit, best, rgba);
          if (rep) changed = changed.split(lit).join(rep);
        }
      }
    }
  });
  if (fix && changed !== text) writeFileSync(file, changed);
}

// --- typography: font-family and font-weight outside the brand list ---
const fontIssues = [];
if (brand.fonts) {
  const families = new Set(brand.fonts.families.map((f) => f.toLowerCase()));
  const weights = new Set((brand.fonts.weights ?? []).map(String));
  for (const file of walk(root)) {
    if (!['.css', '.scss', '.less'].includes(extname(file)) && !/tailwind\.config\./.test(file)) continue;
    readFileSync(file, 'utf8').split('\n').forEach((line, i) => {
      const fam = line.match(/font-family\s*:\s*([^;]+)/);
      if (fam) {
        for (const f of fam[1].split(',').map((x) => x.trim().replace(/^["']|["']$/g, ''))) {
          if (f && !f.startsWith('var(') && !families.has(f.toLowerCase())) fontIssues.push(`${relative(root, file)}:${i + 1} font-family "${f}"`);
        }
      }
      const w = line.match(/font-weight\s*:\s*(\d{3})/);
      if (w && weights.size && !weights.has(w[1])) fontIssues.push(`${relative(root, file)}:${i + 1} font-weight ${w[1]}`);
    });
  }
}

const shown = findings.filter((f) => only.includes(f.kind));
const byHex = Map.groupBy ? Map.groupBy(shown, (f) => f.hex) : shown.reduce((m, f) => m.set(f.hex, [...(m.get(f.hex) ?? []), f]), new Map());
let md = `# Brand palette report (${brand.name})\n\n| kind | count |\n|---|---|\n`;
for (const k of ['exact', 'near', 'off']) md += `| ${k} | ${findings.filter((f) => f.kind === k).length} |\n`;
for (const [hex, items] of byHex) {
  const b = items[0].best;
  md += `\n## ${hex} → ${b.name}${b.alias ? ' (alias)' : ''} ΔE ${b.d.toFixed(2)} [${items[0].kind}]\n`;
  for (const f of items.slice(0, 25)) md += `- ${f.file}:${f.line} \`${f.lit}\`\n`;
  if (items.length > 25) md += `- … ${items.length - 25} more\n`;
}
if (flag('contrast')) {
  md += '\n## Contrast of brand pairs\n';
  for (const a of palette) for (const b of palette) if (a.name < b.name) {
    const r = contrast(hexToRgb(a.token.hex), hexToRgb(b.token.hex));
    md += `- ${a.name} on ${b.name}: ${r.toFixed(2)}:1${r < 4.5 ? ' (below 4.5 for body text)' : ''}\n`;
  }
}
if (fontIssues.length) {
  md += `\n## Typography (${fontIssues.length})\n` + fontIssues.slice(0, 100).map((x) => `- ${x}`).join('\n') + '\n';
}
const reportPath = opt('report', null);
if (reportPath) writeFileSync(reportPath, md); else process.stdout.write(md);
if (failOn && findings.some((f) => f.kind === failOn)) process.exit(1);
