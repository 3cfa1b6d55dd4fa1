/**
 * Golden files pin what users see: the text, JSON and SARIF reports of a few fixture skills.
 * Update them deliberately with `UPDATE_GOLDEN=1 npx vitest run test/scanner/golden.test.ts`.
 * Timings are zeroed and digests replaced by placeholders, so goldens change only when output does.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../core/index.ts';
import { ScanReportSchema, type ScanReport } from '../../schemas/index.ts';
import { formatScanText, scanSkill, toSarif } from '../../scanner/index.ts';

const FIXTURES = join(import.meta.dirname, 'fixtures');
const GOLDEN = join(import.meta.dirname, 'golden');
const UPDATE = process.env.UPDATE_GOLDEN === '1';

/** Makes a report independent of timing and of the exact rule set version. */
function stable(report: ScanReport): ScanReport {
  return {
    ...report,
    scanner: { version: report.scanner.version, rulesetDigest: `sha256:${'0'.repeat(64)}`, policyDigest: `sha256:${'1'.repeat(64)}` },
    stats: { ...report.stats, milliseconds: 0 },
  };
}

async function compare(name: string, actual: string): Promise<void> {
  const file = join(GOLDEN, name);
  if (UPDATE) {
    await writeFileAtomic(file, actual);
    return;
  }
  const expected = await readFile(file, 'utf8').catch(() => {
    throw new Error(`Golden file ${file} is missing: run with UPDATE_GOLDEN=1 to create it.`);
  });
  expect(actual).toBe(expected);
}

describe('scanner reports of the fixture skills', () => {
  const cases = [
    { skill: 'weather-clean', verdict: 'pass' },
    { skill: 'notes-warn', verdict: 'warn' },
    { skill: 'sync-malicious', verdict: 'fail' },
  ] as const;
  for (const { skill, verdict } of cases) {
    describe(skill, () => {
      it(`has the verdict ${verdict}`, async () => {
        const report = await scanSkill(join(FIXTURES, skill));
        expect(ScanReportSchema.parse(report).verdict).toBe(verdict);
      });
      it('prints the pinned text report', async () => {
        const report = stable(await scanSkill(join(FIXTURES, skill)));
        await compare(`${skill}.txt`, formatScanText(report, `fixtures/${skill}`));
      });
      it('prints the pinned JSON report', async () => {
        const report = stable(await scanSkill(join(FIXTURES, skill)));
        await compare(`${skill}.json`, `${JSON.stringify({ dir: `fixtures/${skill}`, ...report }, null, 2)}\n`);
      });
      it('prints the pinned SARIF log', async () => {
        const report = stable(await scanSkill(join(FIXTURES, skill)));
        await compare(`${skill}.sarif.json`, `${JSON.stringify(toSarif([{ dir: `fixtures/${skill}`, report }]), null, 2)}\n`);
      });
    });
  }
});
