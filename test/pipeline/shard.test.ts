import { spawn } from 'node:child_process';
import { cp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildRegistry, entryInShard, mergeShards, parseShard, shardOfEntry, type BuildOptions, type BuildSummary } from '../../pipeline/index.ts';
import { RegistryIndexSchema, SHARD_MANIFEST_FILE, SITE_LAYOUT, ShardManifestSchema } from '../../schemas/index.ts';
import { generateRegistry } from '../../scripts/gen-registry.ts';
import { createSigner, type SerializedBundle, type Signer } from '../../signing/index.ts';
import { tempDir } from '../factories/git.ts';

const SHARDS = 3;
const FIRST = new Date('2026-11-01T00:00:00Z');
const SECOND = new Date('2026-11-08T00:00:00Z');

/**
 * The test key's signer, signing each payload once. ECDSA signatures are randomised, so two builds that
 * sign the same statements would differ only there; with this, equal statements carry equal bundles,
 * and a statement that differed between the builds would be signed anew and fail the comparison.
 */
function signingEachPayloadOnce(signer: Signer): Signer {
  const made = new Map<string, Promise<SerializedBundle>>();
  return {
    trust: signer.trust,
    sign(payload, payloadType) {
      const key = `${payloadType}\n${Buffer.from(payload).toString('base64')}`;
      if (!made.has(key)) made.set(key, signer.sign(payload, payloadType));
      return made.get(key)!;
    },
  };
}

/** Every file under `dir`, relative and `/`-separated, sorted. */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split('\\').join('/'))
    .sort();
}

/** Paths whose bytes differ between two folders (or that only one has). */
async function differences(left: string, right: string): Promise<string[]> {
  const [leftFiles, rightFiles] = await Promise.all([filesUnder(left), filesUnder(right)]);
  const all = [...new Set([...leftFiles, ...rightFiles])].sort();
  const differing: string[] = [];
  for (const path of all) {
    const [a, b] = await Promise.all([readFile(join(left, path)).catch(() => undefined), readFile(join(right, path)).catch(() => undefined)]);
    if (!a || !b || Buffer.compare(a, b) !== 0) differing.push(path);
  }
  return differing;
}

