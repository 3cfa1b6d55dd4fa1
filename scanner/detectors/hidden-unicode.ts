/**
 * Invisible characters that hide instructions from a human reviewer while an agent still reads them:
 * Unicode tag characters (decoded to the ASCII they smuggle), bidirectional controls, and runs of
 * zero-width characters. Emoji sequences (ZWJ between pictographs, flag tag sequences) are honest.
 */
import { widen } from '../lookalikes.ts';
import type { RawFinding } from '../model.ts';
import type { ScanContext } from './types.ts';

const TAGS = /[\u{E0000}-\u{E007F}]+/gu;
/** Black flag: the base of subdivision flag emoji, which are spelled with tag characters. */
const FLAG_BASE = 0x1f3f4;
const BIDI = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/gu;
const ZERO_WIDTH = /[\u200B\u200C\u200D\u2060\u2061\u2062\u2063\u2064\u180E\uFEFF\u00AD]{2,}|(?<=[\p{L}\p{N}\p{P}\s])[\u200B\u2060\u180E\uFEFF](?=[\p{L}\p{N}\p{P}\s])/gu;
const EMOJI_ZWJ = /\p{Extended_Pictographic}\uFE0F?[\u{1F3FB}-\u{1F3FF}]?\u200D/u;

function lineOf(text: string, index: number): number {
  let line = 1;
  for (let position = text.indexOf('\n'); position !== -1 && position < index; position = text.indexOf('\n', position + 1)) line += 1;
  return line;
}

function visible(text: string): string {
  return [...text].map((char) => `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`).slice(0, 8).join(' ');
}

/** Bumped when the logic changes, so the rule set digest changes with it; the metadata is in scanner/rules/hidden-unicode/rule.yaml. */
export const version = 4;

/** Runs of variation selectors: emoji take one (VS16), a run of them is bytes smuggled one per selector. */
const SELECTOR_RUN = /[\uFE00-\uFE0F\u{E0100}-\u{E01EF}]{4,}/gu;

/** The bytes a run of variation selectors encodes (`FE00..FE0F` → 0..15, `E0100..E01EF` → 16..255). */
function selectorBytes(run: string): string {
  return [...run].map((char) => {
    const code = char.codePointAt(0)!;
    return String.fromCharCode(code >= 0xe0100 ? code - 0xe0100 + 16 : code - 0xfe00);
  }).join('');
}

/** Words that name lookalike letters for what they are: the text shows them as examples. */
const ANNOUNCED = /\b(?:cyrillic|greek|armenian|cherokee|homoglyphs?|confusables?|look-?alikes?|punycode|mixed[- ]script|full-?width|spoof\w*|IDN)\b/i;

