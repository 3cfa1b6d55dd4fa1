/**
 * An archive the skill ships whose entries name paths outside the folder it is unpacked into (`../../.config/autostart/x.desktop`,
 * `/etc/cron.d/x`) or links that point there: unpacking it with a tool or a program that trusts entry names writes files
 * wherever the archive says (the "zip slip"). Only the entry names are read (tar, gzip-compressed tar and zip); nothing is
 * extracted or run.
 */
import { gunzipSync } from 'node:zlib';
import { AGENT_CONFIG_FILE, PERSISTENCE_FILE } from '../../core/sensitive.ts';
import type { RawFinding } from '../model.ts';
import type { ScanContext } from './types.ts';

/** Bumped when the logic changes, so the rule set digest changes with it; the metadata is in scanner/rules/archive-path-escape/rule.yaml. */
export const version = 1;

/** The most a gzip stream is inflated to for its entry names: an archive larger than this is read up to it. */
const MAX_INFLATED = 64 * 1024 * 1024;

/** An entry of an archive: its name, and where it links to when it is a link. */
interface Entry {
  name: string;
  link?: string;
}

/** A NUL-terminated field of a tar header. */
function field(header: Buffer, start: number, length: number): string {
  const raw = header.subarray(start, start + length);
  const end = raw.indexOf(0);
  return raw.subarray(0, end < 0 ? raw.length : end).toString('utf8');
}

/** The `path` and `linkpath` records of a PAX extended header (`"<length> <key>=<value>\n"` records). */
function paxRecords(body: Buffer): { path?: string; linkpath?: string } {
  const out: { path?: string; linkpath?: string } = {};
  for (const record of body.toString('utf8').split('\n')) {
    const match = /^\d+ (path|linkpath)=(.*)$/.exec(record);
    if (match) out[match[1] as 'path' | 'linkpath'] = match[2];
  }
  return out;
}

/** The entries of a tar archive (ustar, with GNU long names and links and PAX extended headers). */
function tarEntries(bytes: Buffer): Entry[] {
  const out: Entry[] = [];
  // The names the next entry takes from the headers before it: GNU long names and links, a PAX header's `path` and `linkpath`.
  let longName: string | undefined;
  let longLink: string | undefined;
  let paxPath: string | undefined;
  let paxLink: string | undefined;
  for (let offset = 0; offset + 512 <= bytes.length; ) {
    const header = bytes.subarray(offset, offset + 512);
    if (header.every((byte) => byte === 0)) break;
    const size = Number.parseInt(field(header, 124, 12).trim() || '0', 8);
    if (!Number.isFinite(size) || size < 0) break;
    const type = String.fromCharCode(header[156]!);
    const body = bytes.subarray(offset + 512, offset + 512 + size);
    if (type === 'L') longName = field(body, 0, body.length);
    else if (type === 'K') longLink = field(body, 0, body.length);
    else if (type === 'x') ({ path: paxPath, linkpath: paxLink } = paxRecords(body));
    else if (type !== 'g') {
      const prefix = field(header, 345, 155);
      const name = paxPath ?? longName ?? (prefix ? `${prefix}/${field(header, 0, 100)}` : field(header, 0, 100));
      out.push(type === '1' || type === '2' ? { name, link: paxLink ?? longLink ?? field(header, 157, 100) } : { name });
      [longName, longLink, paxPath, paxLink] = [undefined, undefined, undefined, undefined];
    }
    offset += 512 + Math.ceil(size / 512) * 512;
  }
  return out;
}

/** The entry names of a zip archive, from its central directory. */
function zipEntries(bytes: Buffer): Entry[] {
  const out: Entry[] = [];
  for (let offset = bytes.indexOf('PK\x01\x02', 0, 'latin1'); offset >= 0 && offset + 46 <= bytes.length; offset = bytes.indexOf('PK\x01\x02', offset + 46, 'latin1')) {
    const length = bytes.readUInt16LE(offset + 28);
    out.push({ name: bytes.subarray(offset + 46, offset + 46 + length).toString('utf8') });
  }
  return out;
}

/** The entries of a shipped archive that names its entries in a form read here, else none. */
function entriesOf(bytes: Buffer): Entry[] {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return zipEntries(bytes);
  let tar = bytes;
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      tar = gunzipSync(bytes, { maxOutputLength: MAX_INFLATED });
    } catch {
      return [];
    }
  }
  return tar.length >= 512 && tar.subarray(257, 262).toString('latin1') === 'ustar' ? tarEntries(tar) : [];
}

/** A path that leaves the folder it is resolved in: absolute, a drive, or climbing out with `..`. */
function escapes(path: string): boolean {
  if (/^(?:\/|[A-Za-z]:[\\/]|\\\\|~)/.test(path)) return true;
  let depth = 0;
  for (const part of path.split(/[\\/]+/)) {
    if (part === '..') depth -= 1;
    else if (part !== '' && part !== '.') depth += 1;
    if (depth < 0) return true;
  }
  return false;
}

/** The archive-path-escape detector. */
export function detect(context: ScanContext): RawFinding[] {
  const findings: RawFinding[] = [];
  for (const file of context.files) {
    if (file.fileClass !== 'archive') continue;
    const entries = entriesOf(file.bytes);
    // A link is resolved from the folder of its entry.
    const escaping = entries.filter((entry) => escapes(entry.name) || (entry.link !== undefined && escapes(`${entry.name.replace(/[^/]*$/, '')}${entry.link}`)));
    if (escaping.length === 0) continue;
    const target = (entry: Entry) => (entry.link === undefined ? entry.name : `${entry.name} → ${entry.link}`);
    const planted = escaping.find((entry) => PERSISTENCE_FILE.test(target(entry)) || AGENT_CONFIG_FILE.test(target(entry)));
    const shown = planted ?? escaping[0]!;
    findings.push({
      ruleId: 'archive-path-escape',
      file: file.path,
      line: 0,
      evidence: `${escaping.length} of ${entries.length} entries leave the folder, e.g. ${target(shown)}`,
      ...(planted ? { severity: 'critical' as const, message: 'Ships an archive whose entries climb out of the folder it is unpacked into and land where code runs again later or where the agent reads its configuration (autostart, shell start-up, schedulers, agent settings).' } : {}),
    });
  }
  return findings;
}
