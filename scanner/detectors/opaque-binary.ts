/** Coverage: images, fonts, PDFs and other binary data are listed as not analysed. */
import type { RawFinding } from '../model.ts';
import { describeClass, size } from './opaque-content.ts';
import type { ScanContext } from './types.ts';

/** Bumped when the logic changes, so the rule set digest changes with it; the metadata is in scanner/rules/opaque-binary/rule.yaml. */
export const version = 1;

/** The opaque-binary detector. */
export function detect(context: ScanContext): RawFinding[] {
  return context.files
    .filter((file) => file.fileClass === 'image' || file.fileClass === 'font' || file.fileClass === 'document' || file.fileClass === 'binary')
    .filter((file) => !(file.fileClass !== 'text' && /\.(?:exe|dll|so|dylib|scr|msi|elf)$/i.test(file.path)))
    .map((file) => ({
      ruleId: 'opaque-binary',
      file: file.path,
      line: 0,
      severity: file.fileClass === 'binary' ? ('low' as const) : ('info' as const),
      evidence: `${describeClass(file)}, ${size(file.bytes.length)}`,
    }));
}
