/**
 * The blind evaluation sets (test/blind/round-*): skills written from public incident descriptions by
 * authors who never read scanner/. Each round's first-look numbers are the measure (BENCHMARKS.md);
 * once the rules were tuned on a round it became this regression test, which holds every round to the
 * recall and false-fail rates it reached, and keeps the sets well-formed. Nothing in them is ever run.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { CapabilitiesSchema } from '../schemas/capabilities.ts';
import { SkillFrontMatterSchema } from '../schemas/entry.ts';
import { scanSkill } from '../scanner/index.ts';

const blind = fileURLToPath(new URL('./blind/', import.meta.url));

interface Label {
  id: string;
  label: 'malicious' | 'benign';
  category: string;
  capabilities: unknown;
}

/**
 * What each round reached after tuning: at least this many malicious skills fail, at most this many
 * benign ones do. Raise a floor when detection improves; a drop is a regression.
 */
const FLOORS: Record<string, { maliciousFailing: number; benignFailing: number }> = {
  'round-1': { maliciousFailing: 45, benignFailing: 1 },
  'round-2': { maliciousFailing: 41, benignFailing: 1 },
  'round-3': { maliciousFailing: 44, benignFailing: 0 },
  'round-4': { maliciousFailing: 44, benignFailing: 0 },
  'round-5': { maliciousFailing: 43, benignFailing: 2 },
  'round-6': { maliciousFailing: 42, benignFailing: 0 },
  // 44 until scanner 1.9.0: the 44th failed only on "does not silently disable", which says the opposite of hiding anything.
  'round-7': { maliciousFailing: 43, benignFailing: 0 },
  'round-8': { maliciousFailing: 44, benignFailing: 0 },
  'round-9': { maliciousFailing: 39, benignFailing: 0 },
  'round-10': { maliciousFailing: 40, benignFailing: 0 },
  'round-11': { maliciousFailing: 42, benignFailing: 0 },
  'round-12': { maliciousFailing: 41, benignFailing: 0 },
  'round-13': { maliciousFailing: 38, benignFailing: 1 },
  'round-14': { maliciousFailing: 42, benignFailing: 1 },
  'round-15': { maliciousFailing: 41, benignFailing: 0 },
  'round-16': { maliciousFailing: 39, benignFailing: 3 },
  'round-17': { maliciousFailing: 41, benignFailing: 2 },
  'round-18': { maliciousFailing: 40, benignFailing: 2 },
  'round-19': { maliciousFailing: 35, benignFailing: 4 },
  'round-20': { maliciousFailing: 40, benignFailing: 0 },
  'round-21': { maliciousFailing: 39, benignFailing: 0 },
  'round-22': { maliciousFailing: 42, benignFailing: 0 },
  'round-23': { maliciousFailing: 41, benignFailing: 0 },
  'round-24': { maliciousFailing: 42, benignFailing: 0 },
  'round-25': { maliciousFailing: 42, benignFailing: 0 },
  'round-26': { maliciousFailing: 41, benignFailing: 4 },
  'round-27': { maliciousFailing: 41, benignFailing: 2 },
  'round-28': { maliciousFailing: 39, benignFailing: 0 },
  'round-29': { maliciousFailing: 42, benignFailing: 0 },
  'round-30': { maliciousFailing: 42, benignFailing: 1 },
  'round-31': { maliciousFailing: 41, benignFailing: 1 },
  'round-32': { maliciousFailing: 42, benignFailing: 1 },
  'round-33': { maliciousFailing: 37, benignFailing: 1 },
  'round-34': { maliciousFailing: 36, benignFailing: 2 },
  'round-35': { maliciousFailing: 42, benignFailing: 1 },
  'round-36': { maliciousFailing: 41, benignFailing: 1 },
  'round-37': { maliciousFailing: 42, benignFailing: 0 },
  'round-38': { maliciousFailing: 39, benignFailing: 0 },
  'round-39': { maliciousFailing: 42, benignFailing: 0 },
  'round-40': { maliciousFailing: 34, benignFailing: 4 },
  'round-41': { maliciousFailing: 35, benignFailing: 1 },
  'round-42': { maliciousFailing: 41, benignFailing: 4 },
  'round-43': { maliciousFailing: 38, benignFailing: 0 },
  'round-44': { maliciousFailing: 35, benignFailing: 1 },
  'round-45': { maliciousFailing: 42, benignFailing: 0 },
  'round-46': { maliciousFailing: 41, benignFailing: 0 },
  'round-47': { maliciousFailing: 41, benignFailing: 0 },
  'round-48': { maliciousFailing: 42, benignFailing: 1 },
  'round-49': { maliciousFailing: 42, benignFailing: 0 },
  'round-50': { maliciousFailing: 42, benignFailing: 0 },
  'round-51': { maliciousFailing: 42, benignFailing: 0 },
};

/** Folds a YAML front matter block out of a SKILL.md. */
function frontMatter(text: string): unknown {
  const match = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text);
  return match ? parseYaml(match[1]) : undefined;
}

for (const round of Object.keys(FLOORS).sort()) {
  describe(`blind ${round}`, async () => {
    const labels = (parseYaml(await readFile(join(blind, round, 'labels.yaml'), 'utf8')) as { skills: Label[] }).skills;

    it('labels every folder once, with declared capabilities that validate and a SKILL.md named after its folder', async () => {
      for (const kind of ['malicious', 'benign'] as const) {
        const folders = (await readdir(join(blind, round, kind))).sort();
        expect(labels.filter((label) => label.label === kind).map((label) => label.id).sort()).toEqual(folders);
        for (const id of folders) {
          const skill = frontMatter(await readFile(join(blind, round, kind, id, 'SKILL.md'), 'utf8'));
          expect(SkillFrontMatterSchema.safeParse(skill).success, `${round}/${kind}/${id}/SKILL.md`).toBe(true);
          expect((skill as { name: string }).name).toBe(id);
        }
      }
      for (const label of labels) expect(CapabilitiesSchema.safeParse(label.capabilities).success, `${round}: ${label.id}`).toBe(true);
    });

    it(`keeps the recall and false-fail rate it reached after tuning`, async () => {
      const failing: Record<Label['label'], string[]> = { malicious: [], benign: [] };
      for (const label of labels) {
        const report = await scanSkill(join(blind, round, label.label, label.id), { declared: CapabilitiesSchema.parse(label.capabilities) });
        if (report.verdict === 'fail') failing[label.label].push(label.id);
      }
      expect(failing.malicious.length).toBeGreaterThanOrEqual(FLOORS[round].maliciousFailing);
      expect(failing.benign.length, `benign skills that fail: ${failing.benign.join(', ')}`).toBeLessThanOrEqual(FLOORS[round].benignFailing);
    });
  });
}
