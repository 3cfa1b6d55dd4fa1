#!/usr/bin/env node
/**
 * Measures the scanner on the labelled development corpus (test/corpus): recall (share of malicious
 * skills that fail) per category and overall, and on benign skills the false-fail and warn rates.
 * It is a measuring tool: it exits 0 whatever the numbers are, and 2 only when it cannot run.
 *
 *   node scripts/eval-corpus.ts [--json] [--corpus <dir>] [--scanner <module>]
 *
 * `--scanner` measures another build of the scanner (any module exporting `scanSkill`), e.g. to compare
 * two versions on the same corpus.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { CapabilitiesSchema, type Capabilities } from '../schemas/capabilities.ts';
import { describeZodError } from '../schemas/zod-issues.ts';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));

/** Where the scanner lives; imported at run time so this script can say plainly when it is missing. */
const DEFAULT_SCANNER_MODULE = join(root, 'scanner', 'index.ts');

/** One labelled skill of the corpus. */
const LabelSchema = z.strictObject({
  id: z.string().min(1),
  label: z.enum(['malicious', 'benign']),
  category: z.string().optional(),
  note: z.string().min(1),
  capabilities: CapabilitiesSchema,
});

/** The whole labels file: the closed category list, then one record per skill. */
const LabelsFileSchema = z.strictObject({
  schemaVersion: z.literal(1),
  categories: z.record(z.string(), z.string()),
  skills: z.array(LabelSchema),
});

/** A labelled skill as read from labels.yaml. */
type Label = z.output<typeof LabelSchema>;

/** The part of a scanner finding this script reads (contract of `scanSkill`). */
interface ScannedFinding {
  ruleId: string;
  severity: string;
  kind: string;
  file: string;
  line: number;
  message: string;
  suppressed?: unknown;
}

/** The part of a scan report this script reads. */
interface ScannedReport {
  verdict: 'pass' | 'warn' | 'fail';
  findings: ScannedFinding[];
}

/** The scanner entry point, as the contract states it. */
type ScanSkill = (dir: string, options: { declared: Capabilities; skill: { publisher: string; name: string } }) => Promise<ScannedReport>;

/** The outcome of scanning one corpus skill. */
interface Outcome {
  id: string;
  label: Label['label'];
  category: string;
  verdict: 'pass' | 'warn' | 'fail' | 'error';
  /** Rule ids that fired (not suppressed), worst severity first. */
  rules: string[];
  /** The scanner's error message when it threw. */
  error?: string;
  milliseconds: number;
}

/** Counts for one group of skills. */
interface Tally {
  total: number;
  fail: number;
  warn: number;
  pass: number;
  error: number;
}

const SEVERITY_ORDER = ['critical', 'high', 'medium', 'low', 'info'];

function parseArgs(argv: string[]): { json: boolean; corpus: string; scanner: string } {
  let json = false;
  let corpus = join(root, 'test', 'corpus');
  let scanner = DEFAULT_SCANNER_MODULE;
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index];
    if (arg === '--json') json = true;
    else if (arg === '--corpus' && argv[index + 1]) corpus = resolve(argv[++index]);
    else if (arg === '--scanner' && argv[index + 1]) scanner = resolve(argv[++index]);
    else if (arg === '--help' || arg === '-h') {
      process.stdout.write('usage: node scripts/eval-corpus.ts [--json] [--corpus <dir>] [--scanner <module>]\n');
      process.exit(0);
    } else {
      fail(`unknown argument \`${arg}\`. Use \`--json\` for a JSON summary, \`--corpus <dir>\` for another corpus folder, \`--scanner <module>\` for another scanner build.`);
    }
  }
  return { json, corpus, scanner };
}

function fail(message: string): never {
  process.stderr.write(`eval-corpus: ${message}\n`);
  process.exit(2);
}

async function loadLabels(corpus: string): Promise<z.output<typeof LabelsFileSchema>> {
  const path = join(corpus, 'labels.yaml');
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    fail(`cannot read ${path}. Pass the corpus folder with \`--corpus <dir>\`; it must hold labels.yaml.`);
  }
  const parsed = LabelsFileSchema.safeParse(parseYaml(text));
  if (!parsed.success) {
    fail(`${path} is not a valid labels file: ${describeZodError(parsed.error, 'labels')}.`);
  }
  return parsed.data;
}

