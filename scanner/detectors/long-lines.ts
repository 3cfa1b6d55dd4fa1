/**
 * Coverage: minified code and very long lines defeat review (a payload can sit far to the right of
 * the screen). The scanner still reads every byte; this says a person could not.
 */
import type { RawFinding } from '../model.ts';
import type { ScanContext } from './types.ts';

/** Longest line expected in hand-written code; minifiers emit thousands of characters per line. The rule's description in scanner/rules/long-lines/rule.yaml quotes both limits. */
const MAX_CODE_LINE = 1000;
/** Prose and data wrap less, so they get more room before a line is suspicious. */
const MAX_TEXT_LINE = 5000;

/** Bumped when the logic changes, so the rule set digest changes with it; the metadata is in scanner/rules/long-lines/rule.yaml. */
export const version = 1;

/** The long-lines detector. */
export function detect(context: ScanContext): RawFinding[] {
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
}
