/**
 * `npm run bench`: runs every benchmark in scripts/bench/ (each prints a Markdown section) and, with
 * `--write`, rewrites BENCHMARKS.md with the figures and the machine they were measured on.
 * `npm run bench -- scan verify` runs only those.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { writeFileAtomic } from '../core/index.ts';

const root = join(import.meta.dirname, '..');
const args = process.argv.slice(2);
const write = args.includes('--write');
const only = args.filter((arg) => !arg.startsWith('--'));
const benches = readdirSync(join(root, 'scripts', 'bench'))
  .filter((file) => file.endsWith('.ts'))
  .map((file) => file.slice(0, -3))
  .filter((name) => only.length === 0 || only.includes(name))
  .sort();

// Headings for benchmarks that print only their table.
const TITLES: Record<string, string> = {
  dryrun: 'Dry run: overhead per skill (target: median under 3 s with gVisor)',
  sinkhole: 'Network sinkhole',
  site: 'Catalog build (Astro + Pagefind)',
};

const sections: string[] = [];
let failed = 0;
for (const name of benches) {
  process.stderr.write(`\n== bench ${name}\n`);
  const result = spawnSync(process.execPath, ['--liftoff-only', '--max-semi-space-size=8', join(root, 'scripts', 'bench', `${name}.ts`)], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 64 * 1024 * 1024 });
  process.stdout.write(result.stdout);
  if (result.status !== 0) {
    failed += 1;
    sections.push(`## ${name}\n\nThe benchmark failed (exit ${result.status}).\n`);
  } else {
    const text = result.stdout.trim();
    sections.push(text.startsWith('#') ? text : `## ${TITLES[name] ?? name}\n\n${text}`);
  }
}

if (write) {
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}`;
  const text = `# Benchmarks\n\nMeasured by \`npm run bench -- --write\` on: ${machine}.\nTargets come from the issues; tests never assert timings.\n\n${sections.join('\n\n')}\n`;
  await writeFileAtomic(join(root, 'BENCHMARKS.md'), text);
  process.stderr.write('\nBENCHMARKS.md written.\n');
}
process.exitCode = failed === 0 ? 0 : 1;
