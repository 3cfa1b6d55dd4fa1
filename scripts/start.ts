/**
 * `npm start` / `npm run build`: audits a registry folder (default: the bundled example registry),
 * publishes its records, builds the catalog and, unless `--no-serve`, serves it.
 *
 *   npm start [-- --registry DIR] [--out DIR] [--port N] [--host H]
 *   npm run build [-- --registry DIR] [--out DIR] [--site DIR]     records in OUT/published, catalog in OUT/site
 *   npm run build -- --audit-only          audit into the cache; sign, publish and build nothing
 *   npm run build -- --require-cached      sign and publish only what the cache holds; run no audit
 *   npm run build -- --allow-invalid       exit 0 even when entries are invalid (they are still listed)
 *   npm run build -- --shard I/N           build only shard I of N (entries by a hash of their id) and write
 *                                          its part to OUT/published for the merge; no catalog
 *   npm run build -- --merge PART…         publish the parts of every shard of a build (each a shard's
 *                                          --out folder) as one registry, and build the catalog
 *
 * The last two split a public registry's publish workflow: a job with no secrets runs the dry runs,
 * a job with the signing identity runs no skill code at all. `--shard` splits either job across a CI
 * matrix (`--audit-only --shard I/N`, then `--require-cached --shard I/N`), and `--merge` publishes the
 * shards' parts, the same files an unsharded build publishes.
 * `--out DIR` puts everything under DIR: the records in DIR/published, the catalog in DIR/site
 * (`verify --registry DIR` reads it). PORT and HOST are respected. The build lists what it refused and
 * why, prints every warning's reasons, and publishes the rest; it exits 1 when any entry is invalid.
 */
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { basename, join, relative, resolve } from 'node:path';
import { buildRegistry, mergeShards, type EntryOutcome } from '../pipeline/index.ts';
import { SHARD_MANIFEST_FILE } from '../schemas/index.ts';
import { buildExampleRepos } from './example-repos.ts';
import { buildSite, serveSite } from './site.ts';
import { shardOption } from './shard-option.ts';

