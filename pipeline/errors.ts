/** Errors of the pipeline stages, each with a closed set of codes. */
import { SkillRegistryError, type Issue } from '../core/index.ts';

/** Codes of {@link FetchError}. */
export type FetchErrorCode =
  | 'SOURCE_NOT_ALLOWED'
  | 'REPO_UNREACHABLE'
  | 'CORRUPT_REPO'
  | 'COMMIT_NOT_FOUND'
  | 'NOT_A_COMMIT'
  | 'PATH_NOT_FOUND'
  | 'PATH_ESCAPES'
  | 'SYMLINK'
  | 'SUBMODULE'
  | 'TOO_LARGE'
  | 'TIMEOUT';

/** The skill's source could not be fetched safely. */
export class FetchError extends SkillRegistryError<FetchErrorCode> {}

/** Codes of {@link EntryError}. */
export type EntryErrorCode = 'INVALID_ENTRY' | 'INVALID_SKILL' | 'INVALID_CONFIG';

/** An entry, its skill or the registry config is invalid; `issues` lists every problem found. */
export class EntryError extends SkillRegistryError<EntryErrorCode> {
  readonly issues: Issue[];

  constructor(code: EntryErrorCode, file: string, issues: Issue[]) {
    super(code, `${file}: ${issues.length} problem${issues.length === 1 ? '' : 's'}:\n${issues.map((issue) => `  - [${issue.id}] ${issue.path}: ${issue.message}`).join('\n')}`, { where: file });
    this.issues = issues;
  }
}

/** Codes of {@link SubmitError}. */
export type SubmitErrorCode =
  /** The skill folder does not exist or is not a folder. */
  | 'NOT_A_FOLDER'
  /** The folder is in no git repository, and --repo and --commit were not both given. */
  | 'NOT_A_REPOSITORY'
  /** The repository has no commit yet, or the commit given is not in it. */
  | 'UNKNOWN_COMMIT'
  /** The repository has no remote to take source.repo from (or several, none of them origin). */
  | 'NO_REMOTE'
  /** The remote or --repo is not a URL an entry may carry. */
  | 'BAD_REPO'
  /** The skill folder has uncommitted changes or untracked files. */
  | 'DIRTY_TREE'
  /** A value the entry needs (publisher, license, version) was neither given nor found. */
  | 'MISSING_VALUE'
  /** The entry file exists (and --force was not given), or would be written inside the skill folder. */
  | 'OUT_REFUSED';

/** `submit` cannot draft an entry for the folder as it is; the message says what to change. */
export class SubmitError extends SkillRegistryError<SubmitErrorCode> {}
