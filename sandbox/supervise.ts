/**
 * Watches one sandboxed command from the host: samples its cgroup and the bytes it wrote, and kills it
 * when it passes its wall time, CPU time or write budget. Memory and process limits are enforced by the
 * kernel (or gVisor) and only read back here.
 */
import type { ChildProcess } from 'node:child_process';
import { MAX_TRACE_BYTES, SAMPLE_INTERVAL_MS, folderBytes, type LimitName } from './backend.ts';
import type { CommandCgroup, CgroupSample } from './cgroup.ts';
import type { DryRunLimits } from './limits.ts';

/** Outcome of a supervised run. */
export interface Supervised {
  exitCode: number | null;
  timedOut: boolean;
  limits: LimitName[];
  durationMs: number;
  /** CPU time the command's processes used, ms, when a cgroup measured it. */
  cpuMs?: number;
}

/** Waits for `child`, enforcing limits; `kill` stops the whole sandbox. */
export async function supervise(
  child: ChildProcess,
  options: { limits: DryRunLimits; cgroup: CommandCgroup | undefined; writableDirs: string[]; traceDir: string; kill: () => Promise<void> },
): Promise<Supervised> {
  const started = Date.now();
  const hit = new Set<LimitName>();
  let timedOut = false;
  let killing: Promise<void> | undefined;
  let last: CgroupSample | undefined;
  const stop = (limit: LimitName) => {
    hit.add(limit);
    if (limit === 'wall-time' || limit === 'cpu') timedOut = true;
    killing ??= options.kill();
  };
  const exit = new Promise<number | null>((resolve) => {
    child.on('close', (code, signal) => resolve(code ?? (signal ? null : null)));
    child.on('error', () => resolve(null));
  });
  let finished = false;
  void exit.then(() => {
    finished = true;
  });
  const wallTimer = setTimeout(() => stop('wall-time'), options.limits.commandWallMs);
  while (!finished) {
    await Promise.race([exit, new Promise((resolve) => setTimeout(resolve, SAMPLE_INTERVAL_MS))]);
    if (finished) break;
    if (options.cgroup !== undefined) {
      last = await options.cgroup.sample();
      if (last.cpuNs / 1e6 > options.limits.cpuMs) stop('cpu');
      if (last.pidsFailures > 0) hit.add('processes');
      if (last.memoryFailures > 0) hit.add('memory');
    }
    let written = 0;
    for (const dir of options.writableDirs) written += await folderBytes(dir);
    if (written >= options.limits.writeBytes) stop('write-bytes');
    if ((await folderBytes(options.traceDir)) > MAX_TRACE_BYTES) stop('trace-size');
  }
  clearTimeout(wallTimer);
  const exitCode = await exit;
  let cpuMs: number | undefined;
  if (options.cgroup !== undefined) {
    const sample = await options.cgroup.sample();
    if (sample.memoryFailures > 0 || sample.memoryPeakBytes >= options.limits.memoryBytes * 0.98) hit.add('memory');
    if (sample.pidsFailures > 0) hit.add('processes');
    if (sample.cpuNs / 1e6 > options.limits.cpuMs) hit.add('cpu');
    cpuMs = Math.round(sample.cpuNs / 1e6);
  }
  // 128 + SIGXFSZ: a process was stopped at RLIMIT_FSIZE, the per-file share of the write budget.
  if (exitCode === 128 + 25) hit.add('write-bytes');
  if (killing !== undefined) await killing;
  return { exitCode: hit.has('wall-time') || hit.has('cpu') || hit.has('write-bytes') || hit.has('trace-size') ? null : exitCode, timedOut, limits: [...hit].sort(), durationMs: Date.now() - started, ...(cpuMs === undefined ? {} : { cpuMs }) };
}
