/** Errors the scanner raises on purpose, with a closed set of codes. */
import { SkillRegistryError } from '../core/index.ts';

/** Codes of {@link ScannerError}. */
export type ScannerErrorCode =
  | 'NOT_A_DIRECTORY'
  | 'READ_FAILED'
  | 'RULE_INVALID'
  | 'POLICY_INVALID'
  | 'SUPPRESSIONS_INVALID';

/** The scanner cannot run: a bad skill folder, rule file, policy or suppressions file. */
export class ScannerError extends SkillRegistryError<ScannerErrorCode> {}
