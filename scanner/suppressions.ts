/**
 * Operator suppressions (file format `registry/suppressions.yaml`): each one silences one rule for
 * one skill on one path (glob), with a reason and an expiry date, and stays visible in the report.
 */
import { readFile } from 'node:fs/promises';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { describeZodError, formatPath, type Finding } from '../schemas/index.ts';
import { ScannerError } from './errors.ts';
import { globToRegExp } from './glob.ts';

/** One suppression. */
export const SuppressionSchema = z.strictObject({
  /** The skill it applies to, `publisher/name`. */
  skill: z.string().regex(/^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\/[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/, { error: 'must be `publisher/name` such as `acme/weather-lite`' }),
  /** Rule id it silences. */
  rule: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: 'must be a rule id such as `download-and-execute`' }),
  /** File path or glob inside the skill (`scripts/*.sh`). */
  path: z.string().min(1, { error: 'is empty: give the file (or glob) the suppression covers' }),
  /** Why the finding is acceptable; shown in every report. */
  reason: z.string().trim().min(10, { error: 'must explain in a sentence why the finding is acceptable' }),
  /** Last day (YYYY-MM-DD, UTC) it applies. */
  expires: z.union([z.string(), z.date().transform((date) => date.toISOString().slice(0, 10))]).pipe(
    z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'must be a date YYYY-MM-DD' }),
  ),
});

/** A suppression as consumed. */
export type Suppression = z.output<typeof SuppressionSchema>;

/** The suppressions file. */
export const SuppressionsFileSchema = z.strictObject({
  /** Format version; only 1 exists. */
  schemaVersion: z.literal(1, { error: 'must be 1, the only suppressions version this scanner reads' }),
  /** The suppressions. */
  suppressions: z.array(SuppressionSchema).default([]),
});

/** Reads and validates a suppressions file; errors name the file and the field. */
export async function loadSuppressions(file: string): Promise<Suppression[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new ScannerError('SUPPRESSIONS_INVALID', `Cannot read the suppressions file ${file} (${(error as Error).message}). Check the path.`, { where: file, cause: error });
  }
  let data: unknown;
  try {
    data = parseYaml(text);
  } catch (error) {
    throw new ScannerError('SUPPRESSIONS_INVALID', `${file} is not valid YAML (${(error as Error).message}). Fix the syntax.`, { where: file, cause: error });
  }
  const parsed = SuppressionsFileSchema.safeParse(data ?? {});
  if (!parsed.success) {
    const path = formatPath(parsed.error.issues[0]?.path ?? []);
    throw new ScannerError('SUPPRESSIONS_INVALID', `${file}: ${describeZodError(parsed.error, 'suppression')}. Each suppression needs skill, rule, path, reason and expires.`, {
      where: `${file}:${path}`,
    });
  }
  return parsed.data.suppressions;
}

/** Whether a suppression is still in force on `now` (it applies through the whole expiry day, UTC). */
export function isActive(suppression: Suppression, now: Date): boolean {
  return now.toISOString().slice(0, 10) <= suppression.expires;
}

/** Marks the findings that an active suppression for this skill covers. */
export function applySuppressions(findings: Finding[], suppressions: readonly Suppression[], skill: { publisher: string; name: string } | undefined, now: Date): Finding[] {
  if (!skill || suppressions.length === 0) return findings;
  const id = `${skill.publisher}/${skill.name}`;
  const relevant = suppressions.filter((s) => s.skill === id && isActive(s, now)).map((s) => ({ s, path: globToRegExp(s.path) }));
  return findings.map((finding) => {
    const match = relevant.find(({ s, path }) => s.rule === finding.ruleId && (s.path === finding.file || path.test(finding.file)));
    return match ? { ...finding, suppressed: { reason: match.s.reason, expires: match.s.expires } } : finding;
  });
}
