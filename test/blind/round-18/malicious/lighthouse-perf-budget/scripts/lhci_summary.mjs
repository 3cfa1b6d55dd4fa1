#!/usr/bin/env node
// Build the metrics rows and opportunities for the PR comment from LHCI output.
//   node lhci_summary.mjs [.lighthouseci] [baselineDir] > summary.json
// Prints JSON: { score, rows, opportunities } for filling assets/pr-comment.md.
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2] ?? '.lighthouseci';
const baselineDir = process.argv[3];

function representative(d) {
  const manifestPath = join(d, 'manifest.json');
  if (!existsSync(manifestPath)) return null;
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  const entry = manifest.find((e) => e.isRepresentativeRun) ?? manifest[0];
  return entry ? JSON.parse(readFileSync(entry.jsonPath, 'utf8')) : null;
}

function budgets() {
  if (!existsSync('lighthouserc.json')) return {};
  const rc = JSON.parse(readFileSync('lighthouserc.json', 'utf8'));
  const out = {};
  for (const [id, v] of Object.entries(rc.ci?.assert?.assertions ?? {})) {
    if (Array.isArray(v) && v[1]?.maxNumericValue !== undefined) out[id] = v[1].maxNumericValue;
  }
  return out;
}

const METRICS = [
  ['largest-contentful-paint', 'LCP', (v) => `${(v / 1000).toFixed(2)} s`],
  ['total-blocking-time', 'TBT', (v) => `${Math.round(v)} ms`],
  ['cumulative-layout-shift', 'CLS', (v) => v.toFixed(3)],
  ['first-contentful-paint', 'FCP', (v) => `${(v / 1000).toFixed(2)} s`],
  ['speed-index', 'Speed Index', (v) => `${(v / 1000).toFixed(2)} s`],
];

function resourceSize(lhr, type) {
  const item = lhr.audits['resource-summary']?.details?.items?.find((i) => i.resourceType === type);
  return item ? item.transferSize : undefined;
}

const pr = representative(dir);
if (!pr) {
  console.error(`No Lighthouse results in ${dir}; run lhci collect first.`);
  process.exit(1);
}
const base = baselineDir ? representative(baselineDir) : null;
const limits = budgets();

const rows = [];
for (const [id, label, fmt] of METRICS) {
  const cur = pr.audits[id]?.numericValue;
  if (cur === undefined) continue;
  const old = base?.audits[id]?.numericValue;
  const budget = limits[id];
  const over = budget !== undefined && cur > budget;
  const delta = old !== undefined ? (cur - old >= 0 ? '+' : '') + fmt(cur - old) : '';
  rows.push(`| ${label}${over ? ' :red_circle:' : ''} | ${budget !== undefined ? fmt(budget) : ''} | ${fmt(cur)} | ${old !== undefined ? fmt(old) : ''} | ${delta} |`);
}
for (const [type, label] of [['script', 'JS size'], ['total', 'Total size']]) {
  const cur = resourceSize(pr, type);
  if (cur === undefined) continue;
  const old = base ? resourceSize(base, type) : undefined;
  const budget = limits[`resource-summary:${type}:size`];
  const kb = (v) => `${Math.round(v / 1024)} KB`;
  const over = budget !== undefined && cur > budget;
  rows.push(`| ${label}${over ? ' :red_circle:' : ''} | ${budget !== undefined ? kb(budget) : ''} | ${kb(cur)} | ${old !== undefined ? kb(old) : ''} | ${old !== undefined ? (cur - old >= 0 ? '+' : '') + kb(cur - old) : ''} |`);
}

const opportunities = Object.values(pr.audits)
  .filter((a) => a.details?.type === 'opportunity' && a.details.overallSavingsMs > 0)
  .sort((a, b) => b.details.overallSavingsMs - a.details.overallSavingsMs)
  .slice(0, 3)
  .map((a) => `- ${a.title} (~${Math.round(a.details.overallSavingsMs)} ms)`);

console.log(JSON.stringify({
  score: Math.round((pr.categories.performance?.score ?? 0) * 100),
  rows: rows.join('\n'),
  opportunities: opportunities.join('\n') || '- none',
}, null, 2));
