/** Errors of reading a registry and installing from it. */
import { SkillRegistryError } from '../core/index.ts';

/** Codes of {@link RegistryError}. */
export type RegistryErrorCode =
  /** The registry cannot be reached or read. */
  | 'UNREACHABLE'
  /** The registry URL is plain http:// to another machine. */
  | 'INSECURE_URL'
  /** The registry has no such file (a 404, or a missing file in a site folder). */
  | 'NOT_FOUND'
  /** A file the registry served does not match its schema or is not JSON. */
  | 'INVALID'
  /** A file the registry served is larger than allowed. */
  | 'TOO_LARGE'
  /** A path in a record points outside the site. */
  | 'UNSAFE_PATH'
  /** No skill matches the name given, or the name is ambiguous. */
  | 'NO_SUCH_SKILL'
  | 'AMBIGUOUS_SKILL';

/** The registry could not answer, or answered something unusable. */
export class RegistryError extends SkillRegistryError<RegistryErrorCode> {}

/** Codes of {@link InstallError}. */
export type InstallErrorCode =
  /** The destination exists and is not an install of this skill. */
  | 'DESTINATION_TAKEN'
  /** The destination is an install of this skill, with files added or edited there (replacing it would lose them). */
  | 'DESTINATION_MODIFIED'
  /** Writing or moving the files failed. */
  | 'WRITE_FAILED';

/** A verified skill could not be put in place. */
export class InstallError extends SkillRegistryError<InstallErrorCode> {}

/** Codes of {@link LockfileError}. */
export type LockfileErrorCode =
  /** The lockfile exists but cannot be read (permissions, or it is a folder). */
  | 'UNREADABLE'
  /** The lockfile is not JSON, or not a lockfile this version reads. */
  | 'DAMAGED'
  /** The lockfile is of a newer format than this version reads. */
  | 'UNSUPPORTED_VERSION'
  /** The lockfile cannot be written. */
  | 'UNWRITABLE'
  /** A skill was named that the lockfile does not list. */
  | 'NOT_LOCKED';

/** The lockfile beside the installed skills cannot be read, written or used as asked. */
export class LockfileError extends SkillRegistryError<LockfileErrorCode> {}
