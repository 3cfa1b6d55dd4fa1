/**
 * Syscall traces into records: gVisor's `--strace` debug log and `strace -ff -y` output files both become
 * the same {@link SyscallRecord}s, with paths made absolute (the tracer prints the working directory of
 * every `AT_FDCWD`, and `-y` prints the path behind every descriptor).
 */

/** A socket address seen in `connect`/`sendto`. */
export interface SocketAddress {
  /** `AF_INET`, `AF_INET6` or `AF_UNIX`. */
  family: string;
  /** IP address, or the socket path for AF_UNIX. */
  host: string;
  /** Port (0 for AF_UNIX). */
  port: number;
}

/** One finished system call of a traced process. */
export interface SyscallRecord {
  /** Process id as the tracer printed it (sandbox-local under gVisor). */
  pid: number;
  /** System call name, e.g. `openat`. */
  syscall: string;
  /** Absolute paths the call names (two for rename/link, the target first for symlink). */
  paths: string[];
  /** Open flags or similar symbolic flags, when present. */
  flags: string;
  /** Return value (negative errno under strace; 0 with `errno` set under gVisor). */
  result: number;
  /** Symbolic or numeric error when the call failed. */
  errno: string | undefined;
  /** Arguments of `execve`. */
  argv?: string[];
  /** Address of `connect`/`sendto`. */
  address?: SocketAddress;
  /** Bytes sent by `sendto` (strace only prints them). */
  data?: Buffer;
  /** The socket a `connect` or send call used, as the tracer names it (`socket:[7]`): the same socket in every process. */
  socket?: string;
  /** A `connect` of a datagram (UDP) socket, which only picks a route and sends nothing by itself. */
  datagram?: boolean;
  /** Child pid of a successful clone/fork. */
  childPid?: number;
  /** Status passed to `exit_group`. */
  exitStatus?: number;
  /**
   * What an open really reached, when the tracer says (strace prints the returned descriptor's path, with
   * every link resolved by the kernel); gVisor does not, and the events resolve links themselves.
   */
  opened?: string;
  /** A symlink's target exactly as given (relative targets are relative to the link's folder). */
  linkTarget?: string;
}

/** System calls the tracers are asked to report; everything the events need and nothing more. */
export const TRACED_SYSCALLS = [
  'open', 'openat', 'openat2', 'creat', 'execve', 'execveat', 'unlink', 'unlinkat', 'rmdir', 'rename', 'renameat', 'renameat2',
  'mkdir', 'mkdirat', 'truncate', 'symlink', 'symlinkat', 'link', 'linkat', 'chmod', 'fchmodat', 'socket', 'connect', 'getsockname', 'sendto', 'sendmsg', 'sendmmsg',
  'clone', 'clone3', 'fork', 'vfork', 'chdir', 'fchdir', 'newfstatat', 'stat', 'access', 'faccessat', 'faccessat2', 'exit_group',
] as const;

/** Splits an argument list at top-level commas (outside quotes, brackets and braces). */
export function splitArgs(text: string): string[] {
  const args: string[] = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index];
    if (quoted) {
      if (char === '\\') index += 1;
      else if (char === '"') quoted = false;
      continue;
    }
    if (char === '"') quoted = true;
    else if (char === '[' || char === '{' || char === '(') depth += 1;
    else if (char === ']' || char === '}' || char === ')') depth -= 1;
    else if (char === ',' && depth === 0 && text[index + 1] === ' ') {
      args.push(text.slice(start, index));
      start = index + 2;
      index += 1;
    }
  }
  if (start < text.length) args.push(text.slice(start));
  return args;
}

