/**
 * bubblewrap backend: `bwrap --unshare-all` with an empty root, read-only /usr, a generated /etc, the
 * honeypot HOME and /tmp; `strace -ff` runs outside the sandbox (the command cannot see or stop it) and
 * records every process. The command runs in its own cgroup (when the host allows) with prlimit limits.
 */
import { randomInt } from 'node:crypto';
import { spawn } from 'node:child_process';
import { existsSync, lstatSync } from 'node:fs';
import { mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { INIT_INTERPRETER, MAX_TRACE_BYTES, classifyStopped, collectOutput, readCapped, runTool, runnerArgv, sandboxArgv, sandboxEnv, type Sandbox, type SandboxRunResult, type SandboxRunSpec } from './backend.ts';
import { CommandCgroup } from './cgroup.ts';
import { supervise } from './supervise.ts';
import { TRACED_SYSCALLS, parseStraceFiles, type StraceFile } from './trace.ts';

/** First of the host ids dry runs under bubblewrap run as when the dry run itself runs as root. */
const BUBBLEWRAP_HOST_ID_BASE = 200_000;

/** How many ids the range holds: two runs at once pick the same one about once in a million. */
const BUBBLEWRAP_HOST_ID_SPAN = 1 << 20;

/**
 * Host uid/gid one dry run's bubblewrap sandboxes run as when the dry run runs as root: an otherwise
 * unused id, so the sandboxed command is an unprivileged nobody on the host even outside its user
 * namespace, and files it creates are owned by that id, never by root. One id per dry run, drawn at
 * random: the process limit without cgroups (RLIMIT_NPROC) counts every process of an id on the
 * machine, so runs sharing one id would count each other's processes.
 */
export function bubblewrapHostId(): number {
  return BUBBLEWRAP_HOST_ID_BASE + randomInt(BUBBLEWRAP_HOST_ID_SPAN);
}

/** Bytes of each buffer strace prints: a DNS query or the start of a request fits. */
const STRACE_STRING_BYTES = 4096;

/** The bwrap argument list for one command. */
export function bwrapArgs(spec: SandboxRunSpec): string[] {
  const { layout } = spec;
  // --as-pid-1: our init (sandboxArgv) is pid 1 itself, so no bwrap process (with its argument list) is
  // visible inside, and every orphan of the command is re-parented to the init, which waits for it.
  const args = ['--unshare-all', '--as-pid-1', '--die-with-parent', '--new-session', '--clearenv'];
  if (spec.network.kind === 'sinkhole') args.push('--share-net');
  args.push('--uid', String(layout.uid), '--gid', String(layout.gid), '--hostname', layout.hostname);
  args.push('--ro-bind', '/usr', '/usr');
  for (const dir of ['/bin', '/sbin', '/lib', '/lib64', '/lib32', '/libx32']) {
    if (!existsSync(dir)) continue;
    if (lstatSync(dir).isSymbolicLink()) args.push('--symlink', `usr${dir}`, dir);
    else args.push('--ro-bind', dir, dir);
  }
  args.push('--ro-bind', layout.etcDir, '/etc');
  if (existsSync('/etc/alternatives')) args.push('--ro-bind', '/etc/alternatives', '/etc/alternatives');
  args.push('--proc', '/proc', '--dev', '/dev', '--dir', '/var/tmp', '--dir', '/run');
  args.push('--bind', layout.tmpDir, '/tmp', '--bind', layout.homeDir, layout.home, '--chdir', layout.workDir);
  for (const [name, value] of Object.entries(sandboxEnv(spec.env))) args.push('--setenv', name, value);
  return [...args, ...sandboxArgv(spec.command)];
}

/** The bubblewrap backend. */
export class BubblewrapSandbox implements Sandbox {
  readonly name = 'bubblewrap' as const;

  async run(spec: SandboxRunSpec): Promise<SandboxRunResult> {
    const traceDir = join(spec.layout.privateDir, 'trace');
    await mkdir(traceDir, { recursive: true, mode: 0o700 });
    const cgroup = spec.cgroups === undefined ? undefined : new CommandCgroup(spec.id, spec.cgroups);
    const useCgroups = cgroup !== undefined;
    await cgroup?.create({ memoryBytes: spec.limits.memoryBytes, processes: spec.limits.processes });
    const cpuSeconds = Math.ceil(spec.limits.cpuMs / 1000) + 1;
    const prlimit = ['prlimit', `--fsize=${spec.limits.writeBytes}`, `--cpu=${cpuSeconds}`, `--nofile=1024`, ...(useCgroups ? [] : [`--nproc=${spec.limits.processes}`, `--as=${spec.limits.memoryBytes * 4}`]), '--'];
    const netns = spec.network.kind === 'sinkhole' ? ['ip', 'netns', 'exec', spec.network.netnsName] : [];
    const strace = ['strace', '-ff', '-qq', '-tt', '-y', '-x', '-s', String(STRACE_STRING_BYTES), '-e', `trace=${TRACED_SYSCALLS.join(',')}`, '-o', join(traceDir, 'tr'), '--'];
    const hostId = spec.hostId ?? bubblewrapHostId();
    const dropRoot = process.getuid?.() === 0 ? ['setpriv', `--reuid=${hostId}`, `--regid=${hostId}`, '--clear-groups', '--inh-caps=-all', '--bounding-set=-all', '--'] : [];
    const argv = [...strace, ...netns, ...prlimit, ...dropRoot, 'bwrap', ...bwrapArgs(spec)];
    const quoted = argv.map((word) => `'${word.replace(/'/g, `'\\''`)}'`).join(' ');
    const script = cgroup !== undefined ? `${cgroup.joinScript()} && exec ${quoted}` : `exec ${quoted}`;
    const child = spawn('/bin/sh', ['-c', script], { stdio: ['pipe', 'pipe', 'pipe'], detached: true });
    const output = collectOutput(child, spec.limits.outputBytes);
    child.stdin?.on('error', () => undefined);
    child.stdin?.end(spec.stdin);
    const kill = async () => {
      await cgroup?.killAll();
      try {
        process.kill(-(child.pid ?? 0), 'SIGKILL');
      } catch {
        // Gone already.
      }
    };
    const outcome = await supervise(child, { limits: spec.limits, cgroup, writableDirs: [spec.layout.homeDir, spec.layout.tmpDir], traceDir: traceDir, kill });
    await cgroup?.killAll();
    await cgroup?.remove();
    const files: StraceFile[] = [];
    for (const name of await readdir(traceDir)) {
      const pid = Number(/^tr\.(\d+)$/.exec(name)?.[1]);
      if (Number.isInteger(pid)) files.push({ pid, text: await readCapped(join(traceDir, name), MAX_TRACE_BYTES) });
    }
    const records = parseStraceFiles(files, runnerArgv(spec.command), spec.layout.workDir, sandboxArgv(spec.command));
    return { ...classifyStopped(outcome, records, spec.command), records, stdout: output.stdout(), stderr: output.stderr() };
  }
}

/** Whether bwrap (with strace beside it) can start a sandbox here. */
export async function bubblewrapUsable(): Promise<boolean> {
  const strace = await runTool('strace', ['-V']);
  if (strace.code !== 0 || !existsSync(INIT_INTERPRETER)) return false;
  const system: string[] = [];
  for (const dir of ['/bin', '/sbin', '/lib', '/lib64', '/lib32', '/libx32']) {
    if (!existsSync(dir)) continue;
    if (lstatSync(dir).isSymbolicLink()) system.push('--symlink', `usr${dir}`, dir);
    else system.push('--ro-bind', dir, dir);
  }
  const probe = await runTool('bwrap', ['--unshare-all', '--as-pid-1', '--die-with-parent', '--ro-bind', '/usr', '/usr', ...system, '/usr/bin/true']);
  return probe.code === 0;
}