/** Whether the word at `index` sits in a span set off by quotes or backticks with no space in it (`` `аpi.openai.com` ``, "а"). */
function quotedAlone(text: string, index: number, length: number): boolean {
  let start = index - 1;
  while (start >= 0 && !/[\s"'`\u201c\u201d]/.test(text[start]!)) start -= 1;
  let end = index + length;
  while (end < text.length && !/[\s"'`\u201c\u201d]/.test(text[end]!)) end += 1;
  const [open, close] = [text[start], text[end]];
  return open !== undefined && close !== undefined && /["'`\u201c\u201d]/.test(open) && /["'`\u201c\u201d]/.test(close);
}

/** The hidden-unicode detector. */
export function detect(context: ScanContext): RawFinding[] {
  const findings: RawFinding[] = [];
  for (const file of context.files) {
    if (file.fileClass !== 'text') continue;
    const text = file.text;
    // Words spelled with lookalike letters of another script: the text was folded back, the disguise is the finding.
    const disguised = file.lookalikes ?? [];
    const lines = text.split('\n');
    for (const word of disguised) {
      const mixed = word.reads !== widen(word.word);
      const line = lineOf(text, word.index);
      // A word whose own line says what it is ("renders as `аpi.openai.com` with a Cyrillic "а"") is shown as an example, not
      // disguised: a letter or two, or a name set off in quotes or backticks. A command or phrase with a lookalike in it is not.
      const announced = ANNOUNCED.test(lines[line - 1] ?? '') && (word.word.length <= 2 || quotedAlone(text, word.index, word.word.length));
      findings.push({
        ruleId: 'hidden-unicode',
        file: file.path,
        line,
        severity: announced ? 'low' : mixed && disguised.length >= 3 ? 'high' : 'medium',
        confidence: mixed ? 'high' : 'medium',
        evidence: `${disguised.length} word(s) spelled with lookalike letters, e.g. "${word.word}" (${visible(word.word)}) reads "${word.reads}"`,
        message: 'Words mix Latin with lookalike letters of another script (or fullwidth forms): they read the same to a person and an agent, but no search or review tool finds them.',
      });
    }
    if (!/[\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF\u00AD\u180E\u061C\uFE00-\uFE0F]|[\u{E0000}-\u{E007F}\u{E0100}-\u{E01EF}]/u.test(text)) continue;
    for (const match of text.matchAll(SELECTOR_RUN)) {
      const decoded = selectorBytes(match[0]).replace(/[^\x20-\x7e]/g, '·');
      findings.push({ ruleId: 'hidden-unicode', file: file.path, line: lineOf(text, match.index), severity: 'critical', evidence: `${[...match[0]].length} variation selectors, decoded: ${decoded.slice(0, 200)}`, message: 'A run of Unicode variation selectors smuggles bytes (one per selector) that no editor shows.' });
    }
    for (const match of text.matchAll(TAGS)) {
      if (text.codePointAt(match.index - 2) === FLAG_BASE && /^[\u{E0061}-\u{E007A}\u{E0030}-\u{E0039}]{2,6}\u{E007F}$/u.test(match[0])) continue;
      const decoded = [...match[0]].map((char) => String.fromCharCode(char.codePointAt(0)! - 0xe0000)).join('');
      findings.push({ ruleId: 'hidden-unicode', file: file.path, line: lineOf(text, match.index), severity: 'critical', evidence: `decoded Unicode tag characters: ${decoded.trim().slice(0, 200)}`, message: 'Unicode tag characters spell out hidden text that reviewers cannot see but agents read.' });
    }
    for (const match of text.matchAll(BIDI)) {
      // Direction marks (LRM, RLM, ALM) are ordinary in right-to-left text; overrides and isolates are the Trojan Source trick.
      const mark = /^[\u200E\u200F\u061C]$/u.test(match[0]);
      findings.push({ ruleId: 'hidden-unicode', file: file.path, line: lineOf(text, match.index), ...(mark ? { severity: 'low' as const, confidence: 'medium' as const } : {}), evidence: `bidirectional control ${visible(match[0])} in: ${text.slice(Math.max(0, match.index - 40), match.index + 40).replace(/[\u202A-\u202E\u2066-\u2069\u200E\u200F]/g, '·').replace(/\s+/g, ' ').trim()}`, message: 'A bidirectional control character makes the text display differently from how it is read.' });
    }
    for (const match of text.matchAll(ZERO_WIDTH)) {
      const before = text.slice(Math.max(0, match.index - 4), match.index + 1);
      if (match[0].length < 3 && EMOJI_ZWJ.test(before)) continue;
      if (match[0] === '\uFEFF' && match.index === 0) continue;
      findings.push({ ruleId: 'hidden-unicode', file: file.path, line: lineOf(text, match.index), severity: match[0].length >= 4 ? 'high' : 'medium', confidence: match[0].length >= 4 ? 'high' : 'medium', evidence: `${match[0].length} zero-width character(s) ${visible(match[0])} in: ${text.slice(Math.max(0, match.index - 30), match.index + match[0].length + 30).replace(/[\u200B-\u200D\u2060-\u2064\uFEFF\u00AD\u180E]/g, '·').replace(/\s+/g, ' ').trim()}`, message: 'Zero-width characters hide content inside visible text.' });
    }
  }
  // Keep one finding per file and line.
  const seen = new Set<string>();
  return findings.filter((finding) => {
    const key = `${finding.file}:${finding.line}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
