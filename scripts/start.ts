/**
 * `npm start` / `npm run build`: audits a registry folder (default: the bundled example registry),
 * publishes its records, builds the catalog and, unless `--no-serve`, serves it.
 *
 *   npm start [-- --registry DIR] [--out DIR] [--port N] [--host H]
 *   npm run build [-- --registry DIR] [--out DIR] [--site DIR]     records in OUT/published, catalog in OUT/site
 *   npm run build -- --audit-only          audit into the cache; sign, publish and build nothing
 *   npm run build -- --require-cached      sign and publish only what the cache holds; run no audit
 *   npm run build -- --allow-invalid       exit 0 even when entries are invalid (they are still listed)
 *
 * The last two split a public registry's publish workflow: a job with no secrets runs the dry runs,
 * a job with the signing identity runs no skill code at all.
 * `--out DIR` puts everything under DIR: the records in DIR/published, the catalog in DIR/site
 * (`verify --registry DIR` reads it). PORT and HOST are respected. The build lists what it refused and
 * why, prints every warning's reasons, and publishes the rest; it exits 1 when any entry is invalid.
 */
import { parseArgs } from 'node:util';
import { basename, join, relative, resolve } from 'node:path';
import { buildRegistry, type EntryOutcome } from '../pipeline/index.ts';
import { buildExampleRepos } from './example-repos.ts';
import { buildSite, serveSite } from './site.ts';

const root = resolve(import.meta.dirname, '..');
const { values } = parseArgs({
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
  },
  strict: true,
});

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

const started = Date.now();
if (bundled) {
  process.stdout.write('Building the example skill repositories…\n');
  await buildExampleRepos(join(root, 'examples', '.repos'));
}
process.stdout.write(`Auditing ${registryDir}…\n`);
const summary = await buildRegistry({
  registryDir,
  outDir,
  cacheDir,
  skipDryRun: values['skip-dry-run'],
  dryRunOnly: values['audit-only'],
  requireCached: values['require-cached'],
  log: (line) => process.stdout.write(`${line}\n`),
});
const published = summary.outcomes.filter((outcome) => outcome.status === 'published');
const refused = summary.outcomes.filter((outcome) => outcome.status === 'refused');
const invalid = summary.outcomes.filter((outcome) => outcome.status === 'invalid');
process.stdout.write(`\n${values['audit-only'] ? 'Accepted' : 'Published'} ${published.length}, refused ${refused.length}, invalid ${invalid.length} (index: ${summary.indexed} skills) in ${((Date.now() - started) / 1000).toFixed(1)} s → ${outDir}\n`);
const warned = published.filter((outcome) => outcome.verdict === 'warn');
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

process.stdout.write('\nBuilding the catalog…\n');
const site = await buildSite({ dataDir: outDir, outDir: siteDir });
process.stdout.write(`Catalog: ${site.pages} pages in ${site.outDir}\n`);
const shownDir = relative(process.cwd(), buildDir ?? site.outDir) || '.';
const example = published.find((outcome) => outcome.digest);
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
