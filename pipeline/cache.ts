/**
 * The pipeline's cache: one plain folder that CI saves and restores as a whole.
 *
 *   fetch/<key>/skill/      a source's files at its pinned commit     key: repo, commit, path
 *   repos/<key>.git/        a bare repository per source, holding     key: the source's URL as resolved
 *                           the pinned commits fetched from it         (local paths made absolute)
 *   audit/<key>.json        an audit, or the issues that stopped it   key: {@link AuditKey}
 *   bundles/<key>.json      a signed attestation                      key: the statement, the signer
 *   revalidate/<key>.json   a re-validation verdict                   key: {@link AuditKey} of the published record
 *   dryrun/<key>.json       a dry run                                 key: {@link DryRunKey}, the engine version, the sensitive list
 *                           (no rules in it: a rule change re-scans without running the skill again)
 *   archives/<sha256>.tgz   an accepted skill's audited archive       key: the archive's own SHA-256
 *   built/<key>.json        an accepted entry, ready to publish:      key: {@link BuiltKey}
 *                           its entry, audit, record and bundle
 *
 * Every key is the SHA-256 of canonical JSON of everything the result depends on, so a hit is always
 * right, nothing is ever invalidated by hand, and the caches of several jobs (shards) merge by copying
 * their folders into one. The repositories are the fetcher's (pipeline/fetch): it only adds commits to
 * them, fetches a damaged one afresh and deletes one grown past limits.maxRepoBytes.
 */
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { ArchiveError, SENSITIVE_DATA, canonicalJson, sha256Hex, writeFileAtomic, writeJsonAtomic, type Issue } from '../core/index.ts';
import { AuditReportSchema, DryRunReportSchema, EntrySchema, SkillRecordSchema, type DryRunReport, type Entry, type SkillRecord, type Source, type TrustPolicy } from '../schemas/index.ts';
import type { Suppression } from '../scanner/index.ts';
import { DRYRUN_ENGINE_VERSION } from '../sandbox/index.ts';
import type { DryRunKey, DryRunStore, FolderAudit } from './audit.ts';

/** Everything an audit's result depends on besides code that has no version: the key of an audit. */
export interface AuditKey {
  /** skill-tree-v1 digest of the audited files. */
  treeDigest: string;
  /** The scanner: its version, the digest of its rules and the digest of its policy. */
  scanner: { version: string; rulesetDigest: string; policyDigest: string };
  /** The dry run: engine version, the sandbox backend asked for, and why it was skipped (null when it ran). */
  sandbox: { version: string; backend: string; skipped: string | null };
  /** What the skill is held to: its entry (declared capabilities, dry-run commands), or a published record's declarations. */
  heldTo: Entry | { publisher: string; name: string; capabilities: unknown };
  /** The operator's suppressions. */
  suppressions: readonly Suppression[];
}

/**
 * Everything an accepted entry's published state depends on: the key of a built entry. The entry file's
 * bytes pin the source commit, so the audited files are fixed too; a new pin, rule, policy, sandbox,
 * suppression, signer or record format is a miss.
 */
export interface BuiltKey {
  /** Version of what a build stores here and how it builds a record from an audit: bump it when either changes. */
  format: number;
  /** The entry file, relative to the registry folder, and the SHA-256 of its bytes. */
  file: string;
  entrySha256: string;
  /** The registry folder (relative local sources are resolved against it). */
  base: string;
  /** What sources the registry accepts and its limits (a host taken off the allow-list is refused again). */
  sources: unknown;
  limits: unknown;
  scanner: AuditKey['scanner'];
  sandbox: AuditKey['sandbox'];
  suppressions: readonly Suppression[];
  /** The signer's trust policy; null in a build that signs nothing. */
  signer: TrustPolicy | null;
}

/** An accepted entry as a build left it: what the next build with the same {@link BuiltKey} publishes unchanged. */
export interface BuiltEntry {
  entry: Entry;
  audit: FolderAudit;
  record: SkillRecord;
  bundle: unknown;
}

/** A cached audit: the audit, or the issues that made the skill invalid. */
export type CachedAudit = { audit: FolderAudit } | { invalid: Issue[] };