/** Decodes a C (strace) or Go (gVisor) quoted string starting at `text[0] === '"'`; returns the bytes. */
export function unquote(text: string): Buffer {
  const bytes: number[] = [];
  for (let index = 1; index < text.length; index += 1) {
    const char = text[index];
    if (char === '"') break;
    if (char !== '\\') {
      for (const byte of Buffer.from(char, 'utf8')) bytes.push(byte);
      continue;
    }
    index += 1;
    const next = text[index];
    const simple: Record<string, number> = { n: 10, t: 9, r: 13, v: 11, f: 12, a: 7, b: 8, '\\': 92, '"': 34, "'": 39, '0': 0 };
    if (next === 'x') {
      bytes.push(parseInt(text.slice(index + 1, index + 3), 16));
      index += 2;
    } else if (/[0-7]/.test(next) && /[0-7]{3}/.test(text.slice(index, index + 3))) {
      bytes.push(parseInt(text.slice(index, index + 3), 8));
      index += 2;
    } else if (next === 'u') {
      for (const byte of Buffer.from(String.fromCodePoint(parseInt(text.slice(index + 1, index + 5), 16)), 'utf8')) bytes.push(byte);
      index += 4;
    } else if (next in simple) {
      bytes.push(simple[next]);
    } else {
      bytes.push(92, next.charCodeAt(0));
    }
  }
  return Buffer.from(bytes);
}

/** Parses a list of quoted strings `["a", "b"]`. */
function parseStringList(text: string): string[] {
  const inner = text.slice(text.indexOf('[') + 1, text.lastIndexOf(']'));
  return splitArgs(inner)
    .map((item) => item.trim())
    .filter((item) => item.startsWith('"'))
    .map((item) => unquote(item).toString('utf8'));
}

