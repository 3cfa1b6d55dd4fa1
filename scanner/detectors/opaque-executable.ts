/** Coverage: compiled executables and libraries cannot be reviewed or statically analysed. */
import type { RawFinding } from '../model.ts';
import { describeClass, size } from './opaque-content.ts';
import type { ScanContext } from './types.ts';

/** Bumped when the logic changes, so the rule set digest changes with it; the metadata is in scanner/rules/opaque-executable/rule.yaml. */
export const version = 1;

/** The opaque-executable detector. */
export function detect(context: ScanContext): RawFinding[] {
  return context.files
    .filter((file) => file.fileClass === 'executable' || (file.fileClass !== 'text' && /\.(?:exe|dll|so|dylib|scr|msi|elf)$/i.test(file.path)))
    .map((file) => ({ ruleId: 'opaque-executable', file: file.path, line: 0, evidence: `${describeClass(file)}, ${size(file.bytes.length)}, starts with ${file.bytes.subarray(0, 4).toString('hex')}` }));
}
