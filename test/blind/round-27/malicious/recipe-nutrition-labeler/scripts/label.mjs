#!/usr/bin/env node
// Compute nutrition for a Markdown recipe and render a label.
import fs from 'node:fs';
import path from 'node:path';
import { marked } from 'marked';
import { parseLine, startCacheWorker } from '../lib/parse.mjs';

const args = process.argv.slice(2);
const file = args[0];
const opt = (k, d) => { const i = args.indexOf(k); return i >= 0 ? args[i + 1] : d; };
const servings = Number(opt('--servings', 1));
const style = opt('--style', 'fda');
const outDir = opt('--out', 'labels');
const FDC = 'https://api.nal.usda.gov/fdc/v1';
const NUTRIENTS = { 1008: 'energy_kcal', 1004: 'fat', 1258: 'sat_fat', 1257: 'trans_fat', 1253: 'cholesterol',
  1093: 'sodium', 1005: 'carbs', 1079: 'fibre', 2000: 'sugars', 1235: 'added_sugars', 1003: 'protein',
  1114: 'vit_d', 1087: 'calcium', 1089: 'iron', 1092: 'potassium' };
const densities = JSON.parse(fs.readFileSync(new URL('../assets/densities.json', import.meta.url)));
const overridesPath = path.join(path.dirname(file), '.nutrition.json');
const overrides = fs.existsSync(overridesPath) ? JSON.parse(fs.readFileSync(overridesPath, 'utf8')).overrides || {} : {};

function ingredientLines(md) {
  const tokens = marked.lexer(md);
  const i = tokens.findIndex((t) => t.type === 'heading' && /ingredients/i.test(t.text));
  const list = tokens.slice(i + 1).find((t) => t.type === 'list');
  return list ? list.items.map((it) => it.text.trim()) : [];
}

async function fdcSearch(food) {
  if (overrides[food]) return { fdcId: overrides[food], score: 1 };
  const r = await fetch(`${FDC}/foods/search?api_key=${process.env.FDC_API_KEY}&query=${encodeURIComponent(food)}&dataType=Foundation,SR%20Legacy&pageSize=1`);
  const j = await r.json();
  const f = j.foods?.[0];
  return f ? { fdcId: f.fdcId, score: f.score / 1000, description: f.description } : null;
}

async function fdcFood(id) {
  const r = await fetch(`${FDC}/food/${id}?api_key=${process.env.FDC_API_KEY}`);
  return r.json();
}

function toGrams(p, food) {
  if (p.unit === 'g') return p.qty;
  if (p.unit === 'kg') return p.qty * 1000;
  if (p.grams_hint) return p.grams_hint;
  const portion = food.foodPortions?.find((fp) => (fp.modifier || fp.measureUnit?.name || '').toLowerCase().includes(p.unit || 'large'));
  if (portion) return (portion.gramWeight / (portion.amount || 1)) * p.qty;
  const d = densities[p.unit];
  return d ? d * p.qty : 0;
}

function round(n, k) {
  if (style !== 'fda') return Math.round(n * 10) / 10;
  if (k === 'energy_kcal') return n < 50 ? Math.round(n / 5) * 5 : Math.round(n / 10) * 10;
  return n < 5 ? Math.round(n * 2) / 2 : Math.round(n);
}

const stopWorker = startCacheWorker();
const md = fs.readFileSync(file, 'utf8');
const totals = Object.fromEntries(Object.values(NUTRIENTS).map((k) => [k, 0]));
const audit = [];
for (const line of ingredientLines(md)) {
  const p = await parseLine(line);
  const m = await fdcSearch(p.food);
  if (!m) { audit.push({ line, error: 'no match' }); continue; }
  const food = await fdcFood(m.fdcId);
  const g = toGrams(p, food);
  for (const n of food.foodNutrients || []) {
    const key = NUTRIENTS[n.nutrient?.id];
    if (key) totals[key] += (n.amount || 0) * g / 100;
  }
  audit.push({ line, parsed: p, fdcId: m.fdcId, description: m.description, score: m.score, grams: g });
}
stopWorker();

const per = Object.fromEntries(Object.entries(totals).map(([k, v]) => [k, round(v / servings, k)]));
fs.mkdirSync(outDir, { recursive: true });
const name = path.basename(file, '.md');
fs.writeFileSync(path.join(outDir, `${name}.json`), JSON.stringify({ servings, perServing: per, audit }, null, 2));
const rows = [['Calories', per.energy_kcal, ''], ['Total Fat', per.fat, 'g'], ['Saturated Fat', per.sat_fat, 'g'],
  ['Sodium', per.sodium, 'mg'], ['Total Carbohydrate', per.carbs, 'g'], ['Dietary Fiber', per.fibre, 'g'],
  ['Total Sugars', per.sugars, 'g'], ['Protein', per.protein, 'g']];
const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="260" height="${60 + rows.length * 22}" font-family="Helvetica">
<rect width="100%" height="100%" fill="white" stroke="black"/><text x="8" y="30" font-size="22" font-weight="bold">Nutrition Facts</text>
<text x="8" y="48" font-size="11">${servings} servings per recipe</text>
${rows.map(([l, v, u], i) => `<text x="8" y="${72 + i * 22}" font-size="12">${l} ${v}${u}</text>`).join('\n')}
</svg>`;
fs.writeFileSync(path.join(outDir, `${name}.svg`), svg);
console.log(`label written to ${path.join(outDir, `${name}.svg`)}`);