/** `path` made absolute against `base`, with `.` and `..` folded (lexically, as the tracers print them). */
export function resolvePath(path: string, base: string): string {
  if (path === '') return base;
  const joined = path.startsWith('/') ? path : `${base.replace(/\/$/, '')}/${path}`;
  const parts: string[] = [];
  for (const part of joined.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return `/${parts.join('/')}`;
}

/** Positions of path arguments and of the directory descriptors they are relative to. */
const PATH_ARGS: Record<string, [path: number, dirfd: number | undefined][]> = {
  open: [[0, undefined]], creat: [[0, undefined]], openat: [[1, 0]], openat2: [[1, 0]],
  execve: [[0, undefined]], execveat: [[1, 0]],
  unlink: [[0, undefined]], unlinkat: [[1, 0]], rmdir: [[0, undefined]],
  rename: [[0, undefined], [1, undefined]], renameat: [[1, 0], [3, 2]], renameat2: [[1, 0], [3, 2]],
  mkdir: [[0, undefined]], mkdirat: [[1, 0]], truncate: [[0, undefined]],
  symlink: [[0, undefined], [1, undefined]], symlinkat: [[0, undefined], [2, 1]],
  link: [[0, undefined], [1, undefined]], linkat: [[1, 0], [3, 2]],
  chmod: [[0, undefined]], fchmodat: [[1, 0]], chdir: [[0, undefined]],
  newfstatat: [[1, 0]], stat: [[0, undefined]], access: [[0, undefined]], faccessat: [[1, 0]], faccessat2: [[1, 0]],
};

/** Which argument of a link call is the link's target, kept as given rather than as a path to open. */
const LINK_TARGET_ARG: Record<string, number> = { symlink: 0, symlinkat: 0 };

/** Calls that return a new descriptor for the path they name. */
const OPENS = new Set(['open', 'openat', 'openat2', 'creat']);

/** Index of the flags argument, where one matters. */
const FLAG_ARG: Record<string, number> = { open: 1, openat: 2, openat2: 2, creat: -1 };

/** Tracks each process's working directory, inherited on fork, and the paths its open descriptors name. */
class ProcessPaths {
  readonly #cwd = new Map<number, string>();
  readonly #descriptors = new Map<number, Map<number, string>>();
  readonly #initial: string;
  constructor(initial: string) {
    this.#initial = initial;
  }
  get(pid: number): string {
    return this.#cwd.get(pid) ?? this.#initial;
  }
  set(pid: number, cwd: string): void {
    this.#cwd.set(pid, cwd);
  }
  fork(parent: number, child: number): void {
    if (!this.#cwd.has(child)) this.#cwd.set(child, this.get(parent));
    const inherited = this.#descriptors.get(parent);
    if (inherited !== undefined && !this.#descriptors.has(child)) this.#descriptors.set(child, new Map(inherited));
  }
  /**
   * Adds one path argument to a record: a symlink's target as given, any other path made absolute with
   * its `/proc` and `/dev/fd` aliases replaced, before `..` is folded (`/proc/self/cwd/..` climbs from
   * the working directory) and again after.
   */
  addPath(record: SyscallRecord, pathIndex: number, path: string, dir: string): void {
    if (LINK_TARGET_ARG[record.syscall] === pathIndex) {
      record.linkTarget = path;
      record.paths.push(resolvePath(path, dir));
    } else {
      record.paths.push(this.unalias(record.pid, resolvePath(this.unalias(record.pid, path), dir)));
    }
  }

  /** Remembers what a successful open's descriptor names (the kernel's resolved path when the tracer gave it). */
  noteOpened(record: SyscallRecord): void {
    const path = record.opened ?? record.paths[0];
    if (!OPENS.has(record.syscall) || record.errno !== undefined || record.result < 0 || path === undefined) return;
    let table = this.#descriptors.get(record.pid);
    if (table === undefined) this.#descriptors.set(record.pid, (table = new Map()));
    table.set(record.result, path);
  }
  descriptor(pid: number, descriptor: number): string | undefined {
    return this.#descriptors.get(pid)?.get(descriptor);
  }

  /**
   * The path a `/proc` or `/dev/fd` alias stands for: `/proc/self/root/home/u/.ssh/id_rsa` is
   * `/home/u/.ssh/id_rsa`, `/proc/self/cwd/x` is `<cwd>/x`, `/dev/fd/3` is what descriptor 3 opened.
   * Another process's entries are taken as this one's (in the sandbox they are the same files).
   */
  unalias(pid: number, path: string): string {
    const proc = /^\/proc\/(?:self|thread-self|\d+)(?:\/task\/\d+)?\/(root|cwd|fd\/(\d+))(\/.*)?$/.exec(path) ?? /^\/dev\/(fd\/(\d+)|std(?:in|out|err))(\/.*)?$/.exec(path);
    if (proc === null) return path;
    const [, what, descriptor, rest = ''] = proc;
    const base = what === 'root' ? '' : what === 'cwd' ? this.get(pid) : descriptor !== undefined ? this.descriptor(pid, Number(descriptor)) : undefined;
    if (base === undefined) return path;
    return `${base}${rest}` || '/';
  }
}

/** Linux errno numbers as strace names them, for gVisor's numeric `errno=N`. */
const ERRNO_NAMES: Record<number, string> = {
  1: 'EPERM', 2: 'ENOENT', 4: 'EINTR', 9: 'EBADF', 11: 'EAGAIN', 12: 'ENOMEM', 13: 'EACCES', 16: 'EBUSY', 17: 'EEXIST', 18: 'EXDEV',
  20: 'ENOTDIR', 21: 'EISDIR', 22: 'EINVAL', 24: 'EMFILE', 27: 'EFBIG', 28: 'ENOSPC', 30: 'EROFS', 36: 'ENAMETOOLONG', 38: 'ENOSYS',
  39: 'ENOTEMPTY', 40: 'ELOOP', 97: 'EAFNOSUPPORT', 101: 'ENETUNREACH', 110: 'ETIMEDOUT', 111: 'ECONNREFUSED', 113: 'EHOSTUNREACH', 115: 'EINPROGRESS',
};

/** A sockaddr as gVisor prints it: `{Family: AF_INET, Addr: 1.2.3.4, Port: 443}`. */
function gvisorAddress(text: string): SocketAddress | undefined {
  const match = /\{Family: (AF_\w+), Addr: "?([^,"]*)"?(?:, Port: (\d+))?\}/.exec(text);
  return match ? { family: match[1], host: match[2], port: Number(match[3] ?? 0) } : undefined;
}

/** A sockaddr as strace prints it. */
function straceAddress(text: string): SocketAddress | undefined {
  const family = /sa_family=(AF_\w+)/.exec(text)?.[1];
  if (family === undefined) return undefined;
  const port = Number(/sin6?_port=htons\((\d+)\)/.exec(text)?.[1] ?? 0);
  const host = /inet_addr\("([^"]+)"\)/.exec(text)?.[1] ?? /inet_pton\(AF_INET6, "([^"]+)"/.exec(text)?.[1] ?? /sun_path=@?"([^"]*)"/.exec(text)?.[1] ?? '';
  return { family, host, port };
}

/** Calls that send on a socket. */
export const SENDS: ReadonlySet<string> = new Set(['sendto', 'sendmsg', 'sendmmsg']);

/** The socket named by a descriptor argument: `0x3 socket:[1]` (gVisor) or `3<socket:[25659099]>` (strace -y). */
function socketOf(arg: string): string | undefined {
  return /socket:\[\d+\]/.exec(arg)?.[0];
}

/** Marks each `connect` of a socket made as SOCK_DGRAM, once every socket's type is known. */
function markDatagrams(records: SyscallRecord[], datagrams: Set<string>): void {
  for (const record of records) {
    if (record.syscall === 'connect' && record.socket !== undefined && datagrams.has(record.socket)) record.datagram = true;
  }
}

/** Pid of the sandbox's init inside gVisor: the container's first process. */
const GVISOR_INIT_PID = 1;

/**
 * Parses gVisor's debug log (`--strace`): exit lines such as
 * `I… strace.go:608] [   2:   2] python3 X openat(AT_FDCWD /w, 0xa5f170 x, O_WRONLY|O_CREAT, 0o666) = 4 (0x4) (31µs)`.
 */
export function parseGvisorTrace(log: string, initialCwd: string): SyscallRecord[] {
  const records: SyscallRecord[] = [];
  const cwd = new ProcessPaths(initialCwd);
  // gVisor prints a socket's name on the calls that use it but only the descriptor from `socket()`:
  // the process's descriptor → whether the socket it made there is a datagram one, then the name → the same.
  const datagramFds = new Map<string, boolean>();
  const datagrams = new Set<string>();
  const line = /\] \[\s*(\d+):\s*(\d+)\] (.+?) X (\w+)\((.*)\) = (-?\d+) \(0x[0-9a-f]+\)(?: errno=(\d+) \(([^)]*)\))? \([^()]*\)$/;
  for (const text of log.split('\n')) {
    if (!text.includes(' X ') || !text.includes('strace.go')) continue;
    const match = line.exec(text);
    if (match === null) continue;
    const [, groupText, tidText, , syscall, argText, resultText, errnoNumber, errnoText] = match;
    // Thread group 1 is the sandbox's init (see sandboxArgv), never the skill.
    if (Number(groupText) === GVISOR_INIT_PID) continue;
    const pid = Number(tidText);
    const args = splitArgs(argText);
    const result = Number(resultText);
    const errno = errnoNumber === undefined ? undefined : (ERRNO_NAMES[Number(errnoNumber)] ?? `E${errnoNumber}${errnoText === undefined ? '' : ''}`);
    const record: SyscallRecord = { pid, syscall, paths: [], flags: '', result, errno };
    // `AT_FDCWD /cwd` and `0x3 /dir` carry the directory; learn the working directory from them.
    const dirOf = (index: number | undefined): string => {
      if (index === undefined) return cwd.get(pid);
      const arg = args[index] ?? '';
      const space = arg.indexOf(' ');
      const dir = space < 0 ? '' : arg.slice(space + 1);
      if (arg.startsWith('AT_FDCWD') && dir.startsWith('/')) cwd.set(pid, dir);
      return dir.startsWith('/') ? dir : cwd.get(pid);
    };
    for (const [pathIndex, dirIndex] of PATH_ARGS[syscall] ?? []) {
      const arg = args[pathIndex] ?? '';
      const space = arg.indexOf(' ');
      const path = space < 0 ? '' : arg.slice(space + 1);
      if (path === '' && syscall !== 'newfstatat') continue;
      cwd.addPath(record, pathIndex, path, dirOf(dirIndex));
    }
    cwd.noteOpened(record);
    const flagIndex = FLAG_ARG[syscall];
    if (flagIndex !== undefined) record.flags = flagIndex < 0 ? 'O_CREAT|O_WRONLY|O_TRUNC' : (args[flagIndex] ?? '');
    if (syscall === 'unlinkat') record.flags = args[2] ?? '';
    if (syscall === 'execve' || syscall === 'execveat') record.argv = parseStringList(args[syscall === 'execve' ? 1 : 2] ?? '');
    if (syscall === 'connect') record.address = gvisorAddress(args[1] ?? '');
    if (syscall === 'sendto') record.address = gvisorAddress(args[4] ?? '');
    if (syscall === 'socket' && errno === undefined && result >= 0) datagramFds.set(`${groupText}:${result}`, /\bSOCK_DGRAM\b/.test(args[1] ?? ''));
    if (syscall === 'connect' || syscall === 'getsockname' || SENDS.has(syscall)) {
      record.socket = socketOf(args[0] ?? '');
      const descriptor = Number.parseInt(args[0] ?? '', 16);
      if (record.socket !== undefined && datagramFds.get(`${groupText}:${descriptor}`) === true) datagrams.add(record.socket);
    }
    if (syscall === 'chdir' && errno === undefined && record.paths[0] !== undefined) cwd.set(pid, record.paths[0]);
    if (syscall === 'exit_group') record.exitStatus = Number(args[0]) & 0xff;
    if (['clone', 'clone3', 'fork', 'vfork'].includes(syscall) && errno === undefined && result > 0) {
      record.childPid = result;
      cwd.fork(pid, result);
    }
    records.push(record);
  }
  markDatagrams(records, datagrams);
  return records;
}

