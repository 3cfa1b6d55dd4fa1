/**
 * Coverage: minified code and very long lines defeat review (a payload can sit far to the right of
 * the screen). The scanner still reads every byte; this says a person could not.
 */
import type { RawFinding } from '../model.ts';
import type { Detector, ScanContext } from './types.ts';

/** Longest line expected in hand-written code; minifiers emit thousands of characters per line. */
const MAX_CODE_LINE = 1000;
/** Prose and data wrap less, so they get more room before a line is suspicious. */
const MAX_TEXT_LINE = 5000;

/** The long-lines detector. */
export const detector: Detector = {
  version: 1,
  meta: {
    id: 'long-lines',
    title: 'Minified code or very long lines',
    description: `Code lines over ${MAX_CODE_LINE} characters (${MAX_TEXT_LINE} for prose and data) are typical of minified or generated code and of payloads pushed out of view. The scanner reads them fully, but a reviewer cannot.`,
    category: 'coverage',
    kind: 'coverage',
    severity: 'medium',
    confidence: 'medium',
    message: 'The file has lines too long for a person to review.',
    fix: 'Ship readable source (not minified bundles) and wrap long lines; load large data from a documented file format.',
  },
  detect(context: ScanContext): RawFinding[] {
    const findings: RawFinding[] = [];
    for (const file of context.files) {
      if (file.fileClass !== 'text') continue;
      const limit = file.language === 'markdown' || file.language === 'text' || file.language === 'json' || file.language === 'yaml' || file.language === 'svg' ? MAX_TEXT_LINE : MAX_CODE_LINE;
      let line = 1;
      let start = 0;
      const text = file.text;
      while (start <= text.length) {
        let end = text.indexOf('\n', start);
        if (end === -1) end = text.length;
        if (end - start > limit) {
          const content = text.slice(start, end);
          // An embedded image or font (data: URI) is long by nature and not code.
          const withoutDataUris = content.replace(/data:(?:image|font|application\/(?:x-)?font)[\w/+.-]*;base64,[A-Za-z0-9+/=]+/g, '');
          if (withoutDataUris.length > limit) {
            findings.push({ ruleId: 'long-lines', file: file.path, line, evidence: `line of ${end - start} characters: ${content.slice(0, 80)}…` });
            break;
          }
        }
        start = end + 1;
        line += 1;
      }
    }
    return findings;
  },
};
