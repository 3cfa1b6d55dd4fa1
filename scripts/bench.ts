/**
 * `npm run bench`: runs every benchmark in scripts/bench/ (each prints a Markdown section) and, with
 * `--write`, rewrites BENCHMARKS.md with the figures and the machine they were measured on.
 * `npm run bench -- scan verify` runs only those. The scale benchmark (scale.ts: 1,000- and 10,000-skill
 * registries, about an hour) runs only when asked: `npm run bench -- --scale` runs it alone and, like
 * `--write`, puts its section into BENCHMARKS.md in place of the previous one.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { SCAN_ENV, SCAN_FLAGS } from '../bin/v8-flags.js';
import { writeFileAtomic } from '../core/index.ts';

const root = join(import.meta.dirname, '..');
const args = process.argv.slice(2);
const scale = args.includes('--scale');
const write = args.includes('--write');
const only = scale ? ['scale'] : args.filter((arg) => !arg.startsWith('--'));
const benches = readdirSync(join(root, 'scripts', 'bench'))
  .filter((file) => file.endsWith('.ts'))
  .map((file) => file.slice(0, -3))
  .filter((name) => (only.length === 0 ? name !== 'scale' : only.includes(name)))
  .sort();

// Headings for benchmarks that print only their table.
const TITLES: Record<string, string> = {
  dryrun: 'Dry run: overhead per skill (target: median under 3 s with gVisor)',
  sinkhole: 'Network sinkhole',
  site: 'Catalog build (Astro + Pagefind)',
};

function machine(): string {
  return `${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}`;
}

const sections: string[] = [];
let failed = 0;
for (const name of benches) {
  process.stderr.write(`\n== bench ${name}\n`);
  // The scale benchmark takes its own options (--sizes, --runs, --sample, --work, --keep).
  const passed = scale ? args.filter((arg) => arg !== '--scale' && arg !== '--write') : [];
  const result = spawnSync(process.execPath, [...SCAN_FLAGS, join(root, 'scripts', 'bench', `${name}.ts`), ...passed], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 64 * 1024 * 1024, env: { ...process.env, ...SCAN_ENV } });
  process.stdout.write(result.stdout);
  if (result.status !== 0) {
    failed += 1;
    sections.push(`## ${name}\n\nThe benchmark failed (exit ${result.status}).\n`);
  } else {
    const text = result.stdout.trim();
    sections.push(text.startsWith('#') ? text : `## ${TITLES[name] ?? name}\n\n${text}`);
  }
}

/** The `## Scale` section of a BENCHMARKS.md text, up to the next section ('' when it has none). */
function scaleSection(text: string): string {
  const start = text.indexOf('\n## Scale');
  if (start < 0) return '';
  const end = text.indexOf('\n## ', start + 1);
  return text.slice(start + 1, end < 0 ? undefined : end + 1);
}

const benchmarksPath = join(root, 'BENCHMARKS.md');
const previous = await readFile(benchmarksPath, 'utf8').catch(() => '# Benchmarks\n');
if (scale && failed === 0) {
  // One section of BENCHMARKS.md, replaced in place (or added at the end), the rest kept as it is.
  const section = `${sections[0]}\n\nMeasured on: ${machine()}.\n`;
  const old = scaleSection(previous);
  const text = old === '' ? `${previous.trimEnd()}\n\n${section}` : previous.replace(old, () => (section.endsWith('\n') ? section : `${section}\n`));
  await writeFileAtomic(benchmarksPath, text);
  process.stderr.write('\nBENCHMARKS.md: scale section written.\n');
} else if (write) {
  // The scale section takes an hour to measure and is not part of a default run: it is kept as it was.
  const kept = scaleSection(previous);
  const text = `# Benchmarks\n\nMeasured by \`npm run bench -- --write\` on: ${machine()}.\nTargets come from the issues; tests never assert timings.\n\n${sections.join('\n\n')}\n${kept === '' ? '' : `\n${kept.trimEnd()}\n`}`;
  await writeFileAtomic(benchmarksPath, text);
  process.stderr.write('\nBENCHMARKS.md written.\n');
}
process.exitCode = failed === 0 ? 0 : 1;
