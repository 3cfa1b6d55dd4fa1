/**
 * The merge of a sharded build: the parts every shard wrote (`buildRegistry` with `shard`), published as
 * one registry through the same publish step as an unsharded build, so the result is the same files.
 */
import { relative, resolve, sep } from 'node:path';
import { canonicalJson } from '../core/index.ts';
import type { ShardEntry } from '../schemas/index.ts';
import { scannerIdentity } from '../scanner/index.ts';
import { createSigner, type Signer } from '../signing/index.ts';
import { loadRegistryConfig, loadRevocations } from './config.ts';
import { ShardError, readShardPart, type ShardPart } from './shard.ts';
import { listEntryFiles, publishRegistry } from './stages.ts';

/** Options of a merge. */
export interface MergeOptions {
  /** The registry folder the shards were built from. */
  registryDir: string;
  /** The published output folder (persistent between runs, as for an unsharded build). */
  outDir: string;
  /** The folders the shards wrote their parts to, one per shard, in any order. */
  shardDirs: readonly string[];
  /** Signer override (tests); default from the config. It must be the signer the shards signed as. */
  signer?: Signer;
  /** Where a development key lives when none is configured. */
  devKeyDir?: string;
  /** Clock. */
  now?: Date;
  /** Progress lines. */
  log?: (line: string) => void;
}

/** What a merge did. */
export interface MergeSummary {
  /** Every entry of the registry as its shard reported it, in file order. */
  entries: ShardEntry[];
  /** How many shards were merged. */
  shards: number;
  /** Skills in the published index. */
  indexed: number;
  /** A note about signing (e.g. a development key was created). */
  signingNotice?: string;
  /** Output folder. */
  outDir: string;
}

function byFile(a: { file: string }, b: { file: string }): number {
  return a.file < b.file ? -1 : a.file > b.file ? 1 : 0;
}

/** Checks that the parts are shards 0…N−1 of one N-way build, each once. */
function checkComplete(parts: readonly ShardPart[], dirs: readonly string[]): void {
  if (parts.length === 0) throw new ShardError('MISSING_SHARD', 'No shard outputs were given to merge. Give the folder of every shard of the build (e.g. shards/*).');
  const count = parts[0].manifest.shard.count;
  const seen = new Map<number, string>();
  for (const [position, part] of parts.entries()) {
    const { index, count: partCount } = part.manifest.shard;
    if (partCount !== count) throw new ShardError('MISSING_SHARD', `${dirs[position]} is shard ${index}/${partCount}, but ${dirs[0]} is of a ${count}-way build. Merge the shards of one build, all with the same --shard count.`, { where: dirs[position] });
    if (seen.has(index)) throw new ShardError('MISSING_SHARD', `${dirs[position]} and ${seen.get(index)} are both shard ${index}/${count}. Give each shard's output once.`, { where: dirs[position] });
    seen.set(index, dirs[position]);
  }
  const missing = Array.from({ length: count }, (_, index) => index).filter((index) => !seen.has(index));
  if (missing.length > 0) throw new ShardError('MISSING_SHARD', `Shard${missing.length === 1 ? '' : 's'} ${missing.map((index) => `${index}/${count}`).join(', ')} ${missing.length === 1 ? 'is' : 'are'} missing. Give the output of every shard of the build: a registry published without them would drop their skills.`);
}

/** Checks that every part was built from this registry, with these rules, and signed by this signer. */
function checkConsistent(parts: readonly ShardPart[], dirs: readonly string[], expected: { registry: unknown; scanner: unknown; trust: unknown; entries: readonly string[] }): void {
  for (const [position, { manifest }] of parts.entries()) {
    const where = dirs[position];
    const differs = (what: string, fix: string) => new ShardError('SHARD_MISMATCH', `${where} (shard ${manifest.shard.index}/${manifest.shard.count}) was built with ${what} than this merge. ${fix}`, { where });
    if (canonicalJson(manifest.registry) !== canonicalJson(expected.registry)) throw differs('another registry name or URL', 'Build every shard and the merge from the same registry folder.');
    if (canonicalJson(manifest.scanner) !== canonicalJson(expected.scanner)) throw differs('other scanner rules or policy', 'Build every shard and the merge from the same commit.');
    if (canonicalJson(manifest.trust) !== canonicalJson(expected.trust)) throw differs('another signer', 'Give every shard and the merge the same signing key or keyless identity.');
  }
  const merged = parts.flatMap((part) => part.manifest.entries.map((entry) => entry.file)).sort();
  if (canonicalJson(merged) !== canonicalJson(expected.entries)) {
    const have = new Set(merged);
    const want = new Set(expected.entries);
    const missing = expected.entries.filter((file) => !have.has(file));
    const extra = merged.filter((file) => !want.has(file));
    throw new ShardError('SHARD_MISMATCH', `The shards' entries are not the registry's entries (${missing.length > 0 ? `not in any shard: ${missing.slice(0, 3).join(', ')}` : ''}${missing.length > 0 && extra.length > 0 ? '; ' : ''}${extra.length > 0 ? `not in the registry: ${extra.slice(0, 3).join(', ')}` : ''}). Build every shard and the merge from the same commit of the registry.`);
  }
}

/**
 * Publishes the parts of every shard of a build as one registry: the accepted skills of all shards, the
 * previous state of every entry a shard refused or could not read, and a revocation list signed here.
 */
export async function mergeShards(options: MergeOptions): Promise<MergeSummary> {
  const log = options.log ?? (() => undefined);
  const registryDir = resolve(options.registryDir);
  const config = await loadRegistryConfig(registryDir);
  const parts: ShardPart[] = [];
  for (const dir of options.shardDirs) parts.push(await readShardPart(dir));
  checkComplete(parts, options.shardDirs);
  const { signer, notice }: { signer: Signer; notice?: string } = options.signer ? { signer: options.signer } : await createSigner(config.signing, { devKeyDir: options.devKeyDir });
  if (notice) log(notice);
  const entryFiles = (await listEntryFiles(registryDir)).map((path) => relative(registryDir, path).split(sep).join('/'));
  checkConsistent(parts, options.shardDirs, { registry: { name: config.name, url: config.url }, scanner: await scannerIdentity(), trust: signer.trust, entries: entryFiles });

  const entries = parts.flatMap((part) => part.manifest.entries).sort(byFile);
  // The accepted skills in registry file order, as an unsharded build lists them.
  const itemOf = new Map(parts.flatMap((part) => part.items).map((item) => [`${item.record.publisher}/${item.record.name}`, item]));
  const items = entries.flatMap((entry) => itemOf.get(entry.id) ?? []);
  const indexed = await publishRegistry({
    outDir: options.outDir,
    registryDir,
    config,
    revocations: await loadRevocations(registryDir),
    signer,
    now: options.now ?? new Date(),
    log,
    items,
    entries: new Set(entries.map((entry) => entry.id)),
    keepPrevious: new Set(entries.filter((entry) => entry.status !== 'published').map((entry) => entry.id)),
  });
  return { entries, shards: parts.length, indexed, signingNotice: notice, outDir: options.outDir };
}
