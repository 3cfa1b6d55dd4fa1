/**
 * Publish stage: writes the static JSON API, archives and bundles into the output folder, and beside
 * them the outputs for other tools (plugin marketplace, badges, Atom feed, OSV advisories). Per-digest
 * files are immutable once written; the index is written last, so a failed run leaves the previous
 * published state in force. Every write is atomic.
 */
import { readdir, readFile, rm, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { ArchiveError, sha256Hex, writeFileAtomic, writeJsonAtomic } from '../../core/index.ts';
import {
  OsvAdvisorySchema,
  OsvIndexSchema,
  RegistryIndexSchema,
  SEARCH_TEXT_MAX_CHARS,
  SITE_LAYOUT,
  SkillHistorySchema,
  SkillRecordSchema,
  type IndexEntry,
  type OsvAdvisory,
  type OsvIndex,
  type RegistryIndex,
  type Revocation,
  type RevocationList,
  type SearchText,
  type SkillHistory,
  type SkillRecord,
  type TrustPolicy,
} from '../../schemas/index.ts';
import { ecosystemFiles, type PublishedReader } from './ecosystem.ts';
import type { Unlisted } from './marketplace.ts';

export { claudeMarketplace, marketplaceName, pluginName, pluginSource, PLUGIN_COMPONENT_NAMES, type MarketplaceInput, type MarketplaceOutput, type MarketplaceSkill, type Unlisted } from './marketplace.ts';
export { trustBadgeSvg, badgeMessage, type BadgeInput } from './badge.ts';
export { atomFeed, FEED_ENTRY_LIMIT, type FeedInput, type FeedSkill, type FeedRevocation } from './feed.ts';
export { osvAdvisory, osvId, osvIndex, withdrawnAdvisory, type AdvisoryInput } from './osv.ts';

/** One audited skill to publish. */
export interface PublishItem {
  /** Its record (already validated against the schema). */
  record: SkillRecord;
  /** Reads the audited archive (kept on disk until a file must be written); the publisher checks its bytes against the record. */
  archive: () => Promise<Uint8Array>;
  /** The Sigstore bundle of its attestation, or null when the build is unsigned. */
  bundle: unknown;
}

/** What one publish writes. */
export interface PublishInput {
  /** Registry name and public URL for the index. */
  registry: { name: string; url: string };
  /** Skills audited and accepted in this run. */
  items: PublishItem[];
  /** `publisher/name` of every entry in the registry now; index lines of others are dropped. */
  entries: Set<string>;
  /** `publisher/name` of entries that could not be audited or were refused this run: their previous index lines stay. */
  keepPrevious: Set<string>;
  /** The signed revocation list (bundle) and its content. */
  revocations: { list: RevocationList; bundle: unknown } | null;
  /** Who signs this registry. */
  trust: TrustPolicy | null;
  /** Generation time. */
  now: Date;
  /** Folder that local `source.repo` paths are relative to (the registry folder); the working directory when absent. */
  localSourceBase?: string;
}

/** What a publish did. */
export interface PublishSummary {
  /** Skills in the new index. */
  indexed: number;
  /** Files written (unchanged files are not rewritten). */
  written: number;
  /** Skills the plugin marketplace could list but leaves out, with the reason. */
  unlisted: Unlisted[];
}

/** Each indexed skill's SKILL.md text, so the CLI's search finds a skill by what its instructions say. */
async function searchText(index: RegistryIndex, read: PublishedReader): Promise<SearchText> {
  const skills: SearchText['skills'] = [];
  for (const line of index.skills) {
    const record = await read.record(line.digest);
    const text = (record?.readme ?? '').toLowerCase().replace(/\s+/g, ' ').trim().slice(0, SEARCH_TEXT_MAX_CHARS);
    skills.push({ publisher: line.publisher, name: line.name, text });
  }
  return { schemaVersion: 1, skills };
}

/** Role: makes audited skills available. */
export interface Publisher {
  publish(input: PublishInput): Promise<PublishSummary>;
}

/** Site-relative paths of a digest's files. */
export function publishedPaths(digest: string): { record: string; bundle: string; archive: string } {
  return { record: SITE_LAYOUT.record(digest), bundle: SITE_LAYOUT.bundle(digest), archive: SITE_LAYOUT.archive(digest) };
}

async function readJson(path: string): Promise<unknown> {
  return JSON.parse(await readFile(path, 'utf8')) as unknown;
}

/** Reads the published index in `outDir`, or undefined when there is none yet. */
export async function readPublishedIndex(outDir: string): Promise<RegistryIndex | undefined> {
  try {
    return RegistryIndexSchema.parse(await readJson(join(outDir, SITE_LAYOUT.index)));
  } catch {
    return undefined;
  }
}

function indexEntry(record: SkillRecord): IndexEntry {
  return {
    publisher: record.publisher,
    name: record.name,
    version: record.version,
    digest: record.digest,
    verdict: record.verdict,
    trust: record.trust,
    description: record.description,
    license: record.license,
    capabilities: record.capabilities.declared,
    auditedAt: record.auditedAt,
    record: publishedPaths(record.digest).record,
  };
}

/** `publisher/name` of a skill. */
function skillId(skill: { publisher: string; name: string }): string {
  return `${skill.publisher}/${skill.name}`;
}

/** Reads a published JSON file through a schema: undefined when it is missing or not JSON, an error when it does not match. */
async function readParsed<T>(path: string, schema: { parse(value: unknown): T }): Promise<T | undefined> {
  return readJson(path).then((value) => schema.parse(value), () => undefined);
}

/** Like {@link readParsed}, but a file this version no longer reads counts as absent (it is derived, and rebuilt). */
async function readDerived<T>(path: string, schema: { parse(value: unknown): T }): Promise<T | undefined> {
  return readParsed(path, schema).catch(() => undefined);
}

/** The history of a record: this version first, then every other version published before. */
function nextHistory(record: SkillRecord, before: SkillHistory | undefined): SkillHistory {
  const line = { version: record.version, digest: record.digest, verdict: record.verdict, trust: record.trust, auditedAt: record.auditedAt, record: publishedPaths(record.digest).record };
  return {
    schemaVersion: 1,
    publisher: record.publisher,
    name: record.name,
    versions: [line, ...(before?.versions ?? []).filter((version) => version.digest !== record.digest)],
  };
}

/**
 * The next index: this run's records, plus the previous lines of entries that still exist but could not
 * be audited or were refused this run; the revocation list applies to both.
 */
function nextIndex(input: PublishInput, previous: RegistryIndex | undefined, records: ReadonlyMap<string, SkillRecord>, revoked: ReadonlyMap<string, Revocation>): RegistryIndex {
  const lines = new Map<string, IndexEntry>();
  for (const line of previous?.skills ?? []) {
    const id = skillId(line);
    if (input.entries.has(id) && input.keepPrevious.has(id)) lines.set(id, revoked.has(line.digest) ? { ...line, trust: 'revoked' } : line);
  }
  for (const [id, record] of records) lines.set(id, indexEntry(record));
  return RegistryIndexSchema.parse({
    schemaVersion: 1,
    registry: input.registry,
    generatedAt: input.now.toISOString(),
    skills: [...lines.values()].sort((a, b) => a.publisher.localeCompare(b.publisher) || a.name.localeCompare(b.name)),
  });
}

/** The production {@link Publisher}: a folder of static files. */
export class FolderPublisher implements Publisher {
  readonly #outDir: string;
  #written = 0;

  constructor(outDir: string) {
    this.#outDir = outDir;
  }

  async #write(relative: string, data: string | Uint8Array): Promise<void> {
    const path = join(this.#outDir, relative);
    const bytes = typeof data === 'string' ? Buffer.from(data) : Buffer.from(data);
    const existing = await stat(path).then((s) => s.size, () => -1);
    if (existing === bytes.length && Buffer.compare(await readFile(path), bytes) === 0) return;
    await writeFileAtomic(path, bytes);
    this.#written += 1;
  }

  /** An archive, unless the published one already has the record's SHA-256; bytes that do not are refused. */
  async #writeArchive(relative: string, record: SkillRecord, read: () => Promise<Uint8Array>): Promise<void> {
    const published = await readFile(join(this.#outDir, relative)).catch(() => undefined);
    if (published !== undefined && published.length === record.archive.size && sha256Hex(published) === record.archive.sha256) return;
    const bytes = await read();
    if (bytes.length !== record.archive.size || sha256Hex(bytes) !== record.archive.sha256) {
      throw new ArchiveError('MISMATCH', `The archive of ${record.publisher}/${record.name} (${record.digest}) does not match its record's SHA-256 ${record.archive.sha256}. The build's cache or a shard's output was altered: delete the cache's archives/ and built/ folders (or rebuild that shard) and build again.`, { where: relative });
    }
    await writeFileAtomic(join(this.#outDir, relative), bytes);
    this.#written += 1;
  }

  async #writeJson(relative: string, value: unknown): Promise<void> {
    await this.#write(relative, `${JSON.stringify(value, null, 2)}\n`);
  }

  async publish(input: PublishInput): Promise<PublishSummary> {
    this.#written = 0;
    const revoked = new Map((input.revocations?.list.revocations ?? []).map((revocation) => [revocation.digest, revocation]));
    const previous = await readPublishedIndex(this.#outDir);
    const records = await this.#writeDigestFiles(input.items, revoked);
    const histories = await this.#writeHistories(records);
    await this.#writeRegistryFiles(input);
    const index = nextIndex(input, previous, records, revoked);
    const unlisted = await this.#writeEcosystemFiles(input, index, records, histories);
    await this.#writeJson(SITE_LAYOUT.searchText, await searchText(index, this.#reader(records, histories)));
    // The index, last: until it is renamed into place, readers see the previous state.
    await writeJsonAtomic(join(this.#outDir, SITE_LAYOUT.index), index);
    this.#written += 1;
    await this.#removeStaleBadges(index);
    return { indexed: index.skills.length, written: this.#written, unlisted };
  }

  /** Immutable per-digest files: archive, bundle, record (marked revoked when the list says so). */
  async #writeDigestFiles(items: readonly PublishItem[], revoked: ReadonlyMap<string, Revocation>): Promise<Map<string, SkillRecord>> {
    const records = new Map<string, SkillRecord>();
    for (const item of items) {
      const revocation = revoked.get(item.record.digest);
      const record: SkillRecord = revocation ? { ...item.record, trust: 'revoked', revoked: revocation } : item.record;
      const paths = publishedPaths(record.digest);
      await this.#writeArchive(paths.archive, record, item.archive);
      if (item.bundle !== null) await this.#writeJson(paths.bundle, item.bundle);
      await this.#writeJson(paths.record, record);
      records.set(skillId(record), record);
    }
    return records;
  }

  /** Histories: every published version of each skill, newest first. */
  async #writeHistories(records: ReadonlyMap<string, SkillRecord>): Promise<Map<string, SkillHistory>> {
    const histories = new Map<string, SkillHistory>();
    for (const [id, record] of records) {
      const relative = SITE_LAYOUT.history(record.publisher, record.name);
      const history = nextHistory(record, await readParsed(join(this.#outDir, relative), SkillHistorySchema));
      await this.#writeJson(relative, history);
      histories.set(id, history);
    }
    return histories;
  }

  /** Trust policy and the signed revocation list. */
  async #writeRegistryFiles(input: PublishInput): Promise<void> {
    if (input.trust) await this.#writeJson(SITE_LAYOUT.trust, input.trust);
    if (input.revocations) await this.#writeJson(SITE_LAYOUT.revocations, input.revocations.bundle);
  }

  /** Marketplace, badges, feed and OSV advisories, all built before the first of them is written. */
  async #writeEcosystemFiles(input: PublishInput, index: RegistryIndex, records: ReadonlyMap<string, SkillRecord>, histories: ReadonlyMap<string, SkillHistory>): Promise<Unlisted[]> {
    const { files, unlisted } = await ecosystemFiles({
      registry: input.registry,
      index,
      revocations: input.revocations?.list.revocations ?? [],
      localSourceBase: input.localSourceBase ?? process.cwd(),
      now: input.now,
      read: this.#reader(records, histories),
    });
    for (const [relative, content] of files) await this.#write(relative, content);
    return unlisted;
  }

  /** Published files as this run leaves them: its records and histories first, then the output folder. */
  #reader(records: ReadonlyMap<string, SkillRecord>, histories: ReadonlyMap<string, SkillHistory>): PublishedReader {
    const byDigest = new Map([...records.values()].map((record) => [record.digest, record]));
    const outDir = this.#outDir;
    return {
      record: async (digest) => byDigest.get(digest) ?? readDerived(join(outDir, SITE_LAYOUT.record(digest)), SkillRecordSchema),
      history: async (publisher, name) => {
        const history = histories.get(`${publisher}/${name}`) ?? (await readParsed(join(outDir, SITE_LAYOUT.history(publisher, name)), SkillHistorySchema));
        return history ?? { schemaVersion: 1, publisher, name, versions: [] };
      },
      osvIndex: async (): Promise<OsvIndex | undefined> => readDerived(join(outDir, SITE_LAYOUT.osvIndex), OsvIndexSchema),
      advisory: async (id): Promise<OsvAdvisory | undefined> => readDerived(join(outDir, SITE_LAYOUT.osvAdvisory(id)), OsvAdvisorySchema),
    };
  }

  /** Badges of skills no longer indexed are removed, so an old badge cannot vouch for a dropped skill. */
  async #removeStaleBadges(index: RegistryIndex): Promise<void> {
    const current = new Set(index.skills.map((line) => SITE_LAYOUT.badge(line.publisher, line.name)));
    const badgeDir = join(this.#outDir, SITE_LAYOUT.badgeDir);
    const entries = await readdir(badgeDir, { recursive: true, withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      if (!entry.isFile() || !entry.name.endsWith('.svg')) continue;
      const path = join(entry.parentPath, entry.name);
      if (!current.has(relative(this.#outDir, path).split(sep).join('/'))) await rm(path, { force: true });
    }
  }
}