/** One strace output file (`-ff` writes one per process) with its pid. */
export interface StraceFile {
  /** Process id from the file name. */
  pid: number;
  /** File contents. */
  text: string;
}

/**
 * Parses `strace -ff -y -x -tt` output, keeping only the sandboxed command: the process that executed
 * `runnerArgv` (after the sandbox set itself up) and every process it started. The sandbox's init
 * (the process that executed `initArgv`) is the sandbox's own, like bwrap's set-up.
 */
export function parseStraceFiles(files: StraceFile[], runnerArgv: string[], initialCwd = '/', initArgv?: string[]): SyscallRecord[] {
  const perPid = new Map<number, SyscallRecord[]>();
  const datagrams = new Set<string>();
  const line = /^(?:\d\d:\d\d:\d\d\.\d+ )?(\w+)\((.*)\)\s+= (-?\d+|\?)(?:<((?:[^>\\]|\\.)*)>)?(?: (E[A-Z0-9]+) \([^)]*\))?/;
  for (const file of files) {
    const records: SyscallRecord[] = [];
    const cwd = new ProcessPaths(initialCwd);
    for (const text of file.text.split('\n')) {
      const match = line.exec(text);
      if (match === null) continue;
      const [, syscall, argText, resultText, openedText, errno] = match;
      const args = splitArgs(argText);
      const result = resultText === '?' ? 0 : Number(resultText);
      const record: SyscallRecord = { pid: file.pid, syscall, paths: [], flags: '', result, errno };
      const dirOf = (index: number | undefined): string => {
        if (index === undefined) return cwd.get(file.pid);
        const arg = args[index] ?? '';
        const described = /<(\/[^>]*)>$/.exec(arg)?.[1];
        if (arg.startsWith('AT_FDCWD') && described !== undefined) cwd.set(file.pid, described);
        return described ?? cwd.get(file.pid);
      };
      for (const [pathIndex, dirIndex] of PATH_ARGS[syscall] ?? []) {
        const arg = (args[pathIndex] ?? '').trim();
        if (!arg.startsWith('"')) continue;
        const path = unquote(arg).toString('utf8');
        if (path === '' && syscall === 'newfstatat') continue;
        cwd.addPath(record, pathIndex, path, dirOf(dirIndex));
      }
      // `-y` prints the path the kernel reached for a returned descriptor, every link followed.
      if (OPENS.has(syscall) && errno === undefined && result >= 0 && openedText?.startsWith('/')) record.opened = unquote(`"${openedText}"`).toString('utf8');
      cwd.noteOpened(record);
      const flagIndex = FLAG_ARG[syscall];
      if (flagIndex !== undefined) record.flags = flagIndex < 0 ? 'O_CREAT|O_WRONLY|O_TRUNC' : (args[flagIndex] ?? '');
      if (syscall === 'unlinkat') record.flags = args[2] ?? '';
      if (syscall === 'execve' || syscall === 'execveat') record.argv = parseStringList(args[syscall === 'execve' ? 1 : 2] ?? '');
      if (syscall === 'connect') record.address = straceAddress(args[1] ?? '');
      if (syscall === 'socket' && openedText !== undefined && /\bSOCK_DGRAM\b/.test(args[1] ?? '')) datagrams.add(openedText);
      if (syscall === 'connect' || syscall === 'getsockname' || SENDS.has(syscall)) record.socket = socketOf(args[0] ?? '');
      if (syscall === 'sendto') {
        record.address = straceAddress(args[4] ?? '');
        const buffer = (args[1] ?? '').trim();
        if (buffer.startsWith('"')) record.data = unquote(buffer);
      }
      if (syscall === 'chdir' && errno === undefined && record.paths[0] !== undefined) cwd.set(file.pid, record.paths[0]);
      if (syscall === 'fchdir' && errno === undefined) {
        const described = /<(\/[^>]*)>$/.exec(args[0] ?? '')?.[1];
        if (described !== undefined) cwd.set(file.pid, described);
      }
      if (['clone', 'clone3', 'fork', 'vfork'].includes(syscall) && errno === undefined && result > 0) record.childPid = result;
      if (syscall === 'exit_group') record.exitStatus = Number(args[0]) & 0xff;
      records.push(record);
    }
    perPid.set(file.pid, records);
  }
  for (const records of perPid.values()) markDatagrams(records, datagrams);
  // strace sees pids of the sandbox's pid namespace in clone results but names files by host pid, so
  // the command's processes are found by elimination: everything except bwrap's own set-up processes
  // (they exec prlimit/bwrap/ip, or build the new root), and the runner's file from its exec on.
  const kept: SyscallRecord[] = [];
  const runnerKey = JSON.stringify(runnerArgv);
  const initKey = initArgv === undefined ? undefined : JSON.stringify(initArgv);
  let runnerFound = false;
  for (const [, records] of [...perPid].sort(([a], [b]) => a - b)) {
    const runnerIndex = records.findIndex((record) => record.syscall === 'execve' && record.errno === undefined && JSON.stringify(record.argv) === runnerKey);
    if (runnerIndex >= 0) {
      runnerFound = true;
      kept.push(...records.slice(runnerIndex));
      continue;
    }
    const setup = records.some(
      (record) =>
        (record.syscall === 'execve' && /\/(prlimit|bwrap|ip|strace|unshare|setpriv)$/.test(record.paths[0] ?? '')) ||
        (initKey !== undefined && record.syscall === 'execve' && record.errno === undefined && JSON.stringify(record.argv) === initKey) ||
        record.paths.some((path) => /^\/(newroot|oldroot)(\/|$)/.test(path) || /^\/tmp\/(newroot|oldroot)$/.test(path)),
    );
    if (!setup) kept.push(...records);
  }
  return runnerFound ? kept : [];
}

/**
 * Exit status of the command's own process (the one that executed `runnerArgv`), when the trace shows it
 * calling `exit_group`; undefined while it still ran, or when a signal ended it.
 */
export function runnerExitStatus(records: SyscallRecord[], runnerArgv: string[]): number | undefined {
  const runnerKey = JSON.stringify(runnerArgv);
  const runner = records.find((record) => record.syscall === 'execve' && record.errno === undefined && JSON.stringify(record.argv) === runnerKey);
  if (runner === undefined) return undefined;
  return records.find((record) => record.pid === runner.pid && record.syscall === 'exit_group')?.exitStatus;
}
