/**
 * `npm test`: lint, typecheck, then every vitest test, and a closing `N passed, N failed` line
 * (lint and typecheck count as one check each). Extra arguments go to vitest (e.g. a file filter).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const bin = (name: string) => join(import.meta.dirname, '..', 'node_modules', '.bin', name);
const filters = process.argv.slice(2);

function step(title: string, command: string, args: string[]): boolean {
  process.stdout.write(`\n== ${title}\n`);
  const result = spawnSync(command, args, { stdio: 'inherit' });
  return result.status === 0;
}

let passed = 0;
let failed = 0;
if (filters.length === 0) {
  for (const [title, command, args] of [
    ['lint (eslint)', bin('eslint'), ['--max-warnings=0', '.']],
    ['typecheck (tsc)', bin('tsc'), ['-p', '.']],
  ] as const) {
    if (step(title, command, [...args])) passed += 1;
    else failed += 1;
  }
}

const reportDir = mkdtempSync(join(tmpdir(), 'skill-registry-test-'));
const reportFile = join(reportDir, 'vitest.json');
step('tests (vitest)', bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${reportFile}`, ...filters]);
try {
  const report = JSON.parse(readFileSync(reportFile, 'utf8')) as {
    numPassedTests: number;
    numFailedTests: number;
    numPendingTests: number;
    numTodoTests: number;
    testResults: { status: string; assertionResults: unknown[]; message?: string; name: string }[];
  };
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  // A test file that failed to load has no assertion results but is a failure all the same.
  for (const file of report.testResults) {
    if (file.status === 'failed' && file.assertionResults.length === 0) {
      failed += 1;
      process.stdout.write(`test file failed to run: ${file.name}\n${file.message ?? ''}\n`);
    }
  }
  const skipped = report.numPendingTests + report.numTodoTests;
  process.stdout.write(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`);
} catch (error) {
  failed += 1;
  process.stdout.write(`\nvitest wrote no report (${(error as Error).message})\n${passed} passed, ${failed} failed\n`);
}
rmSync(reportDir, { recursive: true, force: true });
process.exit(failed === 0 && passed > 0 ? 0 : 1);
