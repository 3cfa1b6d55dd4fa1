/**
 * Syscall records into dry-run events: start-up noise dropped, paths shown as `~/…`, `./…` or absolute,
 * duplicates merged and everything sorted, so two runs of the same skill give the same transcript.
 */
import { credentialKindOf } from '../core/index.ts';
import type { DryRunEvent } from '../schemas/index.ts';
import { displayPathOf, type Honeypot } from './honeypot.ts';
import { SENDS, resolvePath, type SyscallRecord } from './trace.ts';

/** Paths whose reads are interpreter and libc start-up, never evidence. */
const NOISE_PREFIXES = ['/usr/', '/lib/', '/lib64/', '/bin/', '/sbin/', '/proc/', '/sys/', '/dev/', '/etc/', '/tmp/', '/run/', '/var/tmp/'];

/** Scratch space every program uses: `/tmp` and the shared memory of `/dev/shm` (Python's multiprocessing semaphores). */
export const SCRATCH = /^\/(?:tmp|dev\/shm)\//;

/** Paths whose reads are noise even though they are under HOME or the working directory. */
const NOISE_PARTS = ['/__pycache__/', '/node_modules/.cache/'];

/** Directories a shell searches for commands; lookups there tell which tools a command wanted. */
export const PATH_DIRS = ['/usr/local/sbin', '/usr/local/bin', '/usr/sbin', '/usr/bin', '/sbin', '/bin'];

/** Where the command ran, to map paths for people. */
export interface EventContext {
  /** HOME inside the sandbox. */
  home: string;
  /** Working directory inside the sandbox (the skill copy). */
  workDir: string;
  /** The planted honeypot. */
  honeypot: Honeypot;
  /** The dry-run command these records belong to. */
  command: string;
  /** The runner exec itself (`bash -c <command>`), not reported. */
  runnerArgv: string[];
  /** Address of the sinkhole's resolver, whose port-53 traffic is DNS, not a connection. */
  dnsServer: string | undefined;
}

/** `~/…` under HOME, `./…` under the working directory, else the absolute path. */
export function displayPath(path: string, context: Pick<EventContext, 'home' | 'workDir'>): string {
  if (path === context.workDir) return '.';
  if (path.startsWith(`${context.workDir}/`)) return `./${path.slice(context.workDir.length + 1)}`;
  if (path === context.home) return '~';
  if (path.startsWith(`${context.home}/`)) return `~/${path.slice(context.home.length + 1)}`;
  return path;
}

/** A path of a credential kind (core/sensitive.json) outside the skill's own copy. */
function isCredentialPath(path: string, context: Pick<EventContext, 'home' | 'workDir'>): boolean {
  const shown = displayPath(path, context);
  return !(shown === '.' || shown.startsWith('./')) && credentialKindOf(shown) !== undefined;
}

function isNoise(path: string): boolean {
  return NOISE_PREFIXES.some((prefix) => path.startsWith(prefix) || `${path}/` === prefix) || NOISE_PARTS.some((part) => path.includes(part)) || path.endsWith('.pyc');
}

const WRITE_FLAGS = /O_WRONLY|O_RDWR|O_CREAT|O_TRUNC|O_APPEND/;

/** Error numbers that mean "it tried and was refused" rather than "nothing there". */
const REFUSED = /^(EACCES|EPERM|EROFS|EBUSY|ENOTEMPTY|EISDIR)$/;

/** Decodes the question name of a DNS query packet, or undefined when the bytes are not one. */
export function dnsQuestion(data: Buffer): string | undefined {
  if (data.length < 17) return undefined;
  const flags = data.readUInt16BE(2);
  if ((flags & 0x8000) !== 0 || data.readUInt16BE(4) !== 1) return undefined;
  const labels: string[] = [];
  let offset = 12;
  while (offset < data.length) {
    const length = data[offset];
    if (length === 0) return labels.length > 0 ? labels.join('.').toLowerCase() : undefined;
    if (length > 63 || offset + 1 + length > data.length) return undefined;
    labels.push(data.subarray(offset + 1, offset + 1 + length).toString('latin1'));
    offset += 1 + length;
  }
  return undefined;
}

