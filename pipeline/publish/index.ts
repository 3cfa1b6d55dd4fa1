/**
 * Publish stage: writes the static JSON API, archives and bundles into the output folder. Per-digest
 * files are immutable once written; the index is written last, so a failed run leaves the previous
 * published state in force. Every write is atomic.
 */
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic, writeJsonAtomic } from '../../core/index.ts';
import {
  RegistryIndexSchema,
  SkillHistorySchema,
  type IndexEntry,
  type RegistryIndex,
  type RevocationList,
  type SkillHistory,
  type SkillRecord,
  type TrustPolicy,
} from '../../schemas/index.ts';

/** One audited skill to publish. */
export interface PublishItem {
  /** Its record (already validated against the schema). */
  record: SkillRecord;
  /** The audited archive bytes. */
  archive: Uint8Array;
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
}

/** What a publish did. */
export interface PublishSummary {
  /** Skills in the new index. */
  indexed: number;
  /** Files written (unchanged files are not rewritten). */
  written: number;
}

/** Role: makes audited skills available. */
export interface Publisher {
  publish(input: PublishInput): Promise<PublishSummary>;
}

const hex = (digest: string) => digest.slice('sha256:'.length);

/** Site-relative paths of a digest's files. */
export function publishedPaths(digest: string): { record: string; bundle: string; archive: string } {
  return { record: `api/digests/${hex(digest)}.json`, bundle: `api/digests/${hex(digest)}.sigstore.json`, archive: `api/archives/${hex(digest)}.tar.gz` };
}

async function readJson(path: string): Promise<unknown> {
  return JSON.parse(await readFile(path, 'utf8')) as unknown;
}

/** Reads the published index in `outDir`, or undefined when there is none yet. */
export async function readPublishedIndex(outDir: string): Promise<RegistryIndex | undefined> {
  try {
    return RegistryIndexSchema.parse(await readJson(join(outDir, 'api', 'index.json')));
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

  async #writeJson(relative: string, value: unknown): Promise<void> {
    await this.#write(relative, `${JSON.stringify(value, null, 2)}\n`);
  }

  async publish(input: PublishInput): Promise<PublishSummary> {
    this.#written = 0;
    const revoked = new Map((input.revocations?.list.revocations ?? []).map((revocation) => [revocation.digest, revocation]));
    const previous = await readPublishedIndex(this.#outDir);
    const records = new Map<string, SkillRecord>();

    // 1. Immutable per-digest files: archive, bundle, record.
    for (const item of input.items) {
      const revocation = revoked.get(item.record.digest);
      const record: SkillRecord = revocation ? { ...item.record, trust: 'revoked', revoked: revocation } : item.record;
      const paths = publishedPaths(record.digest);
      await this.#write(paths.archive, item.archive);
      if (item.bundle !== null) await this.#writeJson(paths.bundle, item.bundle);
      await this.#writeJson(paths.record, record);
      records.set(`${record.publisher}/${record.name}`, record);
    }

    // 2. Histories: every published version of each skill, newest first.
    for (const record of records.values()) {
      const relative = `api/skills/${record.publisher}/${record.name}.json`;
      const before = await readJson(join(this.#outDir, relative)).then((value) => SkillHistorySchema.parse(value), () => undefined);
      const line = { version: record.version, digest: record.digest, verdict: record.verdict, trust: record.trust, auditedAt: record.auditedAt, record: publishedPaths(record.digest).record };
      const history: SkillHistory = {
        schemaVersion: 1,
        publisher: record.publisher,
        name: record.name,
        versions: [line, ...(before?.versions ?? []).filter((version) => version.digest !== record.digest)],
      };
      await this.#writeJson(relative, history);
    }

    // 3. Trust policy and the signed revocation list.
    if (input.trust) await this.#writeJson('api/trust.json', input.trust);
    if (input.revocations) await this.#writeJson('api/revocations.json', input.revocations.bundle);

    // 4. The index, last: until it is renamed into place, readers see the previous state.
    const lines = new Map<string, IndexEntry>();
    for (const line of previous?.skills ?? []) {
      const id = `${line.publisher}/${line.name}`;
      if (input.entries.has(id) && input.keepPrevious.has(id)) {
        const revocation = revoked.get(line.digest);
        lines.set(id, revocation ? { ...line, trust: 'revoked' } : line);
      }
    }
    for (const [id, record] of records) lines.set(id, indexEntry(record));
    const index: RegistryIndex = {
      schemaVersion: 1,
      registry: input.registry,
      generatedAt: input.now.toISOString(),
      skills: [...lines.values()].sort((a, b) => a.publisher.localeCompare(b.publisher) || a.name.localeCompare(b.name)),
    };
    await writeJsonAtomic(join(this.#outDir, 'api', 'index.json'), RegistryIndexSchema.parse(index));
    this.#written += 1;
    return { indexed: index.skills.length, written: this.#written };
  }
}
