/**
 * gVisor backend: `runsc run` on an OCI bundle generated per command. The root is an empty folder; only
 * /usr (and the /bin, /lib links into it), a generated /etc, the honeypot HOME and /tmp are mounted.
 * No capabilities, no new privileges, a realistic host name. gVisor's own syscall trace (`--strace`)
 * records what the command did; gVisor's kernel never shares the host's.
 */
import { spawn } from 'node:child_process';
import { existsSync, lstatSync } from 'node:fs';
import { mkdir, readdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { INIT_INTERPRETER, MAX_TRACE_BYTES, classifyStopped, collectOutput, hostToolEnv, readCapped, runTool, sandboxArgv, sandboxEnv, type Sandbox, type SandboxRunResult, type SandboxRunSpec } from './backend.ts';
import { CommandCgroup, GVISOR_CHILD } from './cgroup.ts';
import { SandboxError } from './errors.ts';
import { supervise } from './supervise.ts';
import { TRACED_SYSCALLS, parseGvisorTrace } from './trace.ts';

/** The runsc binary. */
export const RUNSC = 'runsc';

/** Top-level directories that are links into /usr on merged-/usr systems, or real folders to bind. */
const SYSTEM_DIRS = ['/bin', '/sbin', '/lib', '/lib64', '/lib32', '/libx32'];

/**
 * Platform: ptrace works everywhere without /dev/kvm; the KVM platform hangs on nested virtual machines
 * such as CI runners.
 */
const PLATFORM = 'ptrace';

/** Syscalls this runsc build's strace does not know by name (it refuses to start when asked for them). */
const GVISOR_UNKNOWN_SYSCALLS = new Set(['openat2', 'faccessat2']);

/**
 * Starts runsc so it accepts the sinkhole's network namespace. runsc releases from before 2023 decide
 * "this is the root network namespace" by the presence of /proc/sys/net/core/rmem_default, which kernels
 * since 6.x show in every namespace; runsc is therefore started in a private mount namespace whose
 * /proc/sys holds only the two files it reads. The sandbox still joins the namespace named in the spec.
 */
export const JOIN_NETWORK_SCRIPT = [
  'set -e',
  'fake="$1"; shift',
  'mkdir -p "$fake/vm" "$fake/kernel"',
  'cat /proc/sys/vm/mmap_min_addr > "$fake/vm/mmap_min_addr"',
  'cat /proc/sys/kernel/cap_last_cap > "$fake/kernel/cap_last_cap"',
  'mount --bind "$fake" /proc/sys',
  'exec "$@"',
].join('\n');

/** Host threads one gVisor sandbox may use (its kernel and platform stubs, not guest processes). */
const SENTRY_HOST_TASKS = 4096;

/**
 * Addresses and default routes of each sinkhole namespace as first seen, as `ip -batch` lines. runsc with
 * `--network=sandbox` moves the namespace's addresses into its own network stack and leaves the interface
 * bare when the container ends; every later container of the run would find no route. They are put back
 * before each container. Bounded: a long build runs many dry runs, each with its own namespace.
 */
const networkSnapshots = new Map<string, string[]>();
const MAX_NETWORK_SNAPSHOTS = 64;

interface IpAddressJson { ifname: string; addr_info?: { family: string; local: string; prefixlen: number; scope: string }[] }
interface IpRouteJson { dst: string; gateway?: string; dev?: string }

/** Reads the global addresses and default routes of a namespace as `ip -batch` lines that recreate them. */
async function networkSnapshot(netns: string): Promise<string[]> {
  const lines: string[] = [];
  const addresses = await runTool('ip', ['-n', netns, '-j', 'addr', 'show']);
  for (const link of JSON.parse(addresses.stdout || '[]') as IpAddressJson[]) {
    for (const address of link.addr_info ?? []) {
      if (address.scope !== 'global') continue;
      lines.push(`addr replace ${address.local}/${address.prefixlen} dev ${link.ifname}${address.family === 'inet6' ? ' nodad' : ''}`);
    }
  }
  for (const [family, any] of [['-4', 'default'], ['-6', '::/0']] as const) {
    const routes = await runTool('ip', ['-n', netns, family, '-j', 'route', 'show']);
    for (const route of JSON.parse(routes.stdout || '[]') as IpRouteJson[]) {
      if (route.dst === 'default' && route.gateway !== undefined && route.dev !== undefined) lines.push(`route replace ${any} via ${route.gateway} dev ${route.dev}`);
    }
  }
  return lines;
}

/** Gives the namespace back the addresses and routes a previous container took. */
async function restoreNetwork(netns: string, scratchDir: string): Promise<void> {
  let snapshot = networkSnapshots.get(netns);
  if (snapshot === undefined) {
    snapshot = await networkSnapshot(netns);
    if (networkSnapshots.size >= MAX_NETWORK_SNAPSHOTS) networkSnapshots.clear();
    networkSnapshots.set(netns, snapshot);
  }
  if (snapshot.length === 0) return;
  const batch = join(scratchDir, 'network.batch');
  await writeFile(batch, `${snapshot.join('\n')}\n`);
  const result = await runTool('ip', ['-n', netns, '-batch', batch]);
  if (result.code !== 0) throw new SandboxError('SANDBOX_FAILED', `Could not restore the sinkhole network ${netns} for the next command: ${result.stderr.trim()}. Check that iproute2 works here.`);
}

/** The OCI process rlimits for one command. */
function rlimits(spec: SandboxRunSpec) {
  const cpuSeconds = Math.ceil(spec.limits.cpuMs / 1000) + 1;
  return [
    { type: 'RLIMIT_NOFILE', hard: 1024, soft: 1024 },
    { type: 'RLIMIT_NPROC', hard: spec.limits.processes, soft: spec.limits.processes },
    { type: 'RLIMIT_FSIZE', hard: spec.limits.writeBytes, soft: spec.limits.writeBytes },
    { type: 'RLIMIT_CPU', hard: cpuSeconds, soft: cpuSeconds },
  ];
}

/** Builds the OCI `config.json` for one command. */
export function ociConfig(spec: SandboxRunSpec, cgroup: CommandCgroup | undefined): Record<string, unknown> {
  const { layout } = spec;
  const ro = (source: string, destination: string) => ({ destination, type: 'bind', source, options: ['rbind', 'ro', 'nosuid', 'nodev'] });
  const rw = (source: string, destination: string) => ({ destination, type: 'bind', source, options: ['rbind', 'rw', 'nosuid', 'nodev'] });
  const mounts: Record<string, unknown>[] = [
    { destination: '/proc', type: 'proc', source: 'proc' },
    { destination: '/dev', type: 'tmpfs', source: 'tmpfs', options: ['nosuid', 'strictatime', 'mode=755', 'size=65536k'] },
    { destination: '/dev/pts', type: 'devpts', source: 'devpts', options: ['nosuid', 'noexec', 'newinstance', 'ptmxmode=0666', 'mode=0620'] },
    { destination: '/dev/shm', type: 'tmpfs', source: 'shm', options: ['nosuid', 'noexec', 'nodev', 'mode=1777', 'size=65536k'] },
    { destination: '/sys', type: 'sysfs', source: 'sysfs', options: ['nosuid', 'noexec', 'nodev', 'ro'] },
    ro('/usr', '/usr'),
  ];
  for (const dir of SYSTEM_DIRS) {
    if (existsSync(dir) && !lstatSync(dir).isSymbolicLink()) mounts.push(ro(dir, dir));
  }
  mounts.push(ro(layout.etcDir, '/etc'));
  if (existsSync('/etc/alternatives')) mounts.push(ro('/etc/alternatives', '/etc/alternatives'));
  mounts.push(rw(layout.homeDir, layout.home), rw(layout.tmpDir, '/tmp'));
  const namespaces: Record<string, string>[] = [{ type: 'pid' }, { type: 'ipc' }, { type: 'uts' }, { type: 'mount' }];
  namespaces.push(spec.network.kind === 'sinkhole' ? { type: 'network', path: spec.network.netnsPath } : { type: 'network' });
  const linux: Record<string, unknown> = { namespaces };
  if (cgroup !== undefined) {
    // Memory is limited on the parent group (created by the dry run), so its counters outlive runsc.
    linux.cgroupsPath = `${cgroup.relativePath}/${GVISOR_CHILD}`;
    // One core at most, so a burner cannot starve the host while it runs into its limit.
    linux.resources = { cpu: { quota: 100_000, period: 100_000 } };
  }
  return {
    ociVersion: '1.0.2',
    process: {
      terminal: false,
      user: { uid: layout.uid, gid: layout.gid },
      args: sandboxArgv(spec.command),
      env: Object.entries(sandboxEnv(spec.env)).map(([name, value]) => `${name}=${value}`),
      cwd: layout.workDir,
      capabilities: { bounding: [], effective: [], inheritable: [], permitted: [], ambient: [] },
      rlimits: rlimits(spec),
      noNewPrivileges: true,
    },
    root: { path: 'rootfs', readonly: true },
    hostname: layout.hostname,
    mounts,
    linux,
  };
}

/** Creates the empty root with the /bin → usr/bin style links a merged-/usr system has. */
async function makeRootfs(rootfs: string): Promise<void> {
  await mkdir(rootfs, { recursive: true });
  for (const dir of SYSTEM_DIRS) {
    if (existsSync(dir) && lstatSync(dir).isSymbolicLink()) await symlink(`usr${dir}`, join(rootfs, dir.slice(1)));
  }
  for (const dir of ['home', 'tmp', 'etc', 'usr', 'proc', 'dev', 'sys', 'var/tmp', 'run', 'opt', 'srv', 'mnt']) {
    await mkdir(join(rootfs, dir), { recursive: true });
  }
}

/** The gVisor backend. */
export class GvisorSandbox implements Sandbox {
  readonly name = 'gvisor' as const;

  async run(spec: SandboxRunSpec): Promise<SandboxRunResult> {
    const { privateDir } = spec.layout;
    const bundle = join(privateDir, 'bundle');
    const state = join(privateDir, 'state');
    const logDir = join(privateDir, 'log');
    await mkdir(state, { recursive: true, mode: 0o700 });
    await mkdir(logDir, { recursive: true, mode: 0o700 });
    await makeRootfs(join(bundle, 'rootfs'));
    if (spec.network.kind === 'sinkhole') await restoreNetwork(spec.network.netnsName, privateDir);
    const cgroup = spec.cgroups === undefined ? undefined : new CommandCgroup(spec.id, spec.cgroups);
    const useCgroups = cgroup !== undefined;
    // Guest processes are counted by gVisor (RLIMIT_NPROC); the host group only bounds the sandbox's own threads.
    await cgroup?.create({ memoryBytes: spec.limits.memoryBytes, processes: SENTRY_HOST_TASKS }, true);
    await writeFile(join(bundle, 'config.json'), JSON.stringify(ociConfig(spec, cgroup), null, 2));
    const global = [
      `--root=${state}`,
      `--platform=${PLATFORM}`,
      `--network=${spec.network.kind === 'sinkhole' ? 'sandbox' : 'none'}`,
      '--strace',
      `--strace-syscalls=${TRACED_SYSCALLS.filter((name) => !GVISOR_UNKNOWN_SYSCALLS.has(name)).join(',')}`,
      '--strace-log-size=4096',
      `--debug-log=${logDir}/`,
      '--debug-command=boot',
      ...(useCgroups ? [] : ['--ignore-cgroups']),
      ...(process.getuid?.() === 0 ? [] : ['--rootless']),
    ];
    const runArgs = [...global, 'run', `--bundle=${bundle}`, spec.id];
    const child =
      spec.network.kind === 'sinkhole'
        ? spawn('unshare', ['-m', '--propagation', 'private', 'sh', '-c', JOIN_NETWORK_SCRIPT, 'sh', join(privateDir, 'proc-sys'), RUNSC, ...runArgs], { stdio: ['pipe', 'pipe', 'pipe'], env: hostToolEnv() })
        : spawn(RUNSC, runArgs, { stdio: ['pipe', 'pipe', 'pipe'], env: hostToolEnv() });
    const output = collectOutput(child, spec.limits.outputBytes);
    child.stdin?.on('error', () => undefined);
    child.stdin?.end(spec.stdin);
    const kill = async () => {
      await runTool(RUNSC, [`--root=${state}`, 'kill', spec.id, 'KILL']);
      await cgroup?.killAll();
      child.kill('SIGKILL');
    };
    const outcome = await supervise(child, { limits: spec.limits, cgroup, writableDirs: [spec.layout.homeDir, spec.layout.tmpDir], traceDir: logDir, kill });
    await runTool(RUNSC, [`--root=${state}`, 'delete', '--force', spec.id]);
    await cgroup?.remove();
    let log = '';
    for (const name of await readdir(logDir)) {
      if (name.includes('boot')) log += await readCapped(join(logDir, name), MAX_TRACE_BYTES);
    }
    const records = parseGvisorTrace(log, spec.layout.workDir);
    return { ...classifyStopped(outcome, records, spec.command), records, stdout: output.stdout(), stderr: output.stderr() };
  }
}

/** Whether runsc can start a container here (probed once with `/bin/true` in an empty bundle). */
export async function gvisorUsable(scratchDir: string): Promise<boolean> {
  const probe = await runTool(RUNSC, ['--version']);
  if (probe.code !== 0 || !existsSync(INIT_INTERPRETER)) return false;
  const bundle = join(scratchDir, 'bundle');
  await makeRootfs(join(bundle, 'rootfs'));
  const config = {
    ociVersion: '1.0.2',
    process: { user: { uid: 0, gid: 0 }, args: ['/bin/true'], env: ['PATH=/usr/bin:/bin'], cwd: '/', noNewPrivileges: true, capabilities: {} },
    root: { path: 'rootfs', readonly: true },
    hostname: 'probe',
    mounts: [
      { destination: '/proc', type: 'proc', source: 'proc' },
      { destination: '/usr', type: 'bind', source: '/usr', options: ['rbind', 'ro'] },
      ...SYSTEM_DIRS.filter((dir) => existsSync(dir) && !lstatSync(dir).isSymbolicLink()).map((dir) => ({ destination: dir, type: 'bind', source: dir, options: ['rbind', 'ro'] })),
    ],
    linux: { namespaces: [{ type: 'pid' }, { type: 'network' }, { type: 'mount' }] },
  };
  await writeFile(join(bundle, 'config.json'), JSON.stringify(config));
  const id = `probe-${process.pid}-${Date.now()}`;
  const rootless = process.getuid?.() === 0 ? [] : ['--rootless'];
  const result = await runTool(RUNSC, [`--root=${join(scratchDir, 'state')}`, `--platform=${PLATFORM}`, '--network=none', '--ignore-cgroups', ...rootless, 'run', `--bundle=${bundle}`, id], 30_000);
  await runTool(RUNSC, [`--root=${join(scratchDir, 'state')}`, 'delete', '--force', id]);
  return result.code === 0;
}
