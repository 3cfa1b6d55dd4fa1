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