async function loadScanner(path: string): Promise<ScanSkill> {
  try {
    await stat(path);
  } catch {
    fail(`the scanner is not there (${path} is missing). Build the scanner stage first, or pass \`--scanner <module>\`; it must export \`scanSkill\`.`);
  }
  let module: { scanSkill?: unknown };
  try {
    module = (await import(pathToFileURL(path).href)) as { scanSkill?: unknown };
  } catch (error) {
    fail(`cannot load the scanner ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (typeof module.scanSkill !== 'function') fail(`${path} does not export a function \`scanSkill\`. Export \`scanSkill(dir, options)\` from it.`);
  return module.scanSkill as ScanSkill;
}

function firedRules(findings: ScannedFinding[]): string[] {
  const worst = new Map<string, number>();
  for (const finding of findings) {
    if (finding.suppressed) continue;
    const rank = SEVERITY_ORDER.indexOf(finding.severity);
    const seen = worst.get(finding.ruleId);
    if (seen === undefined || rank < seen) worst.set(finding.ruleId, rank);
  }
  return [...worst].sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0])).map(([ruleId, rank]) => `${ruleId}(${SEVERITY_ORDER[rank] ?? '?'})`);
}

async function scanAll(corpus: string, labels: Label[], scanSkill: ScanSkill): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  for (const label of labels) {
    const dir = join(corpus, label.label, label.id);
    const started = performance.now();
    try {
      const report = await scanSkill(dir, { declared: label.capabilities, skill: { publisher: 'corpus', name: label.id } });
      outcomes.push({
        id: label.id,
        label: label.label,
        category: label.category ?? 'benign',
        verdict: report.verdict,
        rules: firedRules(report.findings),
        milliseconds: performance.now() - started,
      });
    } catch (error) {
      outcomes.push({
        id: label.id,
        label: label.label,
        category: label.category ?? 'benign',
        verdict: 'error',
        rules: [],
        error: error instanceof Error ? error.message : String(error),
        milliseconds: performance.now() - started,
      });
    }
  }
  return outcomes;
}

function tally(outcomes: Outcome[]): Tally {
  const result: Tally = { total: outcomes.length, fail: 0, warn: 0, pass: 0, error: 0 };
  for (const outcome of outcomes) result[outcome.verdict]++;
  return result;
}

const rate = (part: number, whole: number): number => (whole === 0 ? 0 : part / whole);
const percent = (value: number): string => `${(value * 100).toFixed(1)}%`;

