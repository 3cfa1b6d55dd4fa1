/**
 * Packs the CLI for npm: compiles the TypeScript sources reachable from cli/main.ts to JavaScript in
 * dist/ (tsconfig.build.json rewrites `.ts` imports to `.js`), copies the data files those folders read
 * at run time, then packs a package of bin/ + dist/ with the runtime dependencies only (no dev
 * dependencies, no Astro), so `npx skill-registry` runs on a machine with nothing but Node 24.
 *
 *   node scripts/pack-cli.ts [--out DIR] [--skip-typecheck]   build, then write the .tgz into DIR (default .)
 *   node scripts/pack-cli.ts --build [--skip-typecheck]       build dist/ only (for a `prepack` script)
 */
import { spawnSync } from 'node:child_process';
import { cp, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const root = resolve(import.meta.dirname, '..');
const dist = join(root, 'dist');

/** Source folders whose non-TypeScript files (rule data, trusted roots, wasm) are read at run time. */
const SKIP_ASSET = /(^|\/)(samples|fixtures|__snapshots__)(\/|$)|\.test\.ts$|\.ts$/;

function run(command: string, args: string[], cwd: string): string {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (result.status !== 0) {
    process.stderr.write(`${result.stdout}${result.stderr}`);
    throw new Error(`${command} ${args.join(' ')} failed with exit code ${result.status}.`);
  }
  return result.stdout;
}

async function walk(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}

/**
 * Compiles to dist/ and copies run-time data files beside the compiled modules; returns every file of
 * the build, relative to dist/. dist/ is never emptied: the catalog is built into dist/site.
 */
export async function buildCli(options: { skipTypecheck?: boolean } = {}): Promise<string[]> {
  const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  const result = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json'), '--listEmittedFiles'], { cwd: root, encoding: 'utf8' });
  const emitted = result.stdout
    .split('\n')
    .filter((line) => line.startsWith('TSFILE: '))
    .map((line) => relative(dist, line.slice('TSFILE: '.length).trim()));
  if (result.status !== 0) {
    const message = result.stdout.split('\n').filter((line) => !line.startsWith('TSFILE: ')).join('\n') + result.stderr;
    if (!options.skipTypecheck) {
      process.stderr.write(message);
      throw new Error('The CLI does not typecheck (errors above). Fix them, or pass --skip-typecheck to pack anyway.');
    }
    process.stderr.write(`warning: type errors ignored (--skip-typecheck):\n${message}`);
  }
  if (!emitted.includes(join('cli', 'main.js'))) throw new Error('tsc did not emit dist/cli/main.js; see tsconfig.build.json.');
  const files = new Set(emitted);
  for (const folder of new Set(emitted.map((path) => path.split('/')[0]))) {
    for (const file of await walk(join(root, folder))) {
      const path = relative(root, file);
      if (SKIP_ASSET.test(path)) continue;
      await cp(file, join(dist, path));
      files.add(path);
    }
  }
  return [...files].sort();
}

/** The package.json of the packed CLI: the root's, minus development-only parts. */
async function packedManifest(): Promise<Record<string, unknown>> {
  const manifest = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as Record<string, unknown>;
  return {
    name: manifest.name,
    version: manifest.version,
    description: manifest.description,
    license: manifest.license,
    type: manifest.type,
    engines: manifest.engines,
    bin: manifest.bin,
    files: ['bin/', 'dist/'],
    dependencies: manifest.dependencies,
    ...(manifest.repository ? { repository: manifest.repository } : {}),
  };
}

/** Builds, stages bin/ + dist/ with the packed manifest, and runs `npm pack`; returns the tarball path. */
export async function packCli(outDir: string, options: { skipTypecheck?: boolean } = {}): Promise<string> {
  const files = await buildCli(options);
  const staging = await mkdtemp(join(tmpdir(), 'skill-registry-pack-'));
  try {
    // The launcher's JavaScript only: a type declaration beside it serves the checkout's TypeScript scripts.
    await cp(join(root, 'bin'), join(staging, 'bin'), { recursive: true, filter: (source) => !source.endsWith('.d.ts') });
    for (const file of files) await cp(join(dist, file), join(staging, 'dist', file));
    for (const extra of ['README.md', 'LICENSE']) {
      if (await stat(join(root, extra)).catch(() => undefined)) await cp(join(root, extra), join(staging, extra));
    }
    await writeFile(join(staging, 'package.json'), `${JSON.stringify(await packedManifest(), null, 2)}\n`);
    const output = run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', resolve(outDir)], staging);
    const [packed] = JSON.parse(output) as { filename: string }[];
    return join(resolve(outDir), packed.filename);
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

if (import.meta.main) {
  const { values } = parseArgs({ options: { out: { type: 'string' }, build: { type: 'boolean' }, 'skip-typecheck': { type: 'boolean' } } });
  if (values.build) {
    await buildCli({ skipTypecheck: values['skip-typecheck'] });
    process.stdout.write(`Built ${relative(process.cwd(), dist) || dist}\n`);
  } else {
    const tarball = await packCli(values.out ?? process.cwd(), { skipTypecheck: values['skip-typecheck'] });
    process.stdout.write(`${tarball}\n`);
  }
}
