/** The contract of a detector: rule metadata from a rule file plus logic in code over the whole skill. */
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

/** What a module scanner/detectors/<id>.ts exports: the logic only; its metadata is scanner/rules/<id>/rule.yaml. */
export interface DetectorModule {
  /** Bumped when the logic changes, so the ruleset digest changes with it. */
  version: number;
  /** Finds what the rule is about. */
  detect(context: ScanContext): RawFinding[];
}

/** A loaded detector: its rule's metadata plus its logic. */
export interface Detector extends DetectorModule {
  /** Rule metadata (same fields as a rule file). */
  meta: Omit<RuleMeta, 'engine'>;
}
