/**
 * Resource control through cgroups, v1 (cpuacct, memory, pids hierarchies) or v2 (the unified hierarchy
 * with the memory and pids controllers): both backends put each command in its own group so CPU time,
 * peak memory and process count are measured for the whole process tree, memory and processes are
 * limited by the kernel, and a hung or runaway command is killed as a unit. When neither can be used,
 * the dry run says the memory limit was not enforced and no skill it ran can be Verified.
 */
import { access, mkdir, readFile, rmdir, writeFile, constants } from 'node:fs/promises';
import { join } from 'node:path';

/** Where cgroup file systems are mounted. */
export const CGROUP_ROOT = '/sys/fs/cgroup';

/** Controllers used under v1, each mounted as its own hierarchy. */
const V1_CONTROLLERS = ['cpuacct', 'memory', 'pids'] as const;

/** Controllers a v2 group needs (cpu is used when present, for accounting only). */
const V2_REQUIRED = ['memory', 'pids'] as const;

/** Parent group of every dry-run group, so leftovers are easy to find. */
export const CGROUP_PARENT = 'skill-registry-dryrun';

/**
 * Name of the child group runsc is given under a command's group. runsc deletes its own group when the
 * sandbox ends, even when the sandbox was killed for memory; the parent, created here, keeps the
 * counters (memory use, failures, CPU time are hierarchical) until they have been read.
 */
export const GVISOR_CHILD = 'sandbox';

/** Which cgroup interface this machine offers for the dry run, and where. */
export type CgroupMode = { version: 1; root: string } | { version: 2; root: string; cpu: boolean };

/** One sample of a group's counters. */
export interface CgroupSample {
  /** CPU time of all processes, ns. */
  cpuNs: number;
  /** Peak memory, bytes. */
  memoryPeakBytes: number;
  /** Times the memory limit was hit. */
  memoryFailures: number;
  /** Times a fork failed at the process limit. */
  pidsFailures: number;
}

async function writable(path: string): Promise<boolean> {
  return access(path, constants.W_OK).then(
    () => true,
    () => false,
  );
}

/**
 * The cgroup interface to use: v1 when its memory, pids and cpuacct hierarchies are writable (root on a
 * v1 or hybrid host), else v2 when a unified hierarchy (at `root`, or `root/unified` on a hybrid host)
 * offers the memory and pids controllers and is writable; undefined when neither (not root, or a
 * container without a delegated group).
 */
export async function cgroupMode(root = CGROUP_ROOT): Promise<CgroupMode | undefined> {
  if ((await Promise.all(V1_CONTROLLERS.map((controller) => writable(join(root, controller))))).every(Boolean)) return { version: 1, root };
  for (const unified of [root, join(root, 'unified')]) {
    const controllers = (await readFile(join(unified, 'cgroup.controllers'), 'utf8').catch(() => '')).split(/\s+/);
    if (V2_REQUIRED.every((name) => controllers.includes(name)) && (await writable(join(unified, 'cgroup.subtree_control')))) {
      return { version: 2, root: unified, cpu: controllers.includes('cpu') };
    }
  }
  return undefined;
}

/** Reads a counter file; a missing file (the group may be gone already) reads as empty. */
async function readCounter(path: string): Promise<string> {
  return readFile(path, 'utf8').catch(() => '');
}

/** A `key value` line of a flat-keyed cgroup file (`memory.events`, `pids.events`, `cpu.stat`). */
function keyed(text: string, key: string): number {
  return Number(new RegExp(`^${key} (\\d+)$`, 'm').exec(text)?.[1] ?? 0);
}

/** A per-command cgroup. */
export class CommandCgroup {
  /** Path relative to the hierarchy root, e.g. `/skill-registry-dryrun/abc123` (runsc's `cgroupsPath` builds on it). */
  readonly relativePath: string;
  readonly mode: CgroupMode;

  constructor(id: string, mode: CgroupMode) {
    this.relativePath = `/${CGROUP_PARENT}/${id}`;
    this.mode = mode;
  }

  /** Directory of the group: in one v1 controller's hierarchy, or the v2 group. */
  dir(controller: (typeof V1_CONTROLLERS)[number]): string {
    return this.mode.version === 1 ? join(this.mode.root, controller, this.relativePath) : join(this.mode.root, this.relativePath);
  }

