/**
 * Texts of findings, fixes and reasons use Markdown code spans (`capabilities.network`). A page shows
 * them as code, nothing else of Markdown: the text can quote a skill's own words, so it stays text.
 */
export interface InlinePart {
  text: string;
  code: boolean;
}

/** Splits `text` at its code spans; an unpaired backtick is kept as a character. */
export function inlineParts(text: string): InlinePart[] {
  const parts: InlinePart[] = [];
  let rest = 0;
  for (const match of text.matchAll(/`([^`\n]+)`/g)) {
    if (match.index > rest) parts.push({ text: text.slice(rest, match.index), code: false });
    parts.push({ text: match[1], code: true });
    rest = match.index + match[0].length;
  }
  if (rest < text.length) parts.push({ text: text.slice(rest), code: false });
  return parts;
}
