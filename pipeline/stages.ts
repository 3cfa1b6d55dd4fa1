/**
 * What each stage does for a registry build, with its cache: the entry file, fetch, the audit (validate →
 * scan → dry run → decide → digest), sign, and publish. pipeline.ts puts them in order.
 */
import { mkdir, readFile, readdir } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { SkillRegistryError, canonicalJson, sha256Hex, treeDigest, writeArchive, type TreeDigest } from '../core/index.ts';
import { SkillRecordSchema, type AuditReport, type Entry, type RegistryConfig, type Revocation } from '../schemas/index.ts';
import { scannerIdentity, type Suppression } from '../scanner/index.ts';
import { DRYRUN_ENGINE_VERSION } from '../sandbox/index.ts';
import { buildAuditStatement, createSigner, signAttestation, signRevocationList, type Signer } from '../signing/index.ts';
import { auditSkillFolder, type FolderAudit } from './audit.ts';
import { PipelineCache, type AuditKey, type FetchedTree } from './cache.ts';
import { loadRegistryConfig, loadRegistrySuppressions, loadRevocations } from './config.ts';
import { decide } from './decide/index.ts';
import { EntryError } from './errors.ts';
import { fetcherFor, type Fetcher } from './fetch/git-fetcher.ts';
import type { EntryFile, EntrySeen, OutcomeSink } from './outcome.ts';
import type { BuildOptions, BuildSummary } from './pipeline.ts';
import { FolderPublisher, type PublishItem } from './publish/index.ts';
import { auditPredicate, skillRecord } from './publish/record.ts';
import { nextRevocationSequence } from './revocations.ts';
import { entryInShard, writeShardPart } from './shard.ts';
import { loadEntry } from './validate/index.ts';

/** A build in progress: what every stage reads, and where the entries' outcomes go. */
export interface BuildRun extends OutcomeSink {
  options: BuildOptions;
  registryDir: string;
  config: RegistryConfig;
  revocations: Revocation[];
  suppressions: Suppression[];
  /** Absent in an audit-only build: it signs nothing. */
  signer?: Signer;
  /** A note about signing (e.g. a development key was created). */
  notice?: string;
  skipDryRun?: string;
  sandbox: 'auto' | 'gvisor' | 'bubblewrap';
  fetcher: Fetcher;
  scanner: AuditKey['scanner'];
  cache: PipelineCache;
  now: Date;
  /** `publisher/name` of every entry this build answers for (all, or this shard's). */
  entries: Set<string>;
  /** Entry files `--only` leaves out: their published state stays. */
  skipped: EntryFile[];
}

/** An audit and the tree it audited. */
export interface AuditedSkill {
  audit: FolderAudit;
  tree: TreeDigest;
}

/** Reads the registry's config, revocations and suppressions, and sets up the signer, fetcher and cache. */
export async function startBuild(options: BuildOptions): Promise<BuildRun> {
  const log = options.log ?? (() => undefined);
  const registryDir = resolve(options.registryDir);
  const config = await loadRegistryConfig(registryDir);
  const revocations = await loadRevocations(registryDir);
  const suppressions = await loadRegistrySuppressions(registryDir);
  // Pull-request audits sign nothing: they have no key and no OIDC token, by design.
  const { signer, notice }: { signer?: Signer; notice?: string } = options.dryRunOnly ? {} : options.signer ? { signer: options.signer } : await createSigner(config.signing, { devKeyDir: options.devKeyDir });
  if (notice) log(notice);
  const cache = new PipelineCache(options.cacheDir);
  return {
    options,
    log,
    registryDir,
    config,
    revocations,
    suppressions,
    signer,
    notice,
    skipDryRun: options.skipDryRun ?? (config.dryRun.skip ? 'skipped by registry/config.yaml (dryRun.skip: true)' : undefined),
    sandbox: options.sandbox ?? config.dryRun.sandbox,
    fetcher: fetcherFor(config, registryDir, cache.repositories),
    scanner: await scannerIdentity(),
    cache,
    now: options.now ?? new Date(),
    outcomes: [],
    items: [],
    entries: new Set(),
    keepPrevious: new Set(),
    skipped: [],
  };
}

/** Lists entry files `skills/<publisher>/<name>.yaml` of a registry folder, sorted. */
export async function listEntryFiles(registryDir: string): Promise<string[]> {
  const skillsDir = join(registryDir, 'skills');
  const publishers = await readdir(skillsDir, { withFileTypes: true }).catch(() => []);
  const files: string[] = [];
  for (const publisher of publishers) {
    if (!publisher.isDirectory()) continue;
    for (const file of await readdir(join(skillsDir, publisher.name), { withFileTypes: true })) {
      if (file.isFile() && /\.ya?ml$/.test(file.name)) files.push(join(skillsDir, publisher.name, file.name));
    }
  }
  return files.sort();
}