async function main(): Promise<void> {
  const { json, corpus, scanner } = parseArgs(process.argv.slice(2));
  const labelsFile = await loadLabels(corpus);
  // Folders without a label would silently go unmeasured: refuse instead.
  for (const kind of ['malicious', 'benign'] as const) {
    const folders = await readdir(join(corpus, kind)).catch(() => [] as string[]);
    const known = new Set(labelsFile.skills.filter((s) => s.label === kind).map((s) => s.id));
    const unlabelled = folders.filter((folder) => !known.has(folder));
    if (unlabelled.length > 0) fail(`${kind}/ holds folders with no record in labels.yaml: ${unlabelled.join(', ')}. Label them or remove them.`);
  }
  const scanSkill = await loadScanner(scanner);
  const outcomes = await scanAll(corpus, labelsFile.skills, scanSkill);
  // A scanner that throws on every skill measured nothing: that is an environment problem, not a score.
  if (outcomes.length > 0 && outcomes.every((o) => o.verdict === 'error')) {
    fail(`the scanner threw on all ${outcomes.length} skills; the first error was: ${outcomes[0].error?.replace(/\.$/, '')}. Fix the scanner (\`npx vitest run scanner\`) and run this again.`);
  }

  const malicious = outcomes.filter((o) => o.label === 'malicious');
  const benign = outcomes.filter((o) => o.label === 'benign');
  const categories = Object.keys(labelsFile.categories).map((category) => {
    const counts = tally(malicious.filter((o) => o.category === category));
    return { category, ...counts, recall: rate(counts.fail, counts.total) };
  });
  const maliciousCounts = tally(malicious);
  const benignCounts = tally(benign);
  const totalMs = outcomes.reduce((sum, o) => sum + o.milliseconds, 0);
  const summary = {
    corpus,
    malicious: { ...maliciousCounts, recall: rate(maliciousCounts.fail, maliciousCounts.total), failOrWarn: rate(maliciousCounts.fail + maliciousCounts.warn, maliciousCounts.total) },
    benign: { ...benignCounts, falseFailRate: rate(benignCounts.fail, benignCounts.total), warnRate: rate(benignCounts.warn, benignCounts.total) },
    categories,
    misses: malicious.filter((o) => o.verdict !== 'fail').map((o) => ({ id: o.id, category: o.category, verdict: o.verdict, rules: o.rules, ...(o.error ? { error: o.error } : {}) })),
    falseFails: benign.filter((o) => o.verdict === 'fail').map((o) => ({ id: o.id, rules: o.rules })),
    benignWarns: benign.filter((o) => o.verdict === 'warn').map((o) => ({ id: o.id, rules: o.rules })),
    errors: outcomes.filter((o) => o.verdict === 'error').map((o) => ({ id: o.id, label: o.label, error: o.error })),
    meanMillisecondsPerSkill: rate(totalMs, outcomes.length),
  };

  if (json) {
    process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
    return;
  }
  const lines: string[] = [];
  lines.push(`Corpus: ${malicious.length} malicious, ${benign.length} benign (${corpus})`, '');
  lines.push('| category | skills | fail | warn | pass | error | recall |', '|---|---:|---:|---:|---:|---:|---:|');
  for (const c of categories) lines.push(`| ${c.category} | ${c.total} | ${c.fail} | ${c.warn} | ${c.pass} | ${c.error} | ${percent(c.recall)} |`);
  lines.push(`| **all malicious** | ${maliciousCounts.total} | ${maliciousCounts.fail} | ${maliciousCounts.warn} | ${maliciousCounts.pass} | ${maliciousCounts.error} | **${percent(summary.malicious.recall)}** |`);
  lines.push(`Malicious flagged at all (fail or warn): ${percent(summary.malicious.failOrWarn)}`, '');
  lines.push(`Benign: ${benignCounts.total} skills, ${benignCounts.fail} fail (false-fail rate ${percent(summary.benign.falseFailRate)}), ${benignCounts.warn} warn (warn rate ${percent(summary.benign.warnRate)}), ${benignCounts.pass} pass, ${benignCounts.error} error`);
  lines.push(`Mean scan time: ${summary.meanMillisecondsPerSkill.toFixed(1)} ms per skill`, '');
  lines.push(`Misses (malicious not failed): ${summary.misses.length}`);
  for (const m of summary.misses) lines.push(`  ${m.id}  [${m.category}]  ${m.verdict}${m.rules.length ? `  ${m.rules.join(' ')}` : ''}`);
  lines.push('', `False fails (benign failed): ${summary.falseFails.length}`);
  for (const f of summary.falseFails) lines.push(`  ${f.id}  ${f.rules.join(' ')}`);
  lines.push('', `Benign warns: ${summary.benignWarns.length}`);
  for (const w of summary.benignWarns) lines.push(`  ${w.id}  ${w.rules.join(' ')}`);
  if (summary.errors.length > 0) {
    // The same failure usually repeats for many skills: show each distinct message once.
    const byMessage = new Map<string, string[]>();
    for (const e of summary.errors) byMessage.set(e.error ?? '', [...(byMessage.get(e.error ?? '') ?? []), e.id]);
    lines.push('', `Scanner errors: ${summary.errors.length} skill(s), ${byMessage.size} distinct error(s)`);
    for (const [message, ids] of byMessage) lines.push(`  ${message}`, `    on: ${ids.join(', ')}`);
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}

await main();
