/**
 * The one seam between the dry run and a sandbox technology: {@link Sandbox.run} runs one command in a
 * prepared layout (HOME, working directory, /etc, /tmp on the host, mapped into the sandbox) and returns
 * its syscall records and resource outcome. gVisor and bubblewrap implement it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { statSync } from 'node:fs';
import { lstat, open, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { CgroupMode } from './cgroup.ts';
import type { DryRunLimits } from './limits.ts';
import { runnerExitStatus, type SyscallRecord } from './trace.ts';

/** Names of the backends, best first. */
export type SandboxName = 'gvisor' | 'bubblewrap';

/** Network the sandboxed command gets. */
export type SandboxNetwork =
  /** No interface but loopback: every connection fails, and is still seen in the trace. */
  | { kind: 'isolated' }
  /** A network namespace whose only routes lead to the sinkhole. */
  | { kind: 'sinkhole'; netnsName: string; netnsPath: string };

/** Where things are, on the host and inside the sandbox. */
export interface SandboxLayout {
  /** Host folder mounted as HOME (writable). */
  homeDir: string;
  /** Host folder mounted as /tmp (writable). */
  tmpDir: string;
  /** Host folder mounted read-only as /etc (generated: passwd, hosts, resolv.conf, certificates). */
  etcDir: string;
  /** Host folder for the backend's own files (bundle, trace, state); never visible inside. */
  privateDir: string;
  /** HOME inside the sandbox. */
  home: string;
  /** Working directory inside the sandbox (the skill copy). */
  workDir: string;
  /** uid/gid the command runs as inside. */
  uid: number;
  gid: number;
  /** Host name inside. */
  hostname: string;
}

/** One command to run. */
export interface SandboxRunSpec {
  /** Unique id (container id, cgroup name). */
  id: string;
  /** Shell command line, run as `bash -c <command>`. */
  command: string;
  /** Bytes on stdin. */
  stdin: string;
  /** The whole environment of the command. */
  env: Record<string, string>;
  layout: SandboxLayout;
  limits: DryRunLimits;
  network: SandboxNetwork;
  /** The cgroup interface limiting memory and processes; undefined runs without (the memory limit is then not enforced). */
  cgroups: CgroupMode | undefined;
  /** Host uid/gid a backend that drops root runs the command as (bubblewrap, one per dry run); absent when not root. */
  hostId?: number;
}

/**
 * A limit the command hit. `background`: the command itself finished, but processes it left behind were
 * still running when the wall time ran out (they were stopped, and what they would have done later is
 * unseen).
 */
export type LimitName = 'wall-time' | 'background' | 'cpu' | 'memory' | 'processes' | 'write-bytes' | 'trace-size';

/** What happened when a command ran. */
export interface SandboxRunResult {
  /** Exit status of the command; null when it was killed. */
  exitCode: number | null;
  /** Killed because it ran past its wall time or CPU time. */
  timedOut: boolean;
  /** Limits hit, each once. */
  limits: LimitName[];
  /** Trace of the command's processes. */
  records: SyscallRecord[];
  /** Captured output, truncated to the output limit. */
  stdout: string;
  stderr: string;
  /** Wall time, ms. */
  durationMs: number;
  /** CPU time used, ms, when the backend measured it (a cgroup). */
  cpuMs?: number;
}

/** A sandbox technology. */
export interface Sandbox {
  /** Backend name as reported. */
  readonly name: SandboxName;
  /** Runs one command and returns its trace. */
  run(spec: SandboxRunSpec): Promise<SandboxRunResult>;
}

/** The argv of the command itself (run by the init); the trace parsers look for this exact exec. */
export function runnerArgv(command: string): string[] {
  return ['/bin/bash', '-c', command];
}

/** Interpreter of the sandbox's init: perl-base is Essential on Debian and Ubuntu, so every host has it. */
export const INIT_INTERPRETER = '/usr/bin/perl';

/**
 * The sandbox's init, pid 1 of the command's pid namespace. It starts the command and then reaps every
 * process until none is left: orphans (`cmd &`, `nohup`, `setsid`, double-forked daemons) are re-parented
 * to pid 1, so `wait` sees them all, and the sandbox lives until the last one exits or the wall time
 * stops it. It exits with the command's own status. `$0` reads as a machine's init in /proc/1/cmdline;
 * PERL_BADLANG (set only for perl's own start-up, against locale warnings) is removed before the exec.
 */
const INIT_SCRIPT = [
  '$0 = "/sbin/init";',
  'my $main = fork;',
  'if (!defined $main) { print STDERR "init: cannot fork: $!\\n"; exit 126; }',
  'if ($main == 0) { delete $ENV{PERL_BADLANG}; exec { $ARGV[0] } @ARGV; exit 127; }',
  'my $status = 0;',
  'while ((my $pid = wait) > 0) { $status = $? if $pid == $main; }',
  'exit($status & 127 ? 128 + ($status & 127) : $status >> 8);',
].join(' ');

/** The argv every backend executes as the sandbox's pid 1: the init, which runs {@link runnerArgv}. */
export function sandboxArgv(command: string): string[] {
  return [INIT_INTERPRETER, '-e', INIT_SCRIPT, '--', ...runnerArgv(command)];
}

