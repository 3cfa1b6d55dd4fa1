/**
 * The one shape every problem report shares: entry validation issues and scanner findings alike, so ids
 * work the same for docs, suppressions and golden files.
 */

/** How bad a finding or issue is, lowest first. */
export const SEVERITIES = ['info', 'low', 'medium', 'high', 'critical'] as const;

/** One of {@link SEVERITIES}. */
export type Severity = (typeof SEVERITIES)[number];

/** Outcome of an audit stage or of a whole audit. */
export const VERDICTS = ['pass', 'warn', 'fail'] as const;

/** One of {@link VERDICTS}. */
export type Verdict = (typeof VERDICTS)[number];

/** One problem found in an entry or a skill, with where it is and how to fix it. */
export interface Issue {
  /** Stable kebab-case id, e.g. `entry-name-mismatch`. */
  id: string;
  /** Where: a field path such as `capabilities.network[2]`, or `file:line` such as `scripts/run.py:14`. */
  path: string;
  /** How bad it is. */
  severity: Severity;
  /** What is wrong, then how to fix it, with the offending value. */
  message: string;
}

/** Numeric rank of a severity, for comparisons (`info` = 0 … `critical` = 4). */
export function severityRank(severity: Severity): number {
  return SEVERITIES.indexOf(severity);
}

/** The worse of two verdicts. */
export function worseVerdict(a: Verdict, b: Verdict): Verdict {
  return VERDICTS.indexOf(a) >= VERDICTS.indexOf(b) ? a : b;
}

/** Where a finding sits, as people read it: `file:line`, or the file alone for a finding about the whole file (line 0). */
export function placeOf(finding: { file: string; line: number }): string {
  return finding.line > 0 ? `${finding.file}:${finding.line}` : finding.file;
}
