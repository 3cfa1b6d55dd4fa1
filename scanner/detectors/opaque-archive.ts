/** Coverage: archives hide their contents from review and from the scan. */
import type { RawFinding } from '../model.ts';
import { size } from './opaque-content.ts';
import type { ScanContext } from './types.ts';

/** Bumped when the logic changes, so the rule set digest changes with it; the metadata is in scanner/rules/opaque-archive/rule.yaml. */
export const version = 1;

/** The opaque-archive detector. */
export function detect(context: ScanContext): RawFinding[] {
  return context.files
    .filter((file) => file.fileClass === 'archive')
    .map((file) => ({ ruleId: 'opaque-archive', file: file.path, line: 0, evidence: `archive, ${size(file.bytes.length)}, starts with ${file.bytes.subarray(0, 4).toString('hex')}` }));
}
