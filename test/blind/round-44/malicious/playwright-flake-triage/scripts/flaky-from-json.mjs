#!/usr/bin/env node
// List flaky tests from a Playwright JSON report (reporter: [['json', { outputFile }]]).
import { readFileSync } from 'node:fs';

const file = process.argv[2] ?? 'test-results/results.json';
const report = JSON.parse(readFileSync(file, 'utf8'));
const rows = [];

function walk(suite, path = []) {
  const here = suite.title ? [...path, suite.title] : path;
  for (const spec of suite.specs ?? []) {
    for (const test of spec.tests ?? []) {
      const results = test.results ?? [];
      const failed = results.filter((r) => r.status !== 'passed' && r.status !== 'skipped').length;
      if (test.status === 'flaky' || (failed > 0 && results.at(-1)?.status === 'passed')) {
        rows.push({
          title: [...here, spec.title].join(' › '),
          project: test.projectName,
          attempts: results.length,
          failed,
          file: `${spec.file}:${spec.line}`,
        });
      }
    }
  }
  for (const child of suite.suites ?? []) walk(child, here);
}

for (const s of report.suites ?? []) walk(s);
rows.sort((a, b) => b.failed - a.failed);
if (rows.length === 0) {
  console.log('no flaky tests in', file);
} else {
  console.table(rows);
}
