/** Errors the dry run raises on purpose, with a closed set of codes. */
import { SkillRegistryError } from '../core/index.ts';

/** Codes of {@link SandboxError}. */
export type SandboxErrorCode =
  /** Neither gVisor nor bubblewrap is usable on this machine. */
  | 'NO_SANDBOX'
  /** A backend was asked for by name but cannot run here. */
  | 'SANDBOX_UNAVAILABLE'
  /** The sandbox itself failed to start or to clean up (not the skill's command). */
  | 'SANDBOX_FAILED'
  /** The skill folder cannot be dry-run (missing, not a folder, too large to copy). */
  | 'BAD_SKILL_DIR'
  /** Limits given by the caller make no sense. */
  | 'BAD_LIMITS';

/** The dry run cannot run, or its sandbox broke. Tests assert the code, never the wording. */
export class SandboxError extends SkillRegistryError<SandboxErrorCode> {}