/** A cached re-validation verdict. */
export interface CachedVerdict {
  verdict: string;
  reasons: string[];
}

/** The fetched files of a source, and whether they came from the cache. */
export interface FetchedTree {
  /** Folder holding exactly the skill's files. */
  dir: string;
  /** True when an earlier run fetched them. */
  hit: boolean;
}

function keyOf(value: unknown): string {
  return sha256Hex(canonicalJson(value));
}

/** Reads a cache file; a missing, damaged or foreign one is a miss. */
async function readEntry(path: string): Promise<unknown> {
  return readFile(path, 'utf8')
    .then((text) => JSON.parse(text) as unknown)
    .catch(() => undefined);
}

/** Role: the fetch, audit, bundle and re-validation caches of one folder. */
export class PipelineCache implements DryRunStore {
  /** The cache folder. */
  readonly dir: string;
  /** Folder of the fetcher's kept repositories, one per source. */
  readonly repositories: string;
  /** Fetches in progress by tree folder: two entries of one source, built at once, share one fetch. */
  readonly #fetching = new Map<string, Promise<boolean>>();

  constructor(dir: string) {
    this.dir = dir;
    this.repositories = join(dir, 'repos');
  }

  /**
   * The files of `source` at its pinned commit: from the cache, else fetched into it by `fetch` (a pinned
   * commit never changes). `baseDir` is the folder relative local repositories are resolved against.
   * A caller that finds the same fetch in progress waits for it, and has a hit as it would have after it.
   */
  async fetched(source: Source, baseDir: string, fetch: (destination: string) => Promise<unknown>): Promise<FetchedTree> {
    const treeDir = join(this.dir, 'fetch', keyOf({ repo: source.repo, base: baseDir, commit: source.commit, path: source.path }));
    const dir = join(treeDir, 'skill');
    const inProgress = this.#fetching.get(treeDir);
    if (inProgress !== undefined) {
      await inProgress;
      return { dir, hit: true };
    }
    const fetching = this.#fetchOnce(treeDir, dir, source, fetch);
    this.#fetching.set(treeDir, fetching);
    try {
      return { dir, hit: await fetching };
    } finally {
      this.#fetching.delete(treeDir);
    }
  }

