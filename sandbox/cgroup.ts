/**
 * Resource accounting through cgroup v1 (cpuacct, memory, pids): both backends put each command in its
 * own group so CPU time, peak memory and process count are measured for the whole process tree, and a
 * hung or runaway command is killed as a unit.
 */
import { access, mkdir, readFile, rmdir, writeFile, constants } from 'node:fs/promises';
import { join } from 'node:path';

/** Mount point of the cgroup v1 hierarchies. */
const CGROUP_ROOT = '/sys/fs/cgroup';

/** Controllers used, each mounted as its own v1 hierarchy. */
const CONTROLLERS = ['cpuacct', 'memory', 'pids'] as const;

/** Parent group of every dry-run group, so leftovers are easy to find. */
export const CGROUP_PARENT = 'skill-registry-dryrun';

/**
 * Name of the child group runsc is given under a command's group. runsc deletes its own group when the
 * sandbox ends, even when the sandbox was killed for memory; the parent, created here, keeps the
 * counters (memory use, failures, CPU time are hierarchical) until they have been read.
 */
export const GVISOR_CHILD = 'sandbox';

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

/** Whether cgroup v1 controllers are writable here (root on a cgroup v1 or hybrid host). */
export async function cgroupsUsable(): Promise<boolean> {
  try {
    for (const controller of CONTROLLERS) await access(join(CGROUP_ROOT, controller), constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** A per-command cgroup in each controller. */
export class CommandCgroup {
  /** Path relative to each controller's root, e.g. `/skill-registry-dryrun/abc123`. */
  readonly relativePath: string;

  constructor(id: string) {
    this.relativePath = `/${CGROUP_PARENT}/${id}`;
  }

  /** Directory of the group in one controller. */
  dir(controller: (typeof CONTROLLERS)[number]): string {
    return join(CGROUP_ROOT, controller, this.relativePath);
  }

  /** Creates the groups and sets memory and process limits (bubblewrap; runsc does this itself from the spec). */
  async create(limits: { memoryBytes: number; processes: number }): Promise<void> {
    for (const controller of CONTROLLERS) await mkdir(this.dir(controller), { recursive: true });
    await writeFile(join(this.dir('memory'), 'memory.limit_in_bytes'), String(limits.memoryBytes));
    await writeFile(join(this.dir('memory'), 'memory.memsw.limit_in_bytes'), String(limits.memoryBytes)).catch(() => undefined);
    await writeFile(join(this.dir('pids'), 'pids.max'), String(limits.processes));
  }

  /** Shell snippet that moves the current shell into every group (run before `exec`ing the sandbox). */
  joinScript(): string {
    return CONTROLLERS.map((controller) => `echo $$ > ${join(this.dir(controller), 'cgroup.procs')}`).join(' && ');
  }

  /** Reads the counters; missing files read as zero (the group may be gone already). */
  async sample(): Promise<CgroupSample> {
    const read = async (controller: (typeof CONTROLLERS)[number], file: string): Promise<string> =>
      readFile(join(this.dir(controller), file), 'utf8').catch(() => '0');
    const pidsEvents = await read('pids', 'pids.events');
    return {
      cpuNs: Number((await read('cpuacct', 'cpuacct.usage')).trim()) || 0,
      memoryPeakBytes: Number((await read('memory', 'memory.max_usage_in_bytes')).trim()) || 0,
      memoryFailures: Number((await read('memory', 'memory.failcnt')).trim()) || 0,
      pidsFailures: Number(/max (\d+)/.exec(pidsEvents)?.[1] ?? 0),
    };
  }

  /** Process ids still in the group. */
  async processes(): Promise<number[]> {
    let text = await readFile(join(this.dir('pids'), 'cgroup.procs'), 'utf8').catch(() => '');
    text += await readFile(join(this.dir('pids'), GVISOR_CHILD, 'cgroup.procs'), 'utf8').catch(() => '');
    return text.split('\n').filter(Boolean).map(Number);
  }

  /** Kills every process in the group until it is empty (a fork bomb keeps forking while we kill). */
  async killAll(): Promise<void> {
    await writeFile(join(this.dir('pids'), 'pids.max'), '1').catch(() => undefined);
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

  /** Removes the groups and a `sandbox` child runsc may have left (after every process is gone). */
  async remove(): Promise<void> {
    for (const controller of CONTROLLERS) {
      await rmdir(join(this.dir(controller), GVISOR_CHILD)).catch(() => undefined);
      for (let attempt = 0; attempt < 20; attempt += 1) {
        try {
          await rmdir(this.dir(controller));
          break;
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code === 'ENOENT') break;
          await new Promise((resolve) => setTimeout(resolve, 25));
        }
      }
    }
  }
}