function containsCanary(text: string, honeypot: Honeypot): boolean {
  return honeypot.canaries.some((canary) => text.includes(canary));
}

/** Hops followed through links before giving up (the kernel's own limit on symlink hops is 40). */
const MAX_LINK_HOPS = 40;

/**
 * Paths the command made into other names for existing files: a symlink points at its target, a hard
 * link and a renamed file stand for the file they came from. Built from the whole trace first, since a
 * child process may make the link that its parent then opens (and tracer output is per process).
 */
function linkTable(records: SyscallRecord[]): Map<string, string> {
  const links = new Map<string, string>();
  for (const record of records) {
    if (record.errno !== undefined || record.result < 0) continue;
    const [from, to] = record.paths;
    if (from === undefined || to === undefined) continue;
    if (record.syscall === 'symlink' || record.syscall === 'symlinkat') {
      // A relative target is relative to the folder the link is in.
      links.set(to, resolvePath(record.linkTarget ?? from, to.slice(0, to.lastIndexOf('/')) || '/'));
    } else if (['link', 'linkat', 'rename', 'renameat', 'renameat2'].includes(record.syscall)) {
      links.set(to, from);
    }
  }
  return links;
}

/** The path with its longest prefix that is a link replaced by what the link stands for, if any. */
function throughLink(path: string, links: Map<string, string>): string | undefined {
  for (let prefix = path; prefix.length > 1; prefix = prefix.slice(0, prefix.lastIndexOf('/')) || '/') {
    const target = links.get(prefix);
    if (target !== undefined) return resolvePath(`${target}${path.slice(prefix.length)}`, '/');
    if (!prefix.includes('/', 1)) break;
  }
  return undefined;
}

/**
 * Other names of what an open reached: the kernel's resolved path when the tracer gives one, and every
 * hop through the command's own links.
 */
function aliasesOf(path: string, record: SyscallRecord, links: Map<string, string>): string[] {
  const chain = [path];
  if (record.opened !== undefined && record.opened !== path) chain.push(record.opened);
  for (let current = path, hops = 0; hops < MAX_LINK_HOPS; hops += 1) {
    const next = throughLink(current, links);
    if (next === undefined || chain.includes(next)) break;
    chain.push(next);
    current = next;
  }
  return chain.slice(1);
}

