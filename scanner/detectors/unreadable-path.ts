/** Coverage: symbolic links and special files are never followed or read, and are reported. */
import type { RawFinding } from '../model.ts';
import type { Detector, ScanContext } from './types.ts';

/** The unreadable-path detector. */
export const detector: Detector = {
  version: 1,
  meta: {
    id: 'unreadable-path',
    title: 'Symbolic link or special file',
    description: 'A symbolic link can point outside the skill (at `~/.ssh`, say) and a device or FIFO is not content at all; the scanner does not follow or read them, and the registry refuses them when it digests the skill.',
    category: 'coverage',
    kind: 'coverage',
    severity: 'high',
    confidence: 'high',
    message: 'The scanner did not read this path.',
    fix: 'Replace the link with the file it points to, or remove it.',
  },
  detect(context: ScanContext): RawFinding[] {
    return context.unreadable.map((entry) => ({ ruleId: 'unreadable-path', file: entry.path, line: 0, evidence: entry.reason }));
  },
};
