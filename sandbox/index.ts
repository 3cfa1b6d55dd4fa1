/**
 * The dry-run stage: runs what a skill would run inside gVisor (or bubblewrap), in a honeypot HOME behind
 * a network sinkhole, and reports what it did against what it declared.
 */
export { DRYRUN_ENGINE_VERSION, availableSandboxes, dryRunSkill, type DryRunOptions } from './dry-run.ts';
export { SandboxError, type SandboxErrorCode } from './errors.ts';
export { formatDryRunText } from './format.ts';
export { DEFAULT_DRYRUN_LIMITS, type DryRunLimits } from './limits.ts';
export type { Sandbox, SandboxName, SandboxRunResult, SandboxRunSpec } from './backend.ts';
export { createHoneypot, createIdentity, type Honeypot, type HoneypotIdentity } from './honeypot.ts';
export { planCommands, type PlannedCommand } from './plan.ts';