describe('a sharded build', () => {
  let work: string;
  let registryDir: string;
  let signer: Signer;
  let unsharded: BuildSummary;
  let shards: BuildSummary[];
  const partDir = (index: number) => join(work, `part-${index}`);
  const common = (): Omit<BuildOptions, 'outDir' | 'cacheDir'> => ({ registryDir, signer, skipDryRun: 'sharding test: the dry run is not what is compared', now: FIRST });

  /** One build per shard, each with its own cache (as separate CI jobs have), writing its part. */
  async function buildShards(now: Date): Promise<BuildSummary[]> {
    const summaries: BuildSummary[] = [];
    for (let index = 0; index < SHARDS; index += 1) {
      await rm(partDir(index), { recursive: true, force: true });
      summaries.push(await buildRegistry({ ...common(), now, outDir: partDir(index), cacheDir: join(work, `cache-${index}`), shard: { index, count: SHARDS }, concurrency: 1 }));
    }
    return summaries;
  }

  beforeAll(async () => {
    work = await tempDir();
    const generated = await generateRegistry({ count: 12, outDir: join(work, 'generated'), seed: 'shards' });
    registryDir = generated.registryDir;
    // One entry nobody can read, beside the generated ones (which include one made to fail).
    const publisher = generated.skills[0].id.split('/')[0];
    await writeFile(join(registryDir, 'skills', publisher, 'unreadable.yaml'), 'schemaVersion: 3\nname: unreadable\n');
    signer = signingEachPayloadOnce((await createSigner({ mode: 'key' }, { devKeyDir: join(work, 'keys') })).signer);
    // Several entries at once, as on any machine with more than one core; the shards one at a time.
    unsharded = await buildRegistry({ ...common(), outDir: join(work, 'unsharded'), cacheDir: join(work, 'cache-unsharded'), concurrency: 4 });
    shards = await buildShards(FIRST);
    // The parts in another order than their indexes: the merge must not depend on it.
    await mergeShards({ registryDir, outDir: join(work, 'merged'), shardDirs: [partDir(2), partDir(0), partDir(1)], signer, now: FIRST });
  }, 900_000);

  it('audits every entry in exactly one shard, with the outcome the unsharded build gives it', () => {
    const statusOf = (summary: BuildSummary) => summary.outcomes.map((outcome) => [outcome.file, outcome.status, outcome.digest ?? null]);
    const fromShards = shards.flatMap(statusOf).sort((a, b) => String(a[0]).localeCompare(String(b[0])));
    expect(fromShards).toEqual(statusOf(unsharded));
    expect(new Set(unsharded.outcomes.map((outcome) => outcome.status))).toEqual(new Set(['published', 'refused', 'invalid']));
    expect(shards.every((summary) => summary.outcomes.length > 0 && summary.indexed === 0)).toBe(true);
  });

  it('writes each shard a manifest of its entries and the files of the skills it accepted', async () => {
    for (const [index, summary] of shards.entries()) {
      const manifest = ShardManifestSchema.parse(JSON.parse(await readFile(join(partDir(index), SHARD_MANIFEST_FILE), 'utf8')));
      expect(manifest.shard).toEqual({ index, count: SHARDS });
      expect(manifest.entries.map((entry) => [entry.file, entry.status])).toEqual(summary.outcomes.map((outcome) => [outcome.file, outcome.status]));
      for (const entry of manifest.entries.filter((line) => line.digest)) {
        expect(await filesUnder(partDir(index))).toEqual(expect.arrayContaining([SITE_LAYOUT.record(entry.digest!), SITE_LAYOUT.bundle(entry.digest!), SITE_LAYOUT.archive(entry.digest!)]));
      }
    }
  });

  it('publishes, merged, exactly the files the unsharded build publishes, byte for byte', async () => {
    const index = RegistryIndexSchema.parse(JSON.parse(await readFile(join(work, 'merged', SITE_LAYOUT.index), 'utf8')));
    expect(index.skills.length).toBe(unsharded.outcomes.filter((outcome) => outcome.status === 'published').length);
    expect(await filesUnder(join(work, 'merged'))).toEqual(expect.arrayContaining([SITE_LAYOUT.index, SITE_LAYOUT.revocations, SITE_LAYOUT.trust, SITE_LAYOUT.marketplace, SITE_LAYOUT.feed, ...index.skills.map((skill) => SITE_LAYOUT.bundle(skill.digest))]));
    expect(await differences(join(work, 'unsharded'), join(work, 'merged'))).toEqual([]);
  });

  it('is the build of one entry at a time: the same outcomes in the same order, the same files byte for byte', async () => {
    const oneAtATime = await buildRegistry({ ...common(), outDir: join(work, 'one-at-a-time'), cacheDir: join(work, 'cache-one-at-a-time'), concurrency: 1 });
    // Everything but how long each scan took.
    const untimed = (summary: BuildSummary) => JSON.parse(JSON.stringify(summary.outcomes, (key, value: unknown) => (key === 'milliseconds' ? undefined : value))) as unknown;
    expect(untimed(oneAtATime)).toEqual(untimed(unsharded));
    expect(await differences(join(work, 'unsharded'), join(work, 'one-at-a-time'))).toEqual([]);
  });

  it('stays equal on the next build, when an entry breaks, another leaves the registry and a third is revoked', async () => {
    const index = RegistryIndexSchema.parse(JSON.parse(await readFile(join(work, 'unsharded', SITE_LAYOUT.index), 'utf8')));
    const [broken, removed, revoked] = index.skills;
    await writeFile(join(registryDir, 'skills', broken.publisher, `${broken.name}.yaml`), 'schemaVersion: 1\nname: [unclosed\n');
    await rm(join(registryDir, 'skills', removed.publisher, `${removed.name}.yaml`));
    await writeFile(join(registryDir, 'revocations.yaml'), `schemaVersion: 1\nrevocations:\n  - { digest: ${revoked.digest}, reason: Caught by a newer rule in this test., date: 2026-11-05 }\n`);
    await buildRegistry({ ...common(), now: SECOND, outDir: join(work, 'unsharded'), cacheDir: join(work, 'cache-unsharded') });
    await buildShards(SECOND);
    await mergeShards({ registryDir, outDir: join(work, 'merged'), shardDirs: [0, 1, 2].map(partDir), signer, now: SECOND });
    const after = RegistryIndexSchema.parse(JSON.parse(await readFile(join(work, 'merged', SITE_LAYOUT.index), 'utf8')));
    // The broken entry keeps what was published for it; the removed one is dropped.
    expect(after.skills.map((skill) => skill.digest)).toContain(broken.digest);
    expect(after.skills.map((skill) => `${skill.publisher}/${skill.name}`)).not.toContain(`${removed.publisher}/${removed.name}`);
    expect(after.skills.find((skill) => skill.digest === revoked.digest)?.trust).toBe('revoked');
    expect(await differences(join(work, 'unsharded'), join(work, 'merged'))).toEqual([]);
  });

  describe('a merge', () => {
    const merge = (shardDirs: string[], options: { signer?: Signer } = {}) => mergeShards({ registryDir, outDir: join(work, 'refused-merge'), shardDirs, signer: options.signer ?? signer, now: SECOND });

    it('refuses when a shard is missing, given twice, or from a build of another width', async () => {
      await expect(merge([partDir(0), partDir(1)])).rejects.toMatchObject({ name: 'ShardError', code: 'MISSING_SHARD' });
      await expect(merge([partDir(0), partDir(1), partDir(1)])).rejects.toMatchObject({ code: 'MISSING_SHARD' });
      const other = join(work, 'other-width');
      await buildRegistry({ ...common(), now: SECOND, outDir: other, cacheDir: join(work, 'cache-0'), shard: { index: 3, count: 4 } });
      await expect(merge([partDir(0), partDir(1), partDir(2), other])).rejects.toMatchObject({ code: 'MISSING_SHARD' });
    });

    it('refuses a part whose archive was altered, or whose manifest is not one', async () => {
      const altered = join(work, 'altered');
      await cp(partDir(0), altered, { recursive: true });
      const manifest = ShardManifestSchema.parse(JSON.parse(await readFile(join(altered, SHARD_MANIFEST_FILE), 'utf8')));
      const published = manifest.entries.find((entry) => entry.digest)!;
      await writeFile(join(altered, SITE_LAYOUT.archive(published.digest!)), 'not the audited files');
      await expect(merge([altered, partDir(1), partDir(2)])).rejects.toMatchObject({ code: 'DAMAGED_SHARD' });
      await writeFile(join(altered, SHARD_MANIFEST_FILE), JSON.stringify({ ...manifest, schemaVersion: 2 }));
      await expect(merge([altered, partDir(1), partDir(2)])).rejects.toMatchObject({ code: 'DAMAGED_SHARD' });
    });

    it('refuses parts signed by another signer than the merge', async () => {
      const { signer: stranger } = await createSigner({ mode: 'key' }, { devKeyDir: join(work, 'other-keys') });
      await expect(merge([0, 1, 2].map(partDir), { signer: stranger })).rejects.toMatchObject({ code: 'SHARD_MISMATCH' });
    });
  });
});

