/** Coverage: compiled executables and libraries cannot be reviewed or statically analysed. */
import type { RawFinding } from '../model.ts';
import { describeClass, size } from './opaque-content.ts';
import type { Detector, ScanContext } from './types.ts';

/** The opaque-executable detector. */
export const detector: Detector = {
  version: 1,
  meta: {
    id: 'opaque-executable',
    title: 'Compiled executable shipped',
    description: 'ELF, Mach-O, PE and WebAssembly binaries (by magic bytes, whatever the file name) cannot be reviewed by people or analysed by the scanner, and are the usual carrier of stealers and miners.',
    category: 'coverage',
    kind: 'coverage',
    severity: 'high',
    confidence: 'high',
    message: 'The skill ships a compiled executable the scanner cannot analyse.',
    fix: 'Ship source code instead of binaries, or have the skill install the tool from a package manager and declare the command in `capabilities.commands`.',
  },
  detect(context: ScanContext): RawFinding[] {
    return context.files
      .filter((file) => file.fileClass === 'executable' || (file.fileClass !== 'text' && /\.(?:exe|dll|so|dylib|scr|msi|elf)$/i.test(file.path)))
      .map((file) => ({ ruleId: 'opaque-executable', file: file.path, line: 0, evidence: `${describeClass(file)}, ${size(file.bytes.length)}, starts with ${file.bytes.subarray(0, 4).toString('hex')}` }));
  },
};