/** `publisher/name` as the place of an entry file (`skills/<publisher>/<name>.yaml`) says. */
function idOfEntryFile(shown: string): string {
  return shown.replace(/^skills\//, '').replace(/\.ya?ml$/, '');
}

/** An entry file as a build names it. */
function entryFile(registryDir: string, path: string): EntryFile {
  const shown = relative(registryDir, path).split(sep).join('/');
  return { path, shown, id: idOfEntryFile(shown) };
}

/** The entry files this build audits: every one (or this shard's), less those `--only` leaves out. */
export async function entriesToBuild(run: BuildRun): Promise<EntryFile[]> {
  const files: EntryFile[] = [];
  for (const path of await listEntryFiles(run.registryDir)) {
    const file = entryFile(run.registryDir, path);
    if (!entryInShard(file.id, run.options.shard)) continue;
    run.entries.add(file.id);
    if (run.options.only && !run.options.only.has(file.shown)) {
      run.keepPrevious.add(file.id);
      run.skipped.push(file);
    } else files.push(file);
  }
  return files;
}

/**
 * Version of what the built cache holds and of how a record is made from an audit (publish/record.ts):
 * bump it when either changes, so no build publishes a record an older version made.
 */
const BUILT_FORMAT = 1;

/**
 * An entry accepted by an earlier build whose entry file (so its pinned source), rules, policy, sandbox,
 * suppressions and signer are all unchanged: its audit and item as that build made them, so nothing is
 * fetched, hashed, audited, signed or archived again. Undefined for anything else (the stages run).
 */
export async function builtBefore(run: BuildRun, seen: EntrySeen): Promise<{ audit: FolderAudit; item: PublishItem } | undefined> {
  const bytes = await readFile(seen.file.path).catch(() => undefined);
  if (bytes === undefined) return undefined;
  seen.builtKey = {
    format: BUILT_FORMAT,
    file: seen.file.shown,
    entrySha256: sha256Hex(bytes),
    base: run.registryDir,
    sources: { ...run.config.sources, allowLocalByEnvironment: process.env.SKILL_REGISTRY_ALLOW_LOCAL === '1' },
    limits: run.config.limits,
    scanner: run.scanner,
    sandbox: { version: DRYRUN_ENGINE_VERSION, backend: run.sandbox, skipped: run.skipDryRun ?? null },
    suppressions: run.suppressions,
    signer: run.signer?.trust ?? null,
  };
  const built = await run.cache.built(seen.builtKey);
  if (built === undefined) return undefined;
  // The decision is made again, as for a cached audit: a record whose verdict, trust or reasons this build
  // would not give is built again through the stages.
  const report = redecided(built.audit.report, run.signer !== undefined);
  if (report.verdict !== built.record.verdict || report.trust !== built.record.trust || canonicalJson(report.reasons) !== canonicalJson(built.record.reasons)) return undefined;
  seen.entry = built.entry;
  seen.cached = true;
  seen.fetchedFromCache = true;
  return { audit: { ...built.audit, report }, item: { record: built.record, bundle: built.bundle, archive: () => run.cache.archive(built.record.archive.sha256) } };
}

/** validate (the entry): reads and checks the entry file; throws {@link EntryError} listing every problem. */
export async function validateEntry(run: BuildRun, seen: EntrySeen): Promise<Entry> {
  seen.entry = await loadEntry(seen.file.path, run.registryDir);
  return seen.entry;
}

/** fetch: the skill's files at the pinned commit, from the cache when an earlier run fetched them. */
export async function fetchSkill(run: BuildRun, entry: Entry, seen: EntrySeen): Promise<FetchedTree> {
  const fetched = await run.cache.fetched(entry.source, run.registryDir, (destination) => run.fetcher.fetch(entry.source, destination));
  seen.fetchedFromCache = fetched.hit;
  return fetched;
}

/**
 * validate → scan → dry run → decide → digest, or the audit an earlier run made of the same tree under
 * the same rules, policy, sandbox version and entry (re-decided, since only this build knows whether
 * it signs). A build that must only sign (`requireCached`) stops on the first entry not in the cache.
 */
export async function auditSkill(run: BuildRun, entry: Entry, fetched: FetchedTree, seen: EntrySeen): Promise<AuditedSkill> {
  const tree = await treeDigest(fetched.dir);
  const key: AuditKey = {
    treeDigest: tree.digest,
    scanner: run.scanner,
    sandbox: { version: DRYRUN_ENGINE_VERSION, backend: run.sandbox, skipped: run.skipDryRun ?? null },
    heldTo: entry,
    suppressions: run.suppressions,
  };
  const cached = await run.cache.audit(key);
  seen.cached = cached !== undefined;
  if (cached && 'invalid' in cached) throw new EntryError('INVALID_SKILL', seen.file.shown, cached.invalid);
  if (cached) return { tree, audit: { ...cached.audit, report: redecided(cached.audit.report, run.signer !== undefined) } };
  if (run.options.requireCached) {
    throw new SkillRegistryError('NOT_AUDITED', `${seen.file.shown} (${tree.digest}) has no audit in ${run.cache.dir}. This build only signs and publishes what the audit job already audited: run the audit first (npm run build -- --audit-only) with the same registry and rules.`);
  }
  try {
    const audit = await auditSkillFolder(fetched.dir, { entry, sandbox: run.sandbox, skipDryRun: run.skipDryRun, suppressions: run.suppressions, signed: run.signer !== undefined, now: run.now, dryRuns: run.cache });
    await run.cache.saveAudit(key, { audit });
    return { tree, audit };
  } catch (error) {
    if (error instanceof EntryError) await run.cache.saveAudit(key, { invalid: error.issues });
    throw error;
  }
}

/** A cached report decided again for this build (a skill is Verified only in a signed build). */
function redecided(report: AuditReport, signed: boolean): AuditReport {
  const decision = decide({ declared: report.capabilities.declared, validation: report.validation, scan: report.scan, dryrun: report.dryrun, signed });
  return { ...report, verdict: decision.verdict, trust: decision.trust, reasons: decision.reasons };
}

/** sign: the attestation of an accepted audit, or the bundle this signer already made of the same statement; null in a build that signs nothing. */
export async function signAudit(run: BuildRun, entry: Entry, report: AuditReport): Promise<unknown> {
  if (!run.signer) return null;
  const statement = buildAuditStatement({ publisher: entry.publisher, name: entry.name, version: entry.version, digest: report.digest as `sha256:${string}`, predicate: auditPredicate(entry, report) });
  const cached = await run.cache.bundle(statement, run.signer.trust);
  if (cached !== undefined) return cached;
  const bundle = await signAttestation(run.signer, statement);
  await run.cache.saveBundle(statement, run.signer.trust, bundle);
  return bundle;
}

/**
 * What publishes an accepted skill: its record, the archive of exactly the audited files (kept in the
 * cache, read again only when a file must be written) and its bundle; remembered for the next build.
 */
export async function publishItem(run: BuildRun, seen: EntrySeen, entry: Entry, fetched: FetchedTree, audited: AuditedSkill, bundle: unknown): Promise<PublishItem> {
  const { audit, tree } = audited;
  const files = [];
  for (const file of tree.files) files.push({ path: file.path, executable: file.mode === '100755', content: await readFile(join(fetched.dir, ...file.path.split('/'))) });
  const bytes = writeArchive(files);
  const sha256 = await run.cache.saveArchive(bytes);
  const record = SkillRecordSchema.parse(
    skillRecord({ entry, report: audit.report, description: audit.description, readme: audit.readme, archive: { sha256, size: bytes.length }, signed: bundle !== null }),
  );
  if (seen.builtKey !== undefined) await run.cache.saveBuilt(seen.builtKey, { entry, audit, record, bundle });
  return { record, bundle, archive: () => run.cache.archive(sha256) };
}

/**
 * publish: the whole registry, or, in a shard, this shard's part for the merge; nothing in a build that
 * signs nothing (pull-request audits and the audit job).
 */
export async function publishStage(run: BuildRun): Promise<BuildSummary> {
  const summary: BuildSummary = { outcomes: run.outcomes, indexed: 0, signingNotice: run.notice, outDir: run.options.outDir };
  if (run.options.dryRunOnly || !run.signer) return summary;
  if (run.options.shard) {
    const entries = [
      ...run.outcomes.map((outcome) => ({ file: outcome.file, id: idOfEntryFile(outcome.file), status: outcome.status, digest: outcome.status === 'published' ? outcome.digest : undefined })),
      ...run.skipped.map((file) => ({ file: file.shown, id: file.id, status: 'skipped' as const })),
    ].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
    const manifest = { schemaVersion: 1 as const, shard: run.options.shard, registry: { name: run.config.name, url: run.config.url }, scanner: run.scanner, trust: run.signer.trust, entries };
    await writeShardPart(run.options.outDir, manifest, run.items);
    return summary;
  }
  return { ...summary, indexed: await publishRegistry({ ...run, signer: run.signer, outDir: run.options.outDir }) };
}

/** What a publish of the whole registry takes: a build's, or a merge's of every shard's part. */
export interface RegistryPublish {
  outDir: string;
  registryDir: string;
  config: RegistryConfig;
  revocations: Revocation[];
  signer: Signer;
  now: Date;
  log: (line: string) => void;
  /** Accepted skills, in registry file order. */
  items: PublishItem[];
  /** `publisher/name` of every entry of the registry. */
  entries: Set<string>;
  /** `publisher/name` of the entries whose previously published state stays. */
  keepPrevious: Set<string>;
}

/** Signs the revocation list and publishes it with the accepted skills and every registry-wide file, the index last. */
export async function publishRegistry(input: RegistryPublish): Promise<number> {
  await mkdir(input.outDir, { recursive: true });
  const list = { schemaVersion: 1 as const, issuedAt: input.now.toISOString(), sequence: await nextRevocationSequence(input.outDir, input.now), revocations: input.revocations };
  const summary = await new FolderPublisher(input.outDir).publish({
    registry: { name: input.config.name, url: input.config.url },
    items: input.items,
    entries: input.entries,
    keepPrevious: input.keepPrevious,
    revocations: { list, bundle: await signRevocationList(input.signer, list) },
    trust: input.signer.trust,
    now: input.now,
    localSourceBase: input.registryDir,
  });
  for (const { skill, reason } of summary.unlisted) input.log(`· ${skill}: published, but not in the plugin marketplace: ${reason}`);
  return summary.indexed;
}
