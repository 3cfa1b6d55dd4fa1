#!/usr/bin/env node
/**
 * Detection on skills the rules were not written from: the first-look numbers of every blind round
 * (test/blind/first-looks.yaml, the only figures that count as a measure), then the same rounds scanned
 * now as regression sets, and the in-sample development corpus. Prints a Markdown section.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { CapabilitiesSchema } from '../../schemas/capabilities.ts';
import { scanSkill } from '../../scanner/index.ts';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));

const Count = z.tuple([z.number().int(), z.number().int()]);
const Slices = z.strictObject({ prose: Count, code: Count, 'agent-directed': Count, 'hard-benign-failing': Count });
const FirstLooksSchema = z.strictObject({
  schemaVersion: z.literal(1),
  rounds: z.array(
    z.strictObject({
      round: z.string(),
      written: z.string(),
      when: z.string(),
      old: Slices,
      new: Slices,
      /** The same scanner with no entry (`scan <dir>`), as a folder audit without an entry runs it. */
      'new-without-entry': z.strictObject({ 'malicious-failing': Count, 'hard-benign-failing': Count }).optional(),
      /** One sentence on the round that the counts alone do not say. */
      note: z.string().optional(),
    }),
  ),
  audits: z.array(
    z.strictObject({
      round: z.string(),
      /** What the first look ran after, when it is more than "before the dry run's calibration on it". */
      'first-label': z.string().optional(),
      first: z.strictObject({ 'malicious-failing': Count, 'benign-failing': Count }),
      after: z.strictObject({ 'malicious-failing': Count, 'benign-failing': Count }).optional(),
      /** Later regression figures, each with what changed before it. */
      later: z.array(z.strictObject({ label: z.string(), 'malicious-failing': Count, 'benign-failing': Count })).optional(),
    }),
  ),
});

const percent = ([part, whole]: [number, number]): string => `${part}/${whole} (${((100 * part) / whole).toFixed(0)}%)`;

const firstLooks = FirstLooksSchema.parse(parseYaml(await readFile(join(root, 'test', 'blind', 'first-looks.yaml'), 'utf8')));
const lookRows = firstLooks.rounds.flatMap((round) =>
  (['old', 'new'] as const).map((engine) => {
    const slices = round[engine];
    const malicious: [number, number] = [slices.prose[0] + slices.code[0] + slices['agent-directed'][0], slices.prose[1] + slices.code[1] + slices['agent-directed'][1]];
    return `| ${round.round} | ${engine === 'old' ? 'before the action model' : `action model, ${round.when}`} | ${percent(slices.prose)} | ${percent(slices.code)} | ${percent(slices['agent-directed'])} | ${percent(malicious)} | ${percent(slices['hard-benign-failing'])} |`;
  }),
);
const withoutEntryRows = firstLooks.rounds.flatMap((round) => {
  const counts = round['new-without-entry'];
  return counts ? [`| ${round.round} | action model, ${round.when} | ${percent(counts['malicious-failing'])} | ${percent(counts['hard-benign-failing'])} |`] : [];
});

interface Label {
  id: string;
  label: 'malicious' | 'benign';
  category?: string;
  capabilities: unknown;
}

/** Fails per slice of one labelled set, scanned now with the entry's declarations. */
async function scanSet(dir: string): Promise<Map<string, [number, number]>> {
  const labels = (parseYaml(await readFile(join(dir, 'labels.yaml'), 'utf8')) as { skills: Label[] }).skills;
  const slices = new Map<string, [number, number]>();
  for (const label of labels) {
    const slice = label.label === 'benign' ? 'benign' : 'malicious';
    const report = await scanSkill(join(dir, label.label, label.id), { declared: CapabilitiesSchema.parse(label.capabilities) });
    const [fails, total] = slices.get(slice) ?? [0, 0];
    slices.set(slice, [fails + (report.verdict === 'fail' ? 1 : 0), total + 1]);
  }
  return slices;
}

const nowRows: string[] = [];
for (const round of (await readdir(join(root, 'test', 'blind'), { withFileTypes: true })).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))) {
  const slices = await scanSet(join(root, 'test', 'blind', round));
  nowRows.push(`| ${round} (regression) | ${percent(slices.get('malicious') ?? [0, 0])} | ${percent(slices.get('benign') ?? [0, 0])} |`);
}
const corpus = await scanSet(join(root, 'test', 'corpus'));
nowRows.push(`| test/corpus (in-sample) | ${percent(corpus.get('malicious') ?? [0, 0])} | ${percent(corpus.get('benign') ?? [0, 0])} |`);

process.stdout.write(`## Detection (blind rounds)

First looks: each round's skills were written from public incident descriptions by an author who had not
read \`scanner/\`, and scanned before any rule was tuned on them. Cells count skills whose scan fails
(for hard-benign: wrongly fails), with the entry's declared capabilities. These are the measure.

| round | scanner | prose | code | agent-directed | all malicious | hard benign failing |
|---|---|---:|---:|---:|---:|---:|
${lookRows.join('\n')}
${firstLooks.rounds.filter((round) => round.note).map((round) => `\n${round.round}: ${round.note}\n`).join('')}
${withoutEntryRows.length > 0 ? `The same first looks with no entry (\`skill-registry scan <dir>\`: nothing declared, as a folder audit without an entry scans):

| round | scanner | malicious failing | hard benign failing |
|---|---|---:|---:|
${withoutEntryRows.join('\n')}

` : ''}Full ad-hoc audits (scan + dry run under gVisor, no entry), \`skill-registry audit <dir>\` per skill:

| round | audit | malicious failing | honest skills wrongly failing |
|---|---|---:|---:|
${firstLooks.audits
  .flatMap((audit) => [
    `| ${audit.round} | first look (${audit['first-label'] ?? "before the dry run's calibration on it"}) | ${percent(audit.first['malicious-failing'])} | ${percent(audit.first['benign-failing'])} |`,
    ...(audit.after ? [`| ${audit.round} | after the calibration (regression) | ${percent(audit.after['malicious-failing'])} | ${percent(audit.after['benign-failing'])} |`] : []),
    ...(audit.later ?? []).map((stage) => `| ${audit.round} | ${stage.label} | ${percent(stage['malicious-failing'])} | ${percent(stage['benign-failing'])} |`),
  ])
  .join('\n')}

Now, after tuning (regression sets: these numbers are not a measure of generalisation):

| set | malicious failing | benign failing |
|---|---:|---:|
${nowRows.join('\n')}

Reproduce with \`npm run bench -- detection\`; \`node scripts/eval-corpus.ts --corpus test/blind/round-N\` lists misses and false fails.
`);
