#!/usr/bin/env node
/**
 * False fails on real published skills: every skill of a public catalogue on the npm registry
 * (`claude-code-skills`, pinned by version and integrity; about 1,100 SKILL.md folders gathered from
 * public skill collections) scanned as an ad-hoc `scan <dir>`, with no entry. Nobody here wrote them and
 * none is known to be malicious, so a `fail` is a false fail until someone reads it and finds otherwise.
 * Prints a Markdown section.
 *
 *   node scripts/bench/real-skills.ts [--list]
 *
 * The skills are split in two halves by a hash of their folder name: the development half may be read to
 * find classes of false fails; the held-out half is only counted. `--list` prints the failing skills of
 * the development half (never the held-out half) with the rules that failed them. The package is fetched
 * once into `.cache/real-skills/` (the npm registry is the only network this needs).
 */
import { createHash } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { scanSkill } from '../../scanner/index.ts';
import { ensureRealSkills, PACKAGE, REAL_SKILLS_DIR as skillsDir } from './lib/real-skills-package.ts';

/** The half a skill falls in: by the first hex digit of the SHA-1 of its folder name. */
const half = (id: string): 'development' | 'held-out' => (Number.parseInt(createHash('sha1').update(id).digest('hex')[0], 16) % 2 === 0 ? 'development' : 'held-out');

await ensureRealSkills();
const list = process.argv.includes('--list');
const ids = (await readdir(skillsDir, { withFileTypes: true })).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
const counts = { development: { pass: 0, warn: 0, fail: 0 }, 'held-out': { pass: 0, warn: 0, fail: 0 } };
const failing: string[] = [];
for (const id of ids) {
  const report = await scanSkill(join(skillsDir, id), {});
  counts[half(id)][report.verdict] += 1;
  if (list && report.verdict === 'fail' && half(id) === 'development') {
    const rules = [...new Set(report.findings.filter((finding) => !finding.suppressed && (finding.severity === 'high' || finding.severity === 'critical')).map((finding) => `${finding.ruleId} (${finding.file}:${finding.line})`))];
    failing.push(`- ${id}: ${rules.slice(0, 4).join(', ')}`);
  }
}
const row = (name: keyof typeof counts): string => {
  const { pass, warn, fail: failed } = counts[name];
  const total = pass + warn + failed;
  return `| ${name} | ${total} | ${failed} (${((100 * failed) / total).toFixed(1)}%) | ${warn} | ${pass} |`;
};
process.stdout.write(`## Real published skills (false fails, no entry)

Every skill of \`${PACKAGE.name}@${PACKAGE.version}\` from the npm registry (a catalogue of ${ids.length} SKILL.md folders gathered
from public skill collections), scanned as \`skill-registry scan <dir>\` with no entry. None is known to be
malicious: a fail is a false fail unless reading it shows otherwise. The development half may be read to find
classes of false fails; the held-out half is only ever counted.

| half | skills | fail | warn | pass |
|---|---:|---:|---:|---:|
${row('development')}
${row('held-out')}
${list ? `\nFailing in the development half:\n\n${failing.join('\n')}\n` : ''}
Reproduce with \`npm run bench -- real-skills\` (\`node scripts/bench/real-skills.ts --list\` lists the development half's fails).
`);
