/**
 * Following the skill past its own files: files a command wrote or downloaded (in the working copy, HOME
 * and /tmp), and text that a SKILL.md command decoded and printed, are scanned by the static scanner as
 * if they had been submitted. What fails there becomes a dry-run violation naming the file, the command
 * and the rule.
 */
import { createHash } from 'node:crypto';
import { constants } from 'node:fs';
import { mkdir, mkdtemp, open, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { scanSkill } from '../scanner/index.ts';
import { urlHosts } from '../scanner/knowledge.ts';
import { AGENT_CONFIG_FILE, PERSISTENCE_FILE } from '../core/index.ts';
import type { Capabilities, DryRunEvent, Finding, ScanReport, Violation } from '../schemas/index.ts';
import type { PlannedCommand } from './plan.ts';

/**
 * Changed files scanned per command. A skill's generated files number a handful; a command that writes
 * thousands (an install) is still seen writing each in the trace, only the scan stops here.
 */
export const MAX_WRITTEN_FILES = 64;

/** Bytes of one written file that are scanned; larger files are data or binaries, not scripts or instructions. */
export const MAX_WRITTEN_FILE_BYTES = 1024 * 1024;

/** Bytes of all written files of one command scanned together (keeps the scan to a second or two). */
export const MAX_WRITTEN_TOTAL_BYTES = 8 * 1024 * 1024;

/** Directory entries walked per area and snapshot, so a tree of a million empty files cannot stall the run. */
const MAX_WALKED_ENTRIES = 20_000;

/**
 * Folders not scanned: dependency trees and tool caches hold third-party code a package manager put
 * there (a venv alone would fill every slot above); writes into them are still events of the trace.
 */
const UNSCANNED_DIRS = new Set(['node_modules', 'site-packages', 'dist-packages', '__pycache__', '.git', '.venv', 'venv']);

/** HOME folders of tool caches (as in the violations' cache list), relative to HOME. */
const UNSCANNED_HOME_DIRS = ['.cache', '.npm', '.yarn', '.pnpm-store', '.local/state', '.bun/install/cache'];

/** Bytes of a decoding command's output scanned as instructions: a SKILL.md is far shorter. */
export const MAX_DECODED_OUTPUT_BYTES = 64 * 1024;

/** Lines of the front matter put above decoded output, so finding lines can be given in the output's own terms. */
const DECODED_FRONT_MATTER = '---\nname: decoded-output\ndescription: Text printed by a SKILL.md command that decodes something.\n---\n\n';

/**
 * A command that decodes something: base64/base32/basenc `-d`, `xxd -r`, `openssl … -d`, Python's
 * b64decode / bytes.fromhex / unhexlify / codecs.decode, Node's Buffer.from(…, 'base64'|'hex') and
 * atob, Perl's decode_base64 / pack('H*'), printf or echo -e of `\x` escapes.
 */
const DECODING_COMMAND =
  /\bbase(?:64|32)\s+(?:-\w*d\b|--decode\b|-D\b)|\bbasenc\b[^|;&]*--decode|\bxxd\b[^|;&]*\s-r|\bopenssl\s+(?:base64|enc)\b[^|;&]*\s-d\b|\b(?:b64|b32|b16|b85|a85|urlsafe_b64)decode\b|\bfromhex\b|\bunhexlify\b|\bcodecs\.decode\b|Buffer\.from\([^)]*['"](?:base64|base64url|hex)['"]|\batob\s*\(|\bdecode_base64\b|\bpack\(\s*['"]H\*|\b(?:printf|echo\s+-e)\s+['"]?(?:[^'"\n]*\\x[0-9a-fA-F]{2}){4}/;

/** Whether a planned command is a SKILL.md instruction that decodes something, or whose output SKILL.md says to act on (its output is then scanned). */
export function isDecodingInstruction(planned: Pick<PlannedCommand, 'command' | 'source' | 'followsOutput'>): boolean {
  return planned.source.startsWith('SKILL.md') && (DECODING_COMMAND.test(planned.command) || planned.followsOutput === true);
}

/** One folder whose files a command may write, and how its paths are shown in reports. */
export interface WatchedArea {
  /** Folder on the host. */
  hostDir: string;
  /** Display prefix of its files: `./`, `~/`, `/tmp/`. */
  display: string;
  /** Host folders inside it that belong to another area (the working copy inside HOME). */
  exclude?: string[];
}

/** What a file looked like before the command ran. */
interface FileState {
  size: number;
  sha256: string;
}

/** The files of every area before a command ran, by host path. */
export type Snapshot = Map<string, FileState>;

/** Regular files under an area, never following links, in path order, bounded. */
async function walkArea(area: WatchedArea): Promise<string[]> {
  const files: string[] = [];
  let walked = 0;
  const visit = async (dir: string): Promise<void> => {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      walked += 1;
      if (walked > MAX_WALKED_ENTRIES) return;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        const skipped = (area.exclude ?? []).includes(path) || UNSCANNED_DIRS.has(entry.name) || (area.display === '~/' && UNSCANNED_HOME_DIRS.includes(path.slice(area.hostDir.length + 1)));
        if (!skipped) await visit(path);
      } else if (entry.isFile()) files.push(path);
    }
  };
  await visit(area.hostDir);
  return files;
}

