/**
 * Sharding: which slice of the registry a job of a CI matrix audits. An entry's shard is fixed by a hash
 * of its id (`publisher/name`), so it stays in the same shard while its versions, the other entries and
 * the rules change; a published skill's shard in re-validation is fixed by its digest.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SkillRegistryError, sha256Hex, writeFileAtomic } from '../core/index.ts';
import { SHARD_MANIFEST_FILE, SITE_LAYOUT, ShardManifestSchema, SkillRecordSchema, describeZodError, type ShardManifest, type ShardManifestInput } from '../schemas/index.ts';
import type { PublishItem } from './publish/index.ts';

/** One slice of a sharded run: shard `index` of `count` (`--shard index/count`). */
export interface Shard {
  /** 0-based index of this shard. */
  index: number;
  /** How many shards the run is split into. */
  count: number;
}

/**
 * Most shards of a run: GitHub Actions runs at most 256 jobs of one matrix, and more shards than that
 * would each hold a handful of skills of a 10,000-skill registry.
 */
export const MAX_SHARDS = 256;

/** Codes of {@link ShardError}. */
export type ShardErrorCode =
  /** `--shard` is not `I/N` with 0 ≤ I < N ≤ 256. */
  | 'BAD_SHARD'
  /** The shard outputs given to a merge are not every shard of one run, each once. */
  | 'MISSING_SHARD'
  /** The shard outputs were made from another registry, other rules or another signer than the merge. */
  | 'SHARD_MISMATCH'
  /** A shard output is unreadable, incomplete or altered. */
  | 'DAMAGED_SHARD';

/** A shard cannot be built or merged as asked; the message says what to change. */
export class ShardError extends SkillRegistryError<ShardErrorCode> {}

/** Reads `I/N` (as `--shard` takes it). */
export function parseShard(text: string): Shard {
  const match = /^(\d{1,3})\/(\d{1,3})$/.exec(text.trim());
  const shard = match ? { index: Number(match[1]), count: Number(match[2]) } : undefined;
  if (!shard || shard.count < 1 || shard.count > MAX_SHARDS || shard.index >= shard.count) {
    throw new ShardError('BAD_SHARD', `--shard ${JSON.stringify(text)} is not I/N with 0 ≤ I < N ≤ ${MAX_SHARDS}. Give e.g. --shard 0/4 for the first of four shards.`, { where: '--shard' });
  }
  return shard;
}

/** The shard (of `count`) an entry belongs to: the first 32 bits of the SHA-256 of its id `publisher/name`, modulo `count`. */
export function shardOfEntry(id: string, count: number): number {
  return Number.parseInt(sha256Hex(id).slice(0, 8), 16) % count;
}

/** Whether an entry belongs to a shard (every entry does when there is none). */
export function entryInShard(id: string, shard?: Shard): boolean {
  return !shard || shard.count <= 1 || shardOfEntry(id, shard.count) === shard.index;
}

/** Whether a digest belongs to a shard: its first 32 bits modulo the shard count. */
export function inShard(digest: string, shard?: Shard): boolean {
  if (!shard || shard.count <= 1) return true;
  return Number.parseInt(digest.slice('sha256:'.length, 'sha256:'.length + 8), 16) % shard.count === shard.index;
}

/** One shard's part of a build: what it did to each of its entries, and the skills it accepted. */
export interface ShardPart {
  /** The shard's manifest. */
  manifest: ShardManifest;
  /** Accepted skills, in the manifest's order. */
  items: PublishItem[];
}

function jsonText(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/**
 * Writes a shard's part into `dir`: each accepted skill's record (as audited, before any revocation
 * applies), bundle and archive at its published path, then `shard.json` last, so a part whose writing
 * stopped half-way has no (new) manifest.
 */
export async function writeShardPart(dir: string, manifest: ShardManifestInput, items: readonly PublishItem[]): Promise<void> {
  for (const item of items) {
    const digest = item.record.digest;
    await writeFileAtomic(join(dir, SITE_LAYOUT.archive(digest)), await item.archive());
    if (item.bundle !== null) await writeFileAtomic(join(dir, SITE_LAYOUT.bundle(digest)), jsonText(item.bundle));
    await writeFileAtomic(join(dir, SITE_LAYOUT.record(digest)), jsonText(item.record));
  }
  await writeFileAtomic(join(dir, SHARD_MANIFEST_FILE), jsonText(ShardManifestSchema.parse(manifest)));
}

/** Reads a file of a shard's part, naming the part when it is missing. */
async function partFile(dir: string, relative: string): Promise<Buffer> {
  try {
    return await readFile(join(dir, relative));
  } catch (error) {
    throw new ShardError('DAMAGED_SHARD', `The shard output ${dir} has no ${relative} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}). Give the folder a shard build wrote (its --out DIR/published), complete: download its artifact again or rebuild that shard.`, { where: join(dir, relative), cause: error });
  }
}

/** Reads a JSON file of a shard's part. */
async function partJson(dir: string, relative: string): Promise<unknown> {
  const bytes = await partFile(dir, relative);
  try {
    return JSON.parse(bytes.toString('utf8')) as unknown;
  } catch (error) {
    throw new ShardError('DAMAGED_SHARD', `${join(dir, relative)} is not JSON (${(error as Error).message}). The shard output was cut short or altered: rebuild that shard.`, { where: join(dir, relative) });
  }
}

/** Reads a shard's part and checks that every accepted skill's files are there and match its record. */
export async function readShardPart(dir: string): Promise<ShardPart> {
  const value = await partJson(dir, SHARD_MANIFEST_FILE);
  const parsed = ShardManifestSchema.safeParse(value);
  if (!parsed.success) throw new ShardError('DAMAGED_SHARD', `${join(dir, SHARD_MANIFEST_FILE)} is not a shard manifest (${describeZodError(parsed.error, 'shard')}). Rebuild that shard with this version of skill-registry.`, { where: join(dir, SHARD_MANIFEST_FILE) });
  const manifest = parsed.data;
  const items: PublishItem[] = [];
  for (const entry of manifest.entries) {
    const digest = entry.digest;
    if (digest === undefined) continue;
    const where = join(dir, SITE_LAYOUT.record(digest));
    const record = SkillRecordSchema.safeParse(await partJson(dir, SITE_LAYOUT.record(digest)));
    if (!record.success || record.data.digest !== digest || `${record.data.publisher}/${record.data.name}` !== entry.id) {
      throw new ShardError('DAMAGED_SHARD', `${where} is not the record of ${entry.id} at ${digest}. The shard output was altered or mixed with another: rebuild that shard.`, { where });
    }
    const archive = await partFile(dir, SITE_LAYOUT.archive(digest));
    if (sha256Hex(archive) !== record.data.archive.sha256 || archive.length !== record.data.archive.size) {
      throw new ShardError('DAMAGED_SHARD', `The archive of ${entry.id} in ${dir} does not match its record's SHA-256. The shard output was altered: rebuild that shard.`, { where: join(dir, SITE_LAYOUT.archive(digest)) });
    }
    const bundle = record.data.attestation === null ? null : await partJson(dir, SITE_LAYOUT.bundle(digest));
    items.push({ record: record.data, archive: () => partFile(dir, SITE_LAYOUT.archive(digest)), bundle });
  }
  return { manifest, items };
}
