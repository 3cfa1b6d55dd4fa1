/**
 * The only place that knows the order of the stages:
 *   validate the entry → fetch → validate → scan → dry run → decide → digest → sign → publish.
 * What each stage does, and its cache, is in stages.ts (the audit itself in audit.ts); how an entry that
 * a stage stops is recorded, in outcome.ts.
 */
import { availableParallelism } from 'node:os';
import type { Signer } from '../signing/index.ts';
import { accepted, invalid, recordInFileOrder, refused, type EntryFile, type EntryOutcome, type EntrySeen, type Recorded } from './outcome.ts';
import type { Shard } from './shard.ts';
import { auditSkill, builtBefore, entriesToBuild, fetchSkill, publishItem, publishStage, signAudit, startBuild, validateEntry, type BuildRun } from './stages.ts';

export type { EntryOutcome } from './outcome.ts';

/** Options of a registry build. */
export interface BuildOptions {
  /** The registry folder (holds config.yaml and skills/). */
  registryDir: string;
  /** The published output folder (persistent between runs); in a shard, the folder of this shard's part. */
  outDir: string;
  /** Cache folder for fetched trees, audits and bundles (see cache.ts). */
  cacheDir: string;
  /** Override of the config's sandbox choice. */
  sandbox?: 'auto' | 'gvisor' | 'bubblewrap';
  /** Skip the dry run for this reason (overrides config). */
  skipDryRun?: string;
  /** Signer override (tests); default from the config. */
  signer?: Signer;
  /** Where a development key lives when none is configured. */
  devKeyDir?: string;
  /** Clock. */
  now?: Date;
  /** Progress lines. */
  log?: (line: string) => void;
  /** Audit only these entry files (relative to the registry, e.g. `skills/acme/x.yaml`); others keep their published state. */
  only?: Set<string>;
  /** Audit only: sign and write nothing (pull-request audits, and the no-secrets audit job). */
  dryRunOnly?: boolean;
  /** Run no audit: every entry must already be in the audit cache (the signing job). */
  requireCached?: boolean;
  /** Build only this shard's entries, and write its part for `mergeShards` instead of publishing. */
  shard?: Shard;
  /** Entries built at once (default: `os.availableParallelism()`); outcomes and output are the same whatever it is. */
  concurrency?: number;
}

/** What a registry build did. */
export interface BuildSummary {
  /** Per entry, in file order. */
  outcomes: EntryOutcome[];
  /** Skills in the published index (0 when nothing was published: an audit-only build, or a shard). */
  indexed: number;
  /** A note about signing (e.g. a development key was created). */
  signingNotice?: string;
  /** Output folder. */
  outDir: string;
}

/**
 * Builds a registry: every entry (or this shard's) validated, fetched, audited and, when accepted,
 * signed; then all of it published. Whatever stops one entry becomes its outcome and the others go on;
 * nothing published before is lost. Entries are built several at once, and recorded in file order.
 */
export async function buildRegistry(options: BuildOptions): Promise<BuildSummary> {
  const run = await startBuild(options);
  await recordInFileOrder(run, await entriesToBuild(run), options.concurrency ?? availableParallelism(), (file) => buildEntry(run, file));
  return publishStage(run);
}

/** One entry through the stages, to its outcome: published, refused or invalid. */
async function buildEntry(run: BuildRun, file: EntryFile): Promise<Recorded> {
  const seen: EntrySeen = { file, cached: false, fetchedFromCache: false };
  try {
    const built = await builtBefore(run, seen); // unchanged since an earlier build accepted it
    if (built !== undefined) return accepted(seen, built.audit, built.item);
    const entry = await validateEntry(run, seen);
    const fetched = await fetchSkill(run, entry, seen);
    const audited = await auditSkill(run, entry, fetched, seen); // validate → scan → dry run → decide → digest
    if (audited.audit.report.verdict === 'fail') return refused(seen, audited.audit);
    const bundle = await signAudit(run, entry, audited.audit.report);
    return accepted(seen, audited.audit, await publishItem(run, seen, entry, fetched, audited, bundle));
  } catch (error) {
    return invalid(seen, error, run.options.cacheDir);
  }
}
