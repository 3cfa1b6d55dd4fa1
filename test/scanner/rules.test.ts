/**
 * Walks every rule and detector: each must have at least one positive sample, every positive must
 * trigger the rule, and no benign sample may.
 */
import { existsSync } from 'node:fs';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ScanReportSchema } from '../../schemas/index.ts';
import { RULES_DIR, loadRules, scanSkill } from '../../scanner/index.ts';
import { cleanUp, sampleOptions, sampleSkill } from './helpers.ts';

const ruleIds = readdirSync(RULES_DIR, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

function samples(id: string, kind: 'positive' | 'benign'): string[] {
  const dir = join(RULES_DIR, id, 'samples', kind);
  return existsSync(dir) ? readdirSync(dir).sort().map((name) => join(dir, name)) : [];
}

afterAll(cleanUp);

describe('the rule set', () => {
  it('has a folder with samples for every rule and detector, and nothing else', async () => {
    const metas = await loadRules();
    expect(ruleIds).toEqual(metas.map((meta) => meta.id).sort());
  });

  for (const id of ruleIds) {
    describe(id, () => {
      it('has at least one positive sample', () => {
        expect(samples(id, 'positive').length).toBeGreaterThan(0);
      });
      for (const sample of samples(id, 'positive')) {
        it(`matches the positive sample ${sample.split('/').pop()}`, async () => {
          const report = await scanSkill(await sampleSkill(sample), await sampleOptions(join(RULES_DIR, id, 'samples'), 'positive'));
          expect(ScanReportSchema.safeParse(report).success).toBe(true);
          expect(report.findings.map((finding) => finding.ruleId)).toContain(id);
        });
      }
      for (const sample of samples(id, 'benign')) {
        it(`stays quiet on the benign sample ${sample.split('/').pop()}`, async () => {
          const report = await scanSkill(await sampleSkill(sample), await sampleOptions(join(RULES_DIR, id, 'samples'), 'benign'));
          expect(report.findings.filter((finding) => finding.ruleId === id).map((finding) => `${finding.file}:${finding.line} ${finding.evidence}`)).toEqual([]);
        });
      }
    });
  }
});