const root = resolve(import.meta.dirname, '..');
const usage = 'Usage: npm run build -- [--registry DIR] [--out DIR] [--site DIR] [--cache DIR] [--audit-only | --require-cached] [--shard I/N] [--skip-dry-run REASON] [--allow-invalid]\n       npm run build -- --merge [--registry DIR] [--out DIR] [--site DIR] SHARD_OUT…\n';
let parsed;
try {
  parsed = parseArgs({
    options: {
      registry: { type: 'string' },
      out: { type: 'string' },
      site: { type: 'string' },
      cache: { type: 'string' },
      port: { type: 'string' },
      host: { type: 'string' },
      'no-serve': { type: 'boolean' },
      'audit-only': { type: 'boolean' },
      'require-cached': { type: 'boolean' },
      'skip-dry-run': { type: 'string' },
      'allow-invalid': { type: 'boolean' },
      shard: { type: 'string' },
      merge: { type: 'boolean' },
    },
    allowPositionals: true,
    strict: true,
  });
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n${usage}`);
  process.exit(2);
}
const { values, positionals } = parsed;
const shard = shardOption(values.shard);
if (values.merge ? positionals.length === 0 || shard || values['audit-only'] || values['require-cached'] : positionals.length > 0) {
  process.stderr.write(`${values.merge ? '--merge takes the output folder of every shard, and no --shard, --audit-only or --require-cached.' : `Unexpected argument ${JSON.stringify(positionals[0])}: only --merge takes folders.`}\n${usage}`);
  process.exit(2);
}

const bundled = values.registry === undefined;
const registryDir = resolve(values.registry ?? join(root, 'registry'));
// One build folder per registry: its records in published/ and its catalog in site/, so building one
// registry never replaces the catalog another process serves. The bundled example keeps the checkout's
// .cache/published and dist/site unless --out is given.
const buildDir = values.out !== undefined ? resolve(values.out) : bundled ? undefined : join(registryDir, '..', `.${basename(registryDir)}-build`);
const outDir = buildDir ? join(buildDir, 'published') : join(root, '.cache', 'published');
const siteDir = resolve(values.site ?? (buildDir ? join(buildDir, 'site') : join(root, 'dist', 'site')));
const cacheDir = resolve(values.cache ?? join(root, '.cache', 'pipeline'));

function describe(outcome: EntryOutcome): string {
  const head = `  ${outcome.id ?? outcome.file} (${outcome.file})`;
  return [head, ...outcome.reasons.map((reason) => `      ${reason}`)].join('\n');
}

/** The folder holding a shard's part: the folder given, or its published/ (a shard build's --out). */
function shardPart(dir: string): string {
  const given = resolve(dir);
  return existsSync(join(given, SHARD_MANIFEST_FILE)) ? given : join(given, 'published');
}

const started = Date.now();
const log = (line: string) => process.stdout.write(`${line}\n`);
let published: { id?: string; digest?: string }[];
if (values.merge) {
  process.stdout.write(`Merging ${positionals.length} shard outputs into ${outDir}…\n`);
  const merged = await mergeShards({ registryDir, outDir, shardDirs: positionals.map(shardPart), log });
  const count = (status: string) => merged.entries.filter((entry) => entry.status === status).length;
  published = merged.entries.filter((entry) => entry.status === 'published');
  process.stdout.write(`\nMerged ${merged.shards} shards: published ${count('published')}, refused ${count('refused')}, invalid ${count('invalid')} (index: ${merged.indexed} skills) in ${((Date.now() - started) / 1000).toFixed(1)} s → ${outDir}\nEach shard's log lists its refused and invalid entries with the reasons.\n`);
  if (count('invalid') > 0 && !values['allow-invalid']) process.exitCode = 1;
} else {
  if (bundled) {
    process.stdout.write('Building the example skill repositories…\n');
    await buildExampleRepos(join(root, 'examples', '.repos'));
  }
  process.stdout.write(`Auditing ${registryDir}${shard ? ` (shard ${shard.index}/${shard.count})` : ''}…\n`);
  const summary = await buildRegistry({
    registryDir,
    outDir,
    cacheDir,
    skipDryRun: values['skip-dry-run'],
    dryRunOnly: values['audit-only'],
    requireCached: values['require-cached'],
    shard,
    log,
  });
  const accepted = summary.outcomes.filter((outcome) => outcome.status === 'published');
  published = accepted;
  const refused = summary.outcomes.filter((outcome) => outcome.status === 'refused');
  const invalid = summary.outcomes.filter((outcome) => outcome.status === 'invalid');
  process.stdout.write(`\n${values['audit-only'] || shard ? 'Accepted' : 'Published'} ${accepted.length}, refused ${refused.length}, invalid ${invalid.length} (index: ${summary.indexed} skills) in ${((Date.now() - started) / 1000).toFixed(1)} s → ${outDir}\n`);
  const warned = accepted.filter((outcome) => outcome.verdict === 'warn');
  if (warned.length > 0) process.stdout.write(`\nPublished with warnings (each reason in one line):\n${warned.map(describe).join('\n')}\n`);
  if (refused.length > 0) process.stdout.write(`\nRefused (audit verdict fail, not published):\n${refused.map(describe).join('\n')}\n`);
  if (invalid.length > 0) process.stdout.write(`\nInvalid (fix the entry or the skill; anything published before is kept):\n${invalid.map(describe).join('\n')}\n`);
  // A registry with an entry nobody could read is broken: the build says so by its exit status (after
  // publishing the rest). A refused skill is the audit working, not a broken build.
  // A publish workflow that must publish the rest regardless says so with --allow-invalid.
  if (invalid.length > 0 && !values['allow-invalid']) process.exitCode = 1;

  if (values['audit-only']) {
    process.stdout.write(`\nAudit only: results are in ${cacheDir}; nothing was signed or published.\n`);
    process.exit(process.exitCode ?? 0);
  }
  if (shard) {
    process.stdout.write(`\nShard ${shard.index}/${shard.count}: its part is in ${outDir}. Publish the parts of all ${shard.count} shards with: npm run build -- --merge --out DIR PART…\n`);
    process.exit(process.exitCode ?? 0);
  }
}

process.stdout.write('\nBuilding the catalog…\n');
const site = await buildSite({ dataDir: outDir, outDir: siteDir });
process.stdout.write(`Catalog: ${site.pages} pages in ${site.outDir}\n`);
const shownDir = relative(process.cwd(), buildDir ?? site.outDir) || '.';
const example = published.find((skill) => skill.digest);
process.stdout.write(`Check a skill against this build: npx skill-registry verify ${example?.digest ?? 'sha256:<digest>'} --registry ${shownDir}\n`);

if (!values['no-serve']) {
  const port = Number(values.port ?? process.env.PORT ?? 4321);
  const host = values.host ?? process.env.HOST ?? 'localhost';
  const server = await serveSite({ outDir: site.outDir, port, host });
  process.stdout.write(`\nServing the catalog at ${server.url} (Ctrl-C to stop)\n`);
  const stop = async () => {
    await server.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