/** Turns one command's records into events. */
export function recordsToEvents(records: SyscallRecord[], context: EventContext): DryRunEvent[] {
  const events: DryRunEvent[] = [];
  const honeypotFiles = new Map(context.honeypot.files.map((file) => [displayPathOf(file), file]));
  // The program each process runs (its last successful exec; a child starts with its parent's): who made a file call.
  const programOf = new Map<number, string>();
  const fileEvent = (kind: 'file-read' | 'file-write' | 'file-delete', path: string, refused: boolean, missing = false, via?: string, pid?: number) => {
    const target = displayPath(path, context);
    const planted = honeypotFiles.get(target);
    const event: DryRunEvent = { kind, target, command: context.command, canary: planted?.canary === true };
    if (refused) event.refused = true;
    if (missing) event.missing = true;
    if (via !== undefined) event.via = via;
    const program = pid === undefined ? undefined : programOf.get(pid);
    if (kind === 'file-read' && program !== undefined) event.program = program;
    events.push(event);
  };
  // Command name → PATH folders it was looked up in, and whether any lookup found it.
  const lookups = new Map<string, { dirs: Set<string>; found: boolean }>();
  const lookup = (name: string, dir: string, found: boolean) => {
    const entry = lookups.get(name) ?? { dirs: new Set<string>(), found: false };
    entry.dirs.add(dir);
    entry.found ||= found;
    lookups.set(name, entry);
  };
  const openEvent = (path: string, writing: boolean, record: SyscallRecord, via: string | undefined) => {
    const failed = record.errno !== undefined || record.result < 0;
    const refused = failed && REFUSED.test(record.errno ?? '');
    if (writing) {
      // Attempts count even when they fail: a crontab write into a missing spool folder is still persistence.
      if (isNoise(path) && !path.startsWith('/etc/') && !path.startsWith('/usr/') && !path.startsWith('/lib')) return;
      if (path.startsWith('/dev/') || SCRATCH.test(path) || path.startsWith('/proc/') || path.endsWith('.pyc')) return;
      fileEvent('file-write', path, failed, false, via);
    } else if (isCredentialPath(path, context)) {
      // A credential file is evidence wherever it is and whether or not it exists (a probe of
      // ~/.kube/config or a browser store fails here, and shows what the skill looks for).
      fileEvent('file-read', path, refused, record.errno === 'ENOENT' || record.errno === 'ENOTDIR', via, record.pid);
    } else if (!failed && !isNoise(path)) {
      fileEvent('file-read', path, false, false, via);
    }
  };
  const links = linkTable(records);
  // A connected datagram socket that was asked its own address (`getsockname`) and that nothing was seen sent on only picked
  // a route: how a program learns its own address. One never asked was connected to send, with write() perhaps, which is not traced.
  const sentOn = new Set(records.filter((record) => SENDS.has(record.syscall)).map((record) => record.socket));
  const named = new Set(records.filter((record) => record.syscall === 'getsockname').map((record) => record.socket));
  let runnerSeen = false;
  for (const record of records) {
    const failed = record.errno !== undefined || record.result < 0;
    const refused = failed && REFUSED.test(record.errno ?? '');
    if (record.childPid !== undefined && programOf.has(record.pid)) programOf.set(record.childPid, programOf.get(record.pid)!);
    switch (record.syscall) {
      case 'open':
      case 'openat':
      case 'openat2':
      case 'creat': {
        const path = record.paths[0];
        if (path === undefined) break;
        const writing = WRITE_FLAGS.test(record.flags);
        if (!writing && /O_DIRECTORY/.test(record.flags)) break;
        openEvent(path, writing, record, undefined);
        // What the path reached through links the command made (or a path the kernel reports): a read of
        // `./.x` that is `~/.aws/credentials` is a credential read, a write through a link to `~/.bashrc` is persistence.
        for (const alias of aliasesOf(path, record, links)) {
          // Inside the skill's copy only the planted project secrets matter; elsewhere every alias does.
          const inCopy = alias === context.workDir || alias.startsWith(`${context.workDir}/`);
          if (!inCopy || honeypotFiles.has(displayPath(alias, context))) openEvent(alias, writing, record, displayPath(path, context));
        }
        break;
      }
      case 'unlink':
      case 'unlinkat':
      case 'rmdir': {
        const path = record.paths[0];
        if (path === undefined || (failed && !refused) || SCRATCH.test(path) || path.includes('/__pycache__/')) break;
        fileEvent('file-delete', path, refused);
        break;
      }
      case 'rename':
      case 'renameat':
      case 'renameat2': {
        const [from, to] = record.paths;
        if (from === undefined || to === undefined || (failed && !refused)) break;
        if (!SCRATCH.test(from) && !from.includes('/__pycache__/')) fileEvent('file-delete', from, refused);
        if (!SCRATCH.test(to) && !to.includes('/__pycache__/')) fileEvent('file-write', to, refused);
        break;
      }
      case 'mkdir':
      case 'mkdirat':
      case 'truncate':
      case 'symlink':
      case 'symlinkat':
      case 'link':
      case 'linkat': {
        const path = record.paths[record.paths.length - 1];
        if (path === undefined || (failed && !refused) || isNoise(path) || path.includes('/__pycache__')) break;
        if (record.errno === 'EEXIST') break;
        fileEvent('file-write', path, refused);
        break;
      }
      case 'execve':
      case 'execveat': {
        const path = record.paths[0];
        if (path === undefined) break;
        const argv = record.argv ?? [];
        if (!runnerSeen && JSON.stringify(argv) === JSON.stringify(context.runnerArgv)) {
          runnerSeen = true;
          break;
        }
        const name = path.split('/').pop() ?? path;
        if (failed) {
          lookup(name, path.slice(0, path.lastIndexOf('/')), false);
          break;
        }
        lookup(name, path.slice(0, path.lastIndexOf('/')), true);
        programOf.set(record.pid, name);
        events.push({ kind: 'exec', target: displayPath(path, context), command: context.command, canary: containsCanary(argv.join(' '), context.honeypot), argv });
        break;
      }
      case 'newfstatat':
      case 'stat':
      case 'access':
      case 'faccessat':
      case 'faccessat2': {
        const path = record.paths[0];
        if (path === undefined) break;
        const slash = path.lastIndexOf('/');
        if (!PATH_DIRS.includes(path.slice(0, slash))) break;
        lookup(path.slice(slash + 1), path.slice(0, slash), record.errno === undefined && record.result >= 0);
        break;
      }
      case 'connect':
      case 'sendto': {
        const address = record.address;
        if (address === undefined) break;
        if (address.family === 'AF_UNIX' || address.family === 'AF_NETLINK') break;
        if (address.family !== 'AF_INET' && address.family !== 'AF_INET6') break;
        const question = record.data !== undefined ? dnsQuestion(record.data) : undefined;
        if (question !== undefined) {
          events.push({ kind: 'dns', target: question, command: context.command, canary: containsCanary(question, context.honeypot) });
          break;
        }
        if (address.port === 53 && (address.host === context.dnsServer || address.host.startsWith('127.'))) break;
        if (record.syscall === 'sendto') break;
        const host = address.family === 'AF_INET6' ? `[${address.host}]` : address.host;
        const unsent = record.datagram === true && !sentOn.has(record.socket) && named.has(record.socket);
        events.push({ kind: 'connect', target: `${host}:${address.port}`, command: context.command, canary: false, source: 'trace', ...(unsent ? { unsent } : {}) });
        break;
      }
      default:
        break;
    }
  }
  // A shell searching PATH tries several folders; one probe of one folder is an interpreter looking for a file.
  for (const [name, { dirs, found }] of lookups) {
    if (!found && dirs.size >= 2 && /^[\w.+-]+$/.test(name)) events.push({ kind: 'exec', target: name, command: context.command, canary: false, found: false });
  }
  // DNS queries inside sendmmsg/sendmsg are not decoded by the parsers; the sinkhole records those.
  return events;
}

