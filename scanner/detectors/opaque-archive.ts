/** Coverage: archives hide their contents from review and from the scan. */
import type { RawFinding } from '../model.ts';
import { size } from './opaque-content.ts';
import type { Detector, ScanContext } from './types.ts';

/** The opaque-archive detector. */
export const detector: Detector = {
  version: 1,
  meta: {
    id: 'opaque-archive',
    title: 'Archive shipped',
    description: 'zip, gzip, tar, 7z, rar, xz, bzip2 and zstd content (by magic bytes) is not unpacked by the scanner, so whatever it holds is unreviewed. Office documents and wheels are zip files too.',
    category: 'coverage',
    kind: 'coverage',
    severity: 'medium',
    confidence: 'high',
    message: 'The skill ships an archive whose contents the scanner cannot see.',
    fix: 'Commit the files unpacked so they can be reviewed, or remove the archive.',
  },
  detect(context: ScanContext): RawFinding[] {
    return context.files
      .filter((file) => file.fileClass === 'archive')
      .map((file) => ({ ruleId: 'opaque-archive', file: file.path, line: 0, evidence: `archive, ${size(file.bytes.length)}, starts with ${file.bytes.subarray(0, 4).toString('hex')}` }));
  },
};
