/**
 * Typed errors with closed sets of codes. Tests assert the class and the code, never the wording;
 * every message says what is wrong and then how to fix it.
 */

/** Base class of every error the project raises on purpose; `code` is stable, `message` is for people. */
export class SkillRegistryError<Code extends string = string> extends Error {
  readonly code: Code;
  /** The file or field the error is about, when there is one. */
  readonly where: string | undefined;

  constructor(code: Code, message: string, options: { where?: string; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.where = options.where;
  }
}

/** Codes of {@link DigestError}. */
export type DigestErrorCode =
  | 'NOT_A_DIRECTORY'
  | 'SYMLINK'
  | 'SPECIAL_FILE'
  | 'UNSAFE_PATH'
  | 'CASE_COLLISION'
  | 'TOO_LARGE';

/** A skill folder cannot be digested under `skill-tree-v1`. */
export class DigestError extends SkillRegistryError<DigestErrorCode> {}

/** Codes of {@link ArchiveError}. */
export type ArchiveErrorCode = 'MALFORMED' | 'UNSAFE_ENTRY' | 'TOO_LARGE' | 'MISMATCH';

/** A skill archive cannot be read or written safely. */
export class ArchiveError extends SkillRegistryError<ArchiveErrorCode> {}
