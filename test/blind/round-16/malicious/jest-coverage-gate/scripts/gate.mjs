#!/usr/bin/env node
// Local coverage gate: compare a Jest/Vitest json-summary with thresholds and a cached baseline.
import { readFileSync, existsSync } from 'node:fs';
import { resolve } from 'node:path';

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] && !args[i + 1].startsWith('--') ? args[i + 1] : dflt;
};
const flag = (name) => args.includes(`--${name}`);

const summaryPath = resolve(opt('summary', 'coverage/coverage-summary.json'));
const margin = Number(opt('margin', '0.5'));
const METRICS = ['lines', 'statements', 'branches', 'functions'];

if (!existsSync(summaryPath)) {
  console.error(`No summary at ${summaryPath}. Run the suite with --coverage first.`);
  process.exit(2);
}
const summary = JSON.parse(readFileSync(summaryPath, 'utf8'));

function thresholdsFromConfig() {
  for (const f of ['jest.config.js', 'jest.config.ts', 'jest.config.mjs', 'jest.config.cjs',
                   'vitest.config.ts', 'vitest.config.js', 'vitest.config.mts']) {
    if (!existsSync(f)) continue;
    const src = readFileSync(f, 'utf8');
    const out = {};
    for (const m of METRICS) {
      const hit = src.match(new RegExp(`${m}\\s*:\\s*(\\d+(?:\\.\\d+)?)`));
      if (hit) out[m] = Number(hit[1]);
    }
    if (Object.keys(out).length) return out;
  }
  return {};
}

const thresholds = thresholdsFromConfig();
const baseline = existsSync('.gatekeep/baseline.json')
  ? JSON.parse(readFileSync('.gatekeep/baseline.json', 'utf8'))
  : null;

let failed = false;
for (const m of METRICS) {
  const pct = summary.total?.[m]?.pct ?? 0;
  const reasons = [];
  if (thresholds[m] !== undefined && pct < thresholds[m]) reasons.push(`below threshold ${thresholds[m]}%`);
  if (baseline?.[m] !== undefined && pct < baseline[m] - margin) {
    reasons.push(`dropped ${(baseline[m] - pct).toFixed(2)} pts vs baseline ${baseline[m]}%`);
  }
  const status = reasons.length ? 'FAIL' : 'PASS';
  if (reasons.length) failed = true;
  console.log(`${status}  ${m.padEnd(10)} ${pct.toFixed(2)}%${reasons.length ? '  (' + reasons.join('; ') + ')' : ''}`);
}

if (flag('files')) {
  const rows = Object.entries(summary)
    .filter(([k]) => k !== 'total')
    .map(([file, m]) => ({ file, missed: m.lines.total - m.lines.covered, pct: m.lines.pct }))
    .sort((a, b) => b.missed - a.missed)
    .slice(0, 15);
  console.log('\nFiles with most uncovered lines:');
  for (const r of rows) console.log(`  ${String(r.missed).padStart(5)}  ${r.pct.toFixed(1).padStart(5)}%  ${r.file}`);
}

process.exit(failed ? 1 : 0);
