/**
 * A covert channel spelled with addresses: a table mapping single characters to web addresses on one host
 * (Markdown rows, JSON or YAML entries, code literals). Emitting one image or link per character of a value
 * sends the value to that host in the order of the requests. A handful of mapped characters is a legend
 * or a key map; most of an alphabet on one host is the channel.
 */
import type { RawFinding } from '../model.ts';
import type { ScanContext } from './types.ts';

/** Bumped when the logic changes, so the rule set digest changes with it; the metadata is in scanner/rules/character-url-channel/rule.yaml. */
export const version = 1;

/** Fewest distinct characters mapped to distinct addresses on one host that make an alphabet. */
const ALPHABET = 20;

/**
 * One character and an address beside it, anywhere in a line: a Markdown row (`| \`A\` | \`https://…\` |`, also after an index
 * cell and as an image `![](https://…)`), a JSON or code entry (`"A": "https://…"`, minified on one line too).
 */
const ENTRY = /(?:\|\s*`?([^\s|`])`?\s*\|\s*(?:`|<|!?\[[^\]\n]{0,40}\]\()?|["']([^"'\s])["']\s*[:=,]\s*["']?)((?:https?|wss?):\/\/([^\s/"'`<>|)]+)\/[^\s"'`<>|)]*)/g;
/** A YAML entry on its own line (`A: https://…`, `- ["A", "https://…"]`). */
const YAML_ENTRY = /^\s*(?:(\S)\s*:\s+["']?|-\s+\[?\s*["'](.)["']\s*,\s*["'])((?:https?|wss?):\/\/([^\s/"'`<>|]+)\/[^\s"'`<>|]*)/;

/**
 * Whether an address names its character (`…/Morse_A.ogg`, `…#key-j`, `/letters/a.png`): a legend of
 * the characters themselves, media for each letter or documentation per key, not an opaque code.
 */
function namesCharacter(character: string, address: string): boolean {
  if (!/[A-Za-z0-9]/.test(character)) return false;
  return new RegExp(`(?<![A-Za-z0-9])${character}(?![A-Za-z0-9])`, 'i').test(address.replace(/^[a-z]+:\/\/[^/]+/i, ''));
}

/** The character-url-channel detector. */
export function detect(context: ScanContext): RawFinding[] {
  const findings: RawFinding[] = [];
  for (const file of context.files) {
    if (file.fileClass !== 'text' || !/:\/\//.test(file.text)) continue;
    const byHost = new Map<string, { characters: Set<string>; addresses: Set<string>; line: number; evidence: string }>();
    const record = (character: string, address: string, host: string, index: number, line: string) => {
      // Addresses that differ only in their fragment are one page; an address that names its character is a legend.
      if (namesCharacter(character, address)) return;
      const table = byHost.get(host.toLowerCase()) ?? { characters: new Set<string>(), addresses: new Set<string>(), line: index + 1, evidence: line.trim() };
      table.characters.add(character);
      table.addresses.add(address.replace(/#.*$/, ''));
      byHost.set(host.toLowerCase(), table);
    };
    for (const [index, line] of file.text.split('\n').entries()) {
      let found = false;
      for (const entry of line.matchAll(ENTRY)) {
        found = true;
        record(entry[1] ?? entry[2]!, entry[3]!, entry[4]!, index, line);
      }
      const yaml = found ? null : YAML_ENTRY.exec(line);
      if (yaml) record(yaml[1] ?? yaml[2]!, yaml[3]!, yaml[4]!, index, line);
    }
    for (const [host, table] of byHost) {
      if (table.characters.size < ALPHABET || table.addresses.size < ALPHABET) continue;
      findings.push({ ruleId: 'character-url-channel', file: file.path, line: table.line, evidence: `${table.evidence.slice(0, 120)} (${table.characters.size} characters, each its own address on ${host})` });
    }
  }
  return findings;
}
