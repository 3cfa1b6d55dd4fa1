/**
 * Helpers for the coverage detectors: the scanner never skips a file silently; content it cannot
 * analyse is reported so a reviewer knows what was not checked.
 */
import type { SourceFile } from '../model.ts';

/** Human name of a file class. */
export function describeClass(file: SourceFile): string {
  switch (file.fileClass) {
    case 'executable':
      return 'a compiled executable or library';
    case 'archive':
      return 'a compressed archive';
    case 'image':
      return 'an image';
    case 'font':
      return 'a font';
    case 'document':
      return 'a PDF document';
    default:
      return 'binary data';
  }
}

/** Size in readable units. */
export function size(bytes: number): string {
  return bytes < 1024 ? `${bytes} B` : bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KiB` : `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}
