/** Resource limits of the dry run: each value bounds one command, except `skillWallMs`. */
import { SandboxError } from './errors.ts';

/** Limits applied to every command of a dry run (and the wall-time budget of the whole skill). */
export interface DryRunLimits {
  /** Wall time of one command, ms. */
  commandWallMs: number;
  /** Wall time of all commands of one skill together, ms; commands left over are recorded as not run. */
  skillWallMs: number;
  /** CPU time of one command (all its processes), ms. */
  cpuMs: number;
  /** Memory of one command's sandbox, bytes. */
  memoryBytes: number;
  /** Processes (and threads) one command may have at once. */
  processes: number;
  /** Bytes one command may write into its HOME and working directory together. */
  writeBytes: number;
  /** Captured stdout/stderr per command, bytes (the rest is dropped, the trace is what counts). */
  outputBytes: number;
  /** Commands run per skill at most (a SKILL.md full of code blocks must not run for an hour). */
  maxCommands: number;
}

/**
 * Defaults. A skill's install or help path finishes in seconds on a laptop; 20 s of wall time leaves room
 * for a slow 2-core CI runner under gVisor's ptrace platform while keeping a hung skill cheap.
 */
export const DEFAULT_DRYRUN_LIMITS: DryRunLimits = {
  // Interpreter start-up under ptrace costs ~0.3 s; real work in a dry run is small.
  commandWallMs: 20_000,
  // 40 commands × a few seconds each, still far under a CI job's budget.
  skillWallMs: 180_000,
  // A formatter or a help screen needs well under 10 s of CPU; a miner hits this quickly.
  cpuMs: 10_000,
  // Enough for node or python with a few libraries; a memory bomb is stopped long before the host notices.
  memoryBytes: 768 * 1024 * 1024,
  // Shell pipelines and node's worker threads stay under 64; a fork bomb reaches it in milliseconds.
  processes: 64,
  // Generated files and caches of a dry run are kilobytes; 64 MiB stops a disk filler early.
  writeBytes: 64 * 1024 * 1024,
  // Enough to read an error; stdout is not evidence, the trace is.
  outputBytes: 64 * 1024,
  // SKILL.md blocks, scripts ×2 (no args, --help), lifecycle scripts and hooks of a big skill.
  maxCommands: 40,
};

/** Merges overrides into the defaults, refusing values that cannot work. */
export function resolveLimits(overrides: Partial<DryRunLimits> | undefined): DryRunLimits {
  const limits = { ...DEFAULT_DRYRUN_LIMITS, ...overrides };
  for (const [name, value] of Object.entries(limits)) {
    if (!Number.isFinite(value) || value <= 0) {
      throw new SandboxError('BAD_LIMITS', `Dry-run limit ${name} is ${value}. Give a positive number (default ${DEFAULT_DRYRUN_LIMITS[name as keyof DryRunLimits]}).`);
    }
  }
  return limits;
}
