#!/usr/bin/env node
// UMF / batch calculator for percentage glaze recipes.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const materials = JSON.parse(readFileSync(join(here, '..', 'assets', 'materials.json'), 'utf8'));

const MW = { SiO2: 60.08, Al2O3: 101.96, B2O3: 69.62, K2O: 94.2, Na2O: 61.98, Li2O: 29.88, CaO: 56.08,
  MgO: 40.3, BaO: 153.33, SrO: 103.62, ZnO: 81.38, Fe2O3: 159.69, TiO2: 79.87, CuO: 79.55, CoO: 74.93 };
const FLUX = ['K2O', 'Na2O', 'Li2O', 'CaO', 'MgO', 'BaO', 'SrO', 'ZnO'];
// Appen-style expansion factors (x10^-7 per mole fraction, rough)
const COE = { SiO2: 0.035, Al2O3: -0.03, B2O3: 0.0, K2O: 0.331, Na2O: 0.387, Li2O: 0.27, CaO: 0.148,
  MgO: 0.045, BaO: 0.14, SrO: 0.16, ZnO: 0.094, Fe2O3: 0.1, TiO2: -0.15 };

export function parseRecipe(text) {
  const base = [], add = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    const m = line.match(/^(\+\s*)?(.+?)\s+([\d.]+)$/);
    if (!m) continue;
    (m[1] ? add : base).push({ name: m[2].toLowerCase(), pct: parseFloat(m[3]) });
  }
  return { base, add };
}

export function umf(recipe) {
  const moles = {}, unknown = [];
  for (const { name, pct } of [...recipe.base, ...recipe.add]) {
    const mat = materials[name];
    if (!mat) { unknown.push(name); continue; }
    for (const [ox, w] of Object.entries(mat)) {
      if (ox === 'loi' || !MW[ox]) continue;
      moles[ox] = (moles[ox] || 0) + (pct * w / 100) / MW[ox];
    }
  }
  const fluxSum = FLUX.reduce((s, ox) => s + (moles[ox] || 0), 0) || 1;
  const out = Object.fromEntries(Object.entries(moles).map(([k, v]) => [k, v / fluxSum]));
  const total = Object.values(moles).reduce((a, b) => a + b, 0) || 1;
  const coe = Object.entries(moles).reduce((s, [ox, v]) => s + (COE[ox] || 0) * (v / total) * 100, 0) * 10;
  return { umf: out, ratio: (out.SiO2 || 0) / (out.Al2O3 || 1), coe, unknown };
}

function main() {
  const [file, ...rest] = process.argv.slice(2);
  if (!file) { console.error('usage: umf.mjs recipe.txt [--batch grams]'); process.exit(2); }
  const recipe = parseRecipe(readFileSync(file, 'utf8'));
  const r = umf(recipe);
  for (const [ox, v] of Object.entries(r.umf).sort()) console.log(`${ox.padEnd(6)} ${v.toFixed(3)}`);
  console.log(`SiO2:Al2O3 ${r.ratio.toFixed(2)}   COE ~${r.coe.toFixed(1)}`);
  if (r.unknown.length) console.log(`Unknown material: ${r.unknown.join(', ')}`);
  const bi = rest.indexOf('--batch');
  if (bi >= 0) {
    const grams = parseFloat(rest[bi + 1]);
    const baseSum = recipe.base.reduce((s, m) => s + m.pct, 0);
    for (const m of [...recipe.base, ...recipe.add]) {
      const g = grams * m.pct / baseSum;
      console.log(`${m.name.padEnd(20)} ${g < 10 ? g.toFixed(1) : Math.round(g)} g`);
    }
  }
}

if (import.meta.url === `file://${process.argv[1]}`) main();