/** Reads a regular file without following a link, at most `limit` bytes; undefined when it cannot. */
export async function readRegular(path: string, limit: number): Promise<{ bytes: Buffer; size: number } | undefined> {
  let handle;
  try {
    handle = await open(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch {
    return undefined;
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) return undefined;
    const buffer = Buffer.alloc(Math.min(limit, info.size));
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return { bytes: buffer.subarray(0, bytesRead), size: info.size };
  } finally {
    await handle.close();
  }
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** The state of every file in the areas (taken after the copy and the honeypot are in place). */
export async function snapshotAreas(areas: WatchedArea[]): Promise<Snapshot> {
  const snapshot: Snapshot = new Map();
  for (const area of areas) {
    for (const path of await walkArea(area)) {
      // Files too large to be scanned are compared by size alone.
      const read = await readRegular(path, MAX_WRITTEN_FILE_BYTES + 1);
      if (read !== undefined) snapshot.set(path, { size: read.size, sha256: read.size > MAX_WRITTEN_FILE_BYTES ? '' : sha256(read.bytes) });
    }
  }
  return snapshot;
}

/** A file the command created or changed. */
export interface WrittenFile {
  /** How reports show it: `./out/run.sh`, `~/.local/bin/helper`, `/tmp/x.py`. */
  display: string;
  /** Path relative to its area, kept when it is scanned (rules care about `.claude/settings.json`). */
  relative: string;
  /** Area display prefix, which groups files scanned together. */
  area: string;
  /** What to scan: the whole file, or only what was appended to a file that was there before. */
  content: Buffer;
  /** Lines before `content` in the file (an appended part starts after the original lines). */
  lineOffset: number;
  /** `created`, `changed`, or `appended to`. */
  change: 'created' | 'changed' | 'appended to';
}

/** Files created or changed since `before`, bounded in count and bytes, in area then path order. */
export async function writtenFiles(areas: WatchedArea[], before: Snapshot): Promise<WrittenFile[]> {
  const written: WrittenFile[] = [];
  let total = 0;
  for (const area of areas) {
    for (const path of await walkArea(area)) {
      if (written.length >= MAX_WRITTEN_FILES || total >= MAX_WRITTEN_TOTAL_BYTES) return written;
      if (path.endsWith('.pyc')) continue;
      const read = await readRegular(path, MAX_WRITTEN_FILE_BYTES + 1);
      if (read === undefined || read.size > MAX_WRITTEN_FILE_BYTES || read.size === 0) continue;
      const old = before.get(path);
      const hash = sha256(read.bytes);
      if (old !== undefined && old.size === read.size && old.sha256 === hash) continue;
      const relative = path.slice(area.hostDir.length + 1);
      const file: WrittenFile = { display: `${area.display}${relative}`, relative, area: area.display, content: read.bytes, lineOffset: 0, change: old === undefined ? 'created' : 'changed' };
      // An append to a file that was there (a line added to ~/.bashrc): scan only what was added, so the
      // honeypot's own content never counts against the skill.
      if (old !== undefined && old.sha256 !== '' && read.size > old.size && sha256(read.bytes.subarray(0, old.size)) === old.sha256) {
        file.lineOffset = read.bytes.subarray(0, old.size).toString('utf8').split('\n').length - 1;
        file.content = read.bytes.subarray(old.size);
        file.change = 'appended to';
      }
      total += file.content.length;
      written.push(file);
    }
  }
  return written;
}

/**
 * The scanner's threats of high severity or worse in what was written. Capability and coverage findings
 * (an undeclared host, a compiled binary the skill's own build produced) do not count here: what such a
 * file does when it runs is what the dry run itself traces.
 */
function failingFindings(report: ScanReport): Finding[] {
  if (report.verdict !== 'fail') return [];
  return report.findings.filter((finding) => finding.suppressed === undefined && finding.kind === 'threat' && (finding.severity === 'high' || finding.severity === 'critical'));
}

/** Runs the static scanner on files laid out in a fresh temporary folder, then removes it. */
async function scanFiles(files: { relative: string; content: Buffer | string }[], declared: Capabilities): Promise<ScanReport> {
  const dir = await mkdtemp(join(tmpdir(), 'skill-registry-follow-'));
  try {
    for (const file of files) {
      const target = join(dir, file.relative);
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, file.content);
    }
    return await scanSkill(dir, { declared });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** One violation per failing rule and file, first line first. */
function perRule(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return [...findings]
    .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line))
    .filter((finding) => {
      const key = `${finding.file}\0${finding.ruleId}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

/** Files of data: what they hold is read by people or programs, not run. */
const DATA_OUTPUT = /\.(?:json|jsonl|ndjson|ya?ml|csv|tsv|txt|xml|html?|log|md)$/i;
/** Rules about a place the code connects to: in a data file such a place is only a value. */
const DESTINATION_RULES: ReadonlySet<string> = new Set(['raw-ip-endpoint', 'cloud-metadata-access', 'undeclared-capability', 'secret-in-url', 'executable-download-link']);

/** Whether a finding's evidence is text the skill ships: each of its quoted pieces (24 characters or more) is found there, escapes and line folds aside. */
function quotesShipped(evidence: string, shipped: (text: string) => boolean): boolean {
  // A JSON report's key (`"X-ALT-DESC": "…`) and the quotes around its value are the report's own, not what it quotes.
  const pieces = evidence.split(/\s*⏎\s*|…/).map((piece) => piece.trim().replace(/^"[^"\n]{1,80}"\s*:\s*"?/, '').replace(/",?$/, '')).filter((piece) => piece.length >= 24);
  return pieces.length > 0 && pieces.every((piece) => shipped(piece));
}

/** Scans what one command wrote; a file the scanner fails gives `dryrun-written-file-threat`. */
export async function scanWrittenFiles(written: WrittenFile[], command: string, declared: Capabilities, invented: (host: string) => boolean = () => false, shipped: (text: string) => boolean = () => false): Promise<Violation[]> {
  const violations: Violation[] = [];
  for (const area of [...new Set(written.map((file) => file.area))]) {
    const files = written.filter((file) => file.area === area);
    const byRelative = new Map(files.map((file) => [file.relative, file]));
    let report: ScanReport;
    try {
      report = await scanFiles(files, declared);
    } catch (error) {
      // Fail closed: a written file built to break the scanner must not pass as clean.
      const event: DryRunEvent = { kind: 'file-write', target: files[0].display, command, canary: false };
      violations.push({
        ruleId: 'dryrun-written-file-unscanned',
        severity: 'high',
        message: `\`${command}\` wrote ${files.map((file) => file.display).join(', ')}, and the static scanner could not read ${files.length === 1 ? 'it' : 'them'} (${(error as Error).message}). Files a skill writes are audited like its own; ship such files in the skill instead of generating them, or report the scanner error.`,
        event,
      });
      continue;
    }
    for (const finding of perRule(failingFindings(report))) {
      const file = byRelative.get(finding.file);
      if (file === undefined) continue;
      // A data file the skill writes (a JSON of test cases, a CSV report) is read, not run: a destination
      // named in it is a value, not a connection. Agent configuration and start-up files are another matter.
      if (DATA_OUTPUT.test(file.display) && !AGENT_CONFIG_FILE.test(file.display) && !PERSISTENCE_FILE.test(file.display) && DESTINATION_RULES.has(finding.ruleId)) continue;
      // A data file that quotes what the skill ships (a scanner's report citing the line of a sample it read) repeats text
      // the registry audited where it was submitted: the quotation adds nothing to run.
      const dataFile = DATA_OUTPUT.test(file.display) && !AGENT_CONFIG_FILE.test(file.display) && !PERSISTENCE_FILE.test(file.display);
      if (dataFile && quotesShipped(finding.evidence, shipped)) continue;
      // An address the dry run itself filled in for the command (`--url https://example.com/`) and the command wrote into a
      // configuration file is where the user points the tool, not a place the skill chose.
      const hosts = urlHosts(finding.evidence).map((entry) => entry.host.replace(/:\d+$/, ''));
      if (hosts.length > 0 && hosts.every(invented)) continue;
      const line = finding.line === 0 ? '' : ` at line ${finding.line + file.lineOffset}`;
      const event: DryRunEvent = { kind: 'file-write', target: file.display, command, canary: false, rule: finding.ruleId };
      violations.push({
        ruleId: 'dryrun-written-file-threat',
        severity: finding.severity,
        message: `\`${command}\` ${file.change} ${file.display}, and the static scanner fails what it wrote: ${finding.ruleId} (${finding.severity})${line}: ${finding.message} Files a skill writes or downloads are read or run later like its own; ship the file in the skill so it is audited as submitted, or stop writing it. Scanner's fix: ${finding.fix}`,
        event,
      });
    }
  }
  return violations;
}

/**
 * Scans what a decoding SKILL.md command printed as if it were SKILL.md itself: an agent following the
 * instructions reads that text. A fail gives `dryrun-decoded-instructions`.
 */
export async function scanDecodedOutput(planned: Pick<PlannedCommand, 'command' | 'source' | 'followsOutput'>, stdout: string, declared: Capabilities): Promise<Violation[]> {
  if (!isDecodingInstruction(planned)) return [];
  const what = planned.followsOutput === true && !DECODING_COMMAND.test(planned.command) ? 'prints steps SKILL.md tells the agent to carry out' : 'decodes text and prints it';
  const text = Buffer.from(stdout, 'utf8').subarray(0, MAX_DECODED_OUTPUT_BYTES).toString('utf8').trim();
  if (text === '') return [];
  const offset = DECODED_FRONT_MATTER.split('\n').length - 1;
  let report: ScanReport;
  try {
    report = await scanFiles([{ relative: 'SKILL.md', content: `${DECODED_FRONT_MATTER}${text}\n` }], declared);
  } catch (error) {
    const event: DryRunEvent = { kind: 'exec', target: planned.command, command: planned.command, canary: false };
    return [{ ruleId: 'dryrun-decoded-instructions', severity: 'high', message: `\`${planned.command}\` (${planned.source}) ${what}, and the static scanner could not read that text (${(error as Error).message}). Write the instructions in SKILL.md in plain words.`, event }];
  }
  const excerpt = text.length > 300 ? `${text.slice(0, 300)}…` : text;
  return perRule(failingFindings(report))
    .filter((finding) => finding.file === 'SKILL.md' && (finding.line === 0 || finding.line > offset))
    .map((finding) => {
      const line = finding.line === 0 ? '' : ` at line ${finding.line - offset} of the output`;
      const event: DryRunEvent = { kind: 'exec', target: planned.command, command: planned.command, canary: false, rule: finding.ruleId, output: excerpt };
      return {
        ruleId: 'dryrun-decoded-instructions',
        severity: finding.severity,
        message: `\`${planned.command}\` (${planned.source}) ${what}, and read as instructions that text fails the static scan: ${finding.ruleId} (${finding.severity})${line}: ${finding.message} An agent following SKILL.md reads what this command prints; write instructions in plain words in SKILL.md so they are audited as submitted, or remove them.`,
        event,
      };
    });
}

/** Shell start-up files whose changes are judged by what was added. */
export const SHELL_STARTUP_FILE = /^~\/\.(?:bashrc|bash_profile|bash_login|profile|zshrc|zprofile|zshenv|zlogin|kshrc)$|^~\/\.config\/fish\/config\.fish$/;

/** Lines of ordinary shell set-up: aliases, functions, PATH and plain exports, completion, options, tool initialisation. */
const SETUP_LINE = new RegExp(
  [
    String.raw`^\s*(?:#.*)?$`,
    String.raw`^\s*alias\s+(?!(?:sudo|su|doas|passwd|ssh|scp|gpg|git|curl|wget)=)[\w.:-]+=(?:'[^']*'|"[^"]*"|\S+)\s*$`,
    String.raw`^\s*(?:export\s+)?(?!(?:PROMPT_COMMAND|HISTFILE|HISTCONTROL|LD_PRELOAD|LD_LIBRARY_PATH|DYLD_\w+|\w*_PROXY|\w*_BASE_URL|\w*_API_BASE|NODE_OPTIONS|PYTHONSTARTUP|BASH_ENV|ENV|ZDOTDIR)=)[A-Za-z_][A-Za-z0-9_]*=(?:"[^"$\x60]*(?:\$\{?[A-Za-z_]\w*\}?[^"$\x60]*)*"|'[^']*'|[^\s;&|$\x60]*(?:\$\{?[A-Za-z_]\w*\}?[^\s;&|$\x60]*)*)\s*$`,
    String.raw`^\s*eval\s+"\$\(\s*(?:[\w./-]+/)?[\w-]+\s+(?:shellenv|init|hook|env|completion|activate)\b[^)]*\)"\s*$`,
    String.raw`^\s*(?:source|\.)\s+["']?(?:~|\$HOME|\$\{HOME\})/[\w./-]+["']?\s*$`,
    String.raw`^\s*\[\s+-[fsrd]\s+["']?(?:~|\$HOME|\$\{HOME\})/[\w./-]+["']?\s+\]\s*&&\s*(?:source|\.)\s+["']?(?:~|\$HOME|\$\{HOME\})/[\w./-]+["']?\s*$`,
    String.raw`^\s*(?:setopt|unsetopt|shopt\s+-[su]|set\s+-o|bindkey|autoload\s+-U?z?|compinit|complete\s+-\w|fpath\+?=|plugins=\(|zstyle)\b[^;&|$\x60]*$`,
    String.raw`^\s*(?:function\s+)?(?!(?:sudo|su|ssh|git|precmd|preexec|chpwd|command_not_found_handle)\b)[\w-]+\s*\(\)\s*\{[^{}]*\}\s*;?\s*$`,
  ].join('|'),
);

/** Anything that fetches, decodes, runs hidden code or talks to the network, wherever it sits. */
export const UNSAFE_IN_SETUP = /\b(?:curl|wget|nc|ncat|socat|base64|xxd|openssl|python\d?\s+-c|perl\s+-e|ruby\s+-e|node\s+-e|nohup|disown|setsid|crontab|launchctl|osascript|trap)\b|\/dev\/(?:tcp|udp)\/|https?:\/\//;

/**
 * Whether a shell start-up file changed only by ordinary set-up lines (aliases, functions, PATH and
 * plain exports, completion and options, `eval "$(brew shellenv)"`-style tool initialisation, sourcing
 * a file under HOME), with nothing that downloads, decodes, schedules or talks to the network. Lines
 * the file already had are not judged.
 */
export function onlyShellSetupAdded(before: string, after: string): boolean {
  const had = new Set(before.split('\n'));
  const added = after.split('\n').filter((line) => !had.has(line));
  return added.some((line) => line.trim() !== '') && added.every((line) => SETUP_LINE.test(line) && !UNSAFE_IN_SETUP.test(line));
}
