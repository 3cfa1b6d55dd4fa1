/** Coverage: text that is not UTF-8 is read as Latin-1 so nothing is skipped, and reported. */
import type { RawFinding } from '../model.ts';
import type { Detector, ScanContext } from './types.ts';

/** The unknown-encoding detector. */
export const detector: Detector = {
  version: 1,
  meta: {
    id: 'unknown-encoding',
    title: 'Text in an unexpected encoding',
    description: 'Files that are not valid UTF-8 (or UTF-16 with a byte-order mark) are scanned as Latin-1, which may misread multi-byte text; UTF-16 files are decoded but reported, since tools and reviewers often show them wrongly.',
    category: 'coverage',
    kind: 'coverage',
    severity: 'medium',
    confidence: 'medium',
    message: 'The file is not UTF-8, so its text may have been read differently from how an agent reads it.',
    fix: 'Save the file as UTF-8.',
  },
  detect(context: ScanContext): RawFinding[] {
    return context.files
      .filter((file) => file.fileClass === 'text' && file.encoding !== 'utf-8')
      .map((file) => ({ ruleId: 'unknown-encoding', file: file.path, line: 0, evidence: `read as ${file.encoding}` }));
  },
};
