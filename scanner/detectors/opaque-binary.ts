/** Coverage: images, fonts, PDFs and other binary data are listed as not analysed. */
import type { RawFinding } from '../model.ts';
import { describeClass, size } from './opaque-content.ts';
import type { Detector, ScanContext } from './types.ts';

/** The opaque-binary detector. */
export const detector: Detector = {
  version: 1,
  meta: {
    id: 'opaque-binary',
    title: 'Binary file not analysed',
    description: 'Images, fonts and PDFs are expected assets and are listed for completeness (info); other binary data the scanner cannot identify is reported at low severity, so nothing in a skill goes unmentioned.',
    category: 'coverage',
    kind: 'coverage',
    severity: 'info',
    confidence: 'high',
    message: 'The scanner does not analyse the content of this binary file.',
    fix: 'Nothing to do for ordinary assets. If the file is data the skill reads, prefer a text format.',
  },
  detect(context: ScanContext): RawFinding[] {
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
  },
};