  /** Fetches into `dir` unless an earlier run did; true when it did. */
  async #fetchOnce(treeDir: string, dir: string, source: Source, fetch: (destination: string) => Promise<unknown>): Promise<boolean> {
    const marker = join(treeDir, '.fetched');
    if (await stat(marker).then(() => true, () => false)) return true;
    await fetch(dir);
    await writeJsonAtomic(marker, { source });
    return false;
  }

  /** The audit stored under `key`; a report this version cannot read (another version wrote it, or it is damaged) is a miss. */
  async audit(key: AuditKey): Promise<CachedAudit | undefined> {
    const value = (await readEntry(this.#auditFile(key))) as (Partial<FolderAudit> & { invalid?: Issue[] }) | null | undefined;
    if (typeof value !== 'object' || value === null) return undefined;
    if (Array.isArray(value.invalid)) return { invalid: value.invalid };
    const report = AuditReportSchema.safeParse(value.report);
    return report.success && typeof value.description === 'string' && typeof value.readme === 'string' ? { audit: { report: report.data, description: value.description, readme: value.readme } } : undefined;
  }

  /** Stores an audit (or the issues that made the skill invalid) under `key`. */
  async saveAudit(key: AuditKey, value: CachedAudit): Promise<void> {
    await writeJsonAtomic(this.#auditFile(key), 'invalid' in value ? { invalid: value.invalid } : value.audit);
  }

  /** The bundle `signer` made of `statement`, if it made one. */
  async bundle(statement: unknown, signer: TrustPolicy): Promise<unknown> {
    return readEntry(this.#bundleFile(statement, signer));
  }

  /** Stores the bundle `signer` made of `statement`. */
  async saveBundle(statement: unknown, signer: TrustPolicy, bundle: unknown): Promise<void> {
    await writeJsonAtomic(this.#bundleFile(statement, signer), bundle);
  }

  /** The re-validation verdict stored under `key`. */
  async verdict(key: AuditKey): Promise<CachedVerdict | undefined> {
    return (await readEntry(join(this.dir, 'revalidate', `${keyOf(key)}.json`))) as CachedVerdict | undefined;
  }

  /** Stores a re-validation verdict under `key`. */
  async saveVerdict(key: AuditKey, verdict: CachedVerdict): Promise<void> {
    await writeJsonAtomic(join(this.dir, 'revalidate', `${keyOf(key)}.json`), verdict);
  }

  /**
   * The accepted entry stored under `key`. Read whole and checked against the schemas, so a file another
   * version wrote or a damaged one is a miss; its archive must still be in the cache.
   */
  async built(key: BuiltKey): Promise<BuiltEntry | undefined> {
    const value = (await readEntry(join(this.dir, 'built', `${keyOf(key)}.json`))) as Partial<Record<keyof BuiltEntry, unknown>> | null | undefined;
    if (typeof value !== 'object' || value === null) return undefined;
    const entry = EntrySchema.safeParse(value.entry);
    const record = SkillRecordSchema.safeParse(value.record);
    const audit = value.audit as Partial<FolderAudit> | undefined;
    const report = AuditReportSchema.safeParse(audit?.report);
    if (!entry.success || !record.success || !report.success || typeof audit?.description !== 'string' || typeof audit.readme !== 'string') return undefined;
    if (!(await stat(this.#archiveFile(record.data.archive.sha256)).then((found) => found.size === record.data.archive.size, () => false))) return undefined;
    return { entry: entry.data, audit: { report: report.data, description: audit.description, readme: audit.readme }, record: record.data, bundle: value.bundle ?? null };
  }

  /** Stores an accepted entry under `key`. */
  async saveBuilt(key: BuiltKey, built: BuiltEntry): Promise<void> {
    await writeJsonAtomic(join(this.dir, 'built', `${keyOf(key)}.json`), built);
  }

  /** Stores an audited archive under its SHA-256, which it returns. */
  async saveArchive(archive: Uint8Array): Promise<string> {
    const sha256 = sha256Hex(archive);
    const path = this.#archiveFile(sha256);
    if (!(await stat(path).then((found) => found.size === archive.length, () => false))) await writeFileAtomic(path, archive);
    return sha256;
  }

  /** Reads the archive stored under `sha256`, refusing bytes that no longer hash to it. */
  async archive(sha256: string): Promise<Uint8Array> {
    const bytes = await readFile(this.#archiveFile(sha256));
    if (sha256Hex(bytes) !== sha256) {
      throw new ArchiveError('MISMATCH', `The cached archive ${this.#archiveFile(sha256)} does not hash to its name. The build's cache was altered: delete its archives/ and built/ folders and build again.`, { where: this.#archiveFile(sha256) });
    }
    return bytes;
  }

  /** The dry run kept under `key` for this engine version, or `run`'s, kept for the next audit (a damaged or foreign file is a miss). */
  async dryRun(key: DryRunKey, run: () => Promise<DryRunReport>): Promise<DryRunReport> {
    // The shared sensitive list decides what the honeypot plants and which reads are credential reads.
    const path = join(this.dir, 'dryrun', `${keyOf({ ...key, engine: DRYRUN_ENGINE_VERSION, sensitive: SENSITIVE_DATA })}.json`);
    const kept = DryRunReportSchema.safeParse(await readEntry(path));
    if (kept.success) return kept.data;
    const report = await run();
    await writeJsonAtomic(path, report);
    return report;
  }

  #archiveFile(sha256: string): string {
    return join(this.dir, 'archives', `${sha256}.tgz`);
  }

  #auditFile(key: AuditKey): string {
    return join(this.dir, 'audit', `${keyOf(key)}.json`);
  }

  #bundleFile(statement: unknown, signer: TrustPolicy): string {
    return join(this.dir, 'bundles', `${keyOf({ statement: sha256Hex(canonicalJson(statement)), signer })}.json`);
  }
}