describe('shard assignment', () => {
  it('puts every entry in exactly one shard, by a hash of its id alone', () => {
    const ids = Array.from({ length: 200 }, (_, index) => `publisher-${index % 7}/skill-${index}`);
    for (const count of [1, 2, 3, 8]) {
      for (const id of ids) expect(Array.from({ length: count }, (_, index) => index).filter((index) => entryInShard(id, { index, count }))).toEqual([shardOfEntry(id, count)]);
    }
    // The first 32 bits of SHA-256("acme/csv-stats") are 0xfbaea6c2: a fixed vector, so a change to the hash is caught.
    expect(shardOfEntry('acme/csv-stats', 1000)).toBe(0xfbaea6c2 % 1000);
    // Spread: no shard of eight is empty or holds more than twice its share of 200 entries.
    const sizes = Array.from({ length: 8 }, (_, index) => ids.filter((id) => shardOfEntry(id, 8) === index).length);
    expect(Math.min(...sizes)).toBeGreaterThan(0);
    expect(Math.max(...sizes)).toBeLessThan(50);
  });

  it('reads I/N and refuses anything else', () => {
    expect(parseShard('2/5')).toEqual({ index: 2, count: 5 });
    for (const text of ['5/5', '0/0', '-1/2', '1', 'a/b', '0/257']) expect(() => parseShard(text), text).toThrow(expect.objectContaining({ code: 'BAD_SHARD' }));
  });
});

describe('npm run build -- --shard / --merge', () => {
  const start = join(import.meta.dirname, '..', '..', 'scripts', 'start.ts');
  /** Runs the build script without blocking this process, so the cases run side by side. */
  const run = (args: string[]) =>
    new Promise<{ status: number | null; stderr: string }>((done) => {
      const child = spawn(process.execPath, [start, '--no-serve', ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.on('close', (status) => done({ status, stderr }));
    });

  it('exits 2 on a shard that is not I/N, a merge of no folders, and a folder without --merge', async () => {
    const cases = [['--shard', '4/4'], ['--merge'], ['--merge', '--shard', '0/2', 'x'], ['somewhere']];
    for (const [index, result] of (await Promise.all(cases.map(run))).entries()) {
      expect(result.status, `${cases[index].join(' ')}: ${result.stderr}`).toBe(2);
      expect(result.stderr).toMatch(/Usage: npm run build|--shard/);
    }
  });
});