  /**
   * Creates the group and sets its memory and process limits (bubblewrap; runsc sets the rest from the
   * spec). `forChild`: processes go into a child group (runsc's), so under v2 the controllers are also
   * delegated to children of this group.
   */
  async create(limits: { memoryBytes: number; processes: number }, forChild = false): Promise<void> {
    if (this.mode.version === 1) {
      for (const controller of V1_CONTROLLERS) await mkdir(this.dir(controller), { recursive: true });
      await writeFile(join(this.dir('memory'), 'memory.limit_in_bytes'), String(limits.memoryBytes));
      await writeFile(join(this.dir('memory'), 'memory.memsw.limit_in_bytes'), String(limits.memoryBytes)).catch(() => undefined);
      await writeFile(join(this.dir('pids'), 'pids.max'), String(limits.processes));
      return;
    }
    const controllers = [...V2_REQUIRED, ...(this.mode.cpu ? ['cpu'] : [])].map((name) => `+${name}`).join(' ');
    const parent = join(this.mode.root, CGROUP_PARENT);
    // A v2 controller reaches a group only when every ancestor delegates it (no process may sit in those ancestors).
    await writeFile(join(this.mode.root, 'cgroup.subtree_control'), controllers);
    await mkdir(parent, { recursive: true });
    await writeFile(join(parent, 'cgroup.subtree_control'), controllers);
    const dir = this.dir('memory');
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'memory.max'), String(limits.memoryBytes));
    await writeFile(join(dir, 'memory.swap.max'), '0').catch(() => undefined);
    await writeFile(join(dir, 'pids.max'), String(limits.processes));
    if (forChild) await writeFile(join(dir, 'cgroup.subtree_control'), controllers);
  }

  /** Shell snippet that moves the current shell into the group (run before `exec`ing the sandbox). */
  joinScript(): string {
    const dirs = this.mode.version === 1 ? V1_CONTROLLERS.map((controller) => this.dir(controller)) : [this.dir('memory')];
    return dirs.map((dir) => `echo $$ > ${join(dir, 'cgroup.procs')}`).join(' && ');
  }

  /** Reads the counters; missing files read as zero. */
  async sample(): Promise<CgroupSample> {
    if (this.mode.version === 1) {
      const read = async (controller: (typeof V1_CONTROLLERS)[number], file: string) => (await readCounter(join(this.dir(controller), file))).trim();
      return {
        cpuNs: Number(await read('cpuacct', 'cpuacct.usage')) || 0,
        memoryPeakBytes: Number(await read('memory', 'memory.max_usage_in_bytes')) || 0,
        memoryFailures: Number(await read('memory', 'memory.failcnt')) || 0,
        pidsFailures: keyed(await read('pids', 'pids.events'), 'max'),
      };
    }
    const dir = this.dir('memory');
    const events = await readCounter(join(dir, 'memory.events'));
    // memory.peak exists from Linux 5.19; before it, the current use is the best reading there is.
    const peak = (await readCounter(join(dir, 'memory.peak'))).trim() || (await readCounter(join(dir, 'memory.current'))).trim();
    return {
      cpuNs: keyed(await readCounter(join(dir, 'cpu.stat')), 'usage_usec') * 1000,
      memoryPeakBytes: Number(peak) || 0,
      memoryFailures: keyed(events, 'max') + keyed(events, 'oom_kill'),
      pidsFailures: keyed(await readCounter(join(dir, 'pids.events')), 'max'),
    };
  }

  /** Process ids still in the group or in runsc's child group. */
  async processes(): Promise<number[]> {
    const dir = this.dir('pids');
    const text = (await readCounter(join(dir, 'cgroup.procs'))) + (await readCounter(join(dir, GVISOR_CHILD, 'cgroup.procs')));
    return text.split('\n').filter(Boolean).map(Number);
  }

  /** Kills every process in the group until it is empty (a fork bomb keeps forking while we kill). */
  async killAll(): Promise<void> {
    const dir = this.dir('pids');
    await writeFile(join(dir, 'pids.max'), '1').catch(() => undefined);
    // cgroup v2 (Linux 5.14+) kills a whole subtree in one write.
    if (this.mode.version === 2) await writeFile(join(dir, 'cgroup.kill'), '1').catch(() => undefined);
    for (let round = 0; round < 50; round += 1) {
      const pids = await this.processes();
      if (pids.length === 0) return;
      for (const pid of pids) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // Already gone.
        }
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  /** Removes the group and a `sandbox` child runsc may have left (after every process is gone). */
  async remove(): Promise<void> {
    const dirs = this.mode.version === 1 ? V1_CONTROLLERS.map((controller) => this.dir(controller)) : [this.dir('memory')];
    for (const dir of dirs) {
      await rmdir(join(dir, GVISOR_CHILD)).catch(() => undefined);
      for (let attempt = 0; attempt < 20; attempt += 1) {
        try {
          await rmdir(dir);
          break;
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code === 'ENOENT') break;
          await new Promise((resolve) => setTimeout(resolve, 25));
        }
      }
    }
  }
}
