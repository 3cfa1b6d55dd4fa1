/** The contract of a detector: rule metadata declared in code plus logic over the whole skill. */
import type { Capabilities } from '../../schemas/index.ts';
import type { CodeFacts, RawFinding, Segment, SourceFile } from '../model.ts';
import type { RuleMeta } from '../rule-schema.ts';
import type { UnreadablePath } from '../source-files.ts';

/** Everything a detector may look at. */
export interface ScanContext {
  /** Every file, read and classified. */
  files: SourceFile[];
  /** Paths that could not be read (symlinks, special files). */
  unreadable: UnreadablePath[];
  /** Every text segment (including decoded ones). */
  segments: Segment[];
  /** Facts of every code unit (scripts and code blocks). */
  facts: CodeFacts[];
  /** Declared capabilities, when the scan has an entry. */
  declared: Capabilities | undefined;
  /** Capabilities inferred so far. */
  inferred: Capabilities;
}

/** A detector: metadata plus a function over the whole skill. */
export interface Detector {
  /** Rule metadata (same fields as a rule file). */
  meta: Omit<RuleMeta, 'engine'>;
  /** Bumped when the logic changes, so the ruleset digest changes with it. */
  version: number;
  /** Finds what the rule is about. */
  detect(context: ScanContext): RawFinding[];
}