const KIND_ORDER = ['exec', 'file-read', 'file-write', 'file-delete', 'dns', 'connect', 'http', 'limit'];

/** Merges duplicates (same kind, target, command and details) and sorts by command order, kind, target. */
export function normalizeEvents(events: DryRunEvent[], commandOrder: string[]): DryRunEvent[] {
  const byKey = new Map<string, DryRunEvent>();
  for (const event of events) {
    const { canary: _canary, refused: _refused, missing: _missing, ...identity } = event as DryRunEvent & { refused?: boolean; missing?: boolean };
    const key = JSON.stringify(Object.entries(identity).sort());
    const existing = byKey.get(key);
    if (existing === undefined) byKey.set(key, { ...event });
    else {
      existing.canary = existing.canary || event.canary;
      if ((existing as { refused?: boolean }).refused === true && (event as { refused?: boolean }).refused !== true) delete (existing as { refused?: boolean }).refused;
      // Read once, missing once (a file created in between): it was read.
      if ((existing as { missing?: boolean }).missing === true && (event as { missing?: boolean }).missing !== true) delete (existing as { missing?: boolean }).missing;
    }
  }
  const rank = (event: DryRunEvent) => commandOrder.indexOf(event.command);
  return [...byKey.values()].sort(
    (a, b) =>
      rank(a) - rank(b) ||
      KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) ||
      (a.target < b.target ? -1 : a.target > b.target ? 1 : 0) ||
      (JSON.stringify(a) < JSON.stringify(b) ? -1 : JSON.stringify(a) > JSON.stringify(b) ? 1 : 0),
  );
}
