/** Coverage: symbolic links and special files are never followed or read, and are reported. */
import type { RawFinding } from '../model.ts';
import type { ScanContext } from './types.ts';

/** Bumped when the logic changes, so the rule set digest changes with it; the metadata is in scanner/rules/unreadable-path/rule.yaml. */
export const version = 1;

/** The unreadable-path detector. */
export function detect(context: ScanContext): RawFinding[] {
  return context.unreadable.map((entry) => ({ ruleId: 'unreadable-path', file: entry.path, line: 0, evidence: entry.reason }));
}