/** The environment the init starts with: the command's, plus what perl's start-up needs. */
export function sandboxEnv(env: Record<string, string>): Record<string, string> {
  return { ...env, PERL_BADLANG: '0' };
}

/**
 * What a stopped sandbox says about the command itself. When a limit (wall time, CPU, bytes written, trace
 * size) stopped the sandbox and the trace shows the command's own process exiting before that, the
 * command finished: its exit status is reported and it is not "timed out"; what its background processes
 * did to hit the limit stays in `limits` (a wall time becomes `background`). Only the trace (written
 * outside the sandbox) decides, so a skill cannot claim to have finished.
 */
export function classifyStopped<T extends { exitCode: number | null; timedOut: boolean; limits: LimitName[] }>(outcome: T, records: SyscallRecord[], command: string): T {
  if (!outcome.limits.some((limit) => STOPPING_LIMITS.has(limit))) return outcome;
  const status = runnerExitStatus(records, runnerArgv(command));
  if (status === undefined) return outcome;
  const limits = [...new Set(outcome.limits.map((limit) => (limit === 'wall-time' ? ('background' as const) : limit)))].sort();
  return { ...outcome, limits, timedOut: false, exitCode: status };
}

/** Limits at which the supervisor stops the whole sandbox (the others are enforced by the kernel or gVisor). */
const STOPPING_LIMITS: ReadonlySet<LimitName> = new Set(['wall-time', 'cpu', 'write-bytes', 'trace-size']);

/**
 * Trace bytes one command may produce. A busy interpreter writes a few MB; a command that floods the
 * tracer with syscalls to bury its behaviour (or to exhaust the host's memory when the trace is read) is
 * stopped here and reported.
 */
export const MAX_TRACE_BYTES = 96 * 1024 * 1024;

/** Interval between resource samples, ms: short enough to stop a fork bomb within a fraction of a second. */
export const SAMPLE_INTERVAL_MS = 200;

/** Total size of regular files under a folder (for the bytes-written limit). */
export async function folderBytes(dir: string, budget = 20_000): Promise<number> {
  let total = 0;
  let seen = 0;
  const walk = async (path: string): Promise<void> => {
    let entries;
    try {
      entries = await readdir(path, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      seen += 1;
      if (seen > budget) return;
      const child = join(path, entry.name);
      if (entry.isDirectory()) await walk(child);
      else if (entry.isFile()) total += await lstat(child).then((stat) => stat.size, () => 0);
    }
  };
  await walk(dir);
  return total;
}

/** Output collected from a child, capped. */
export function collectOutput(child: ChildProcess, limit: number): { stdout: () => string; stderr: () => string } {
  const chunks = { stdout: [] as Buffer[], stderr: [] as Buffer[] };
  const sizes = { stdout: 0, stderr: 0 };
  for (const stream of ['stdout', 'stderr'] as const) {
    child[stream]?.on('data', (chunk: Buffer) => {
      if (sizes[stream] >= limit) return;
      chunks[stream].push(chunk.subarray(0, limit - sizes[stream]));
      sizes[stream] += chunk.length;
    });
  }
  return { stdout: () => Buffer.concat(chunks.stdout).toString('utf8'), stderr: () => Buffer.concat(chunks.stderr).toString('utf8') };
}

/**
 * Where a dry run makes its folders, and the temporary folder its host tools (runsc) are given. Started by
 * root, the sandboxed command runs as another host user, who must be able to pass through every folder above
 * the run's: a private temporary folder (pam_tmpdir's `/tmp/user/0`, a `TMPDIR` of mode 0700) would stop the
 * sandbox at start. Such a folder is passed over for the system's `/tmp`.
 */
export function sandboxScratchBase(): string {
  const preferred = tmpdir();
  return process.getuid?.() !== 0 || passableByOthers(preferred) ? preferred : '/tmp';
}

/** Whether every folder from the root down to `dir` lets other users through (search permission). */
function passableByOthers(dir: string): boolean {
  for (let current = dir; ; current = dirname(current)) {
    const mode = statSync(current, { throwIfNoEntry: false })?.mode;
    if (mode === undefined || (mode & 0o001) === 0) return false;
    if (dirname(current) === current) return true;
  }
}

/** The environment of the backends' host tools: the invoking one, with a temporary folder they can use. */
export function hostToolEnv(): NodeJS.ProcessEnv {
  return { ...process.env, TMPDIR: sandboxScratchBase() };
}

/** Runs a host tool to completion (the backends' own plumbing, never skill code). */
export function runTool(file: string, args: string[], timeoutMs = 15_000): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(file, args, { stdio: ['ignore', 'pipe', 'pipe'], env: hostToolEnv() });
    const output = collectOutput(child, 1024 * 1024);
    // A timer of our own, cleared on every outcome (spawn's `timeout` stays armed when spawning fails).
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      resolve({ code: null, stdout: '', stderr: String(error) });
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout: output.stdout(), stderr: output.stderr() });
    });
  });
}

/** Reads at most `limit` bytes of a file as UTF-8 (traces are bounded before they are parsed). */
export async function readCapped(path: string, limit: number): Promise<string> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(Math.min(limit, (await handle.stat()).size));
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return buffer.subarray(0, bytesRead).toString('utf8');
  } finally {
    await handle.close();
  }
}
