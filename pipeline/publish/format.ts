/** Text helpers the outputs for other tools share: XML text for the badge and the feed, RFC 3339 times for the feed and OSV. */

/**
 * Characters XML 1.0 cannot hold even escaped: controls other than tab, newline and return, lone
 * surrogates, U+FFFE and U+FFFF. A SKILL.md description may carry them (YAML `"\x01"`); one would make
 * the whole feed unreadable.
 */
const NOT_XML_CHARACTER = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

const XML_ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** `text` as XML character data or an attribute value: escaped, with characters XML cannot hold shown as U+FFFD. */
export function xmlText(text: string): string {
  return text.replace(NOT_XML_CHARACTER, '\uFFFD').replace(/[&<>"']/g, (character) => XML_ENTITIES[character]);
}

/** `value` (any date or time JavaScript reads) as an RFC 3339 UTC time, or undefined when it is not a time. */
export function rfc3339(value: string): string | undefined {
  const time = new Date(value);
  return Number.isNaN(time.getTime()) ? undefined : time.toISOString().replace(/\.000Z$/, 'Z');
}
