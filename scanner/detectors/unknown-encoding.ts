/** Coverage: text that is not UTF-8 is read as Latin-1 so nothing is skipped, and reported. */
import type { RawFinding } from '../model.ts';
import type { ScanContext } from './types.ts';

/** Bumped when the logic changes, so the rule set digest changes with it; the metadata is in scanner/rules/unknown-encoding/rule.yaml. */
export const version = 1;

/** The unknown-encoding detector. */
export function detect(context: ScanContext): RawFinding[] {
  return context.files
    .filter((file) => file.fileClass === 'text' && file.encoding !== 'utf-8')
    .map((file) => ({ ruleId: 'unknown-encoding', file: file.path, line: 0, evidence: `read as ${file.encoding}` }));
}
