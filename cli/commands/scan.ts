/**
 * `skill-registry scan <dir>… [--format text|json|sarif] [--entry FILE] [--policy FILE]
 * [--suppressions FILE]`: the static scan of one or more skill folders.
 *
 * JSON: one folder prints its ScanReport with a `dir` field; several print `{ reports: [...] }`, each
 * a ScanReport with its `dir`. SARIF: one 2.1.0 log with every folder's results.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { EntrySchema, describeZodError, type ScanReport } from '../../schemas/index.ts';
import { formatScanText, loadPolicy, loadSuppressions, scanSkill, toSarif, type ScanOptions } from '../../scanner/index.ts';
import { UsageError, outputFormat, parseFlags, type Command } from '../command.ts';

const usage = `Usage: skill-registry scan <dir>… [--format text|json|sarif] [--entry FILE] [--policy FILE] [--suppressions FILE]

Statically scans skill folders: every finding with rule id, file:line, evidence and how to fix it.
  --entry FILE         registry entry whose declared capabilities the scan compares against
                       (and whose publisher/name scopes suppressions); without it, inferred
                       capabilities are listed but undeclared use does not fail the scan
  --policy FILE        verdict policy (default: the bundled scanner/policy.yaml)
  --suppressions FILE  operator suppressions (registry/suppressions.yaml format)
Exit codes: 0 pass or warn, 1 any folder fails, 2 usage error.`;

async function readEntry(file: string): Promise<Pick<ScanOptions, 'declared' | 'skill'>> {
  let data: unknown;
  try {
    data = parseYaml(await readFile(file, 'utf8'));
  } catch (error) {
    throw new UsageError('BAD_ARGUMENT', `Cannot read the entry ${file} (${(error as Error).message}). Give the path of a registry entry YAML file.`);
  }
  const parsed = EntrySchema.safeParse(data);
  if (!parsed.success) {
    throw new UsageError('BAD_ARGUMENT', `${file}: ${describeZodError(parsed.error, 'entry')}. Fix the entry or omit --entry.`);
  }
  return { declared: parsed.data.capabilities, skill: { publisher: parsed.data.publisher, name: parsed.data.name } };
}

/** The scan command. */
export const command: Command = {
  name: 'scan',
  summary: 'static scan of skill folders',
  usage,
  async run(args) {
    const { values, positionals } = parseFlags(args, { entry: { type: 'string' }, policy: { type: 'string' }, suppressions: { type: 'string' } }, usage);
    outputFormat(values, ['text', 'json', 'sarif']);
    if (positionals.length === 0) throw new UsageError('MISSING_ARGUMENT', `Give at least one skill folder.\n\n${usage}`);
    if (values.entry !== undefined && positionals.length > 1) throw new UsageError('BAD_ARGUMENT', `--entry describes one skill: scan one folder with it.\n\n${usage}`);
    const options: ScanOptions = {};
    if (typeof values.entry === 'string') Object.assign(options, await readEntry(values.entry));
    if (typeof values.policy === 'string') options.policy = await loadPolicy(values.policy);
    if (typeof values.suppressions === 'string') options.suppressions = await loadSuppressions(values.suppressions);
    const reports: { dir: string; report: ScanReport }[] = [];
    for (const dir of positionals) reports.push({ dir, report: await scanSkill(resolve(dir), options) });
    const json = reports.length === 1 ? { dir: reports[0].dir, ...reports[0].report } : { reports: reports.map(({ dir, report }) => ({ dir, ...report })) };
    return {
      outcome: reports.some(({ report }) => report.verdict === 'fail') ? 'fail' : 'ok',
      text: reports.map(({ dir, report }) => formatScanText(report, dir)).join('\n'),
      json,
      sarif: toSarif(reports),
    };
  },
};
