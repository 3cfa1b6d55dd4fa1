#!/usr/bin/env node
/**
 * Scanner throughput and memory on the labelled skills (test/corpus and test/blind: 400+ skills written
 * by people, with real scripts and references) or, with `--set real`, on the 1,128 published skills of
 * the public catalogue that the real-skills bench reads (larger skills, with the references, notebooks and
 * data files real collections ship). Each engine runs in a process of its own so CPU time and peak memory
 * are its alone. The baseline is reading and SHA-256-hashing the same bytes in the same run, so the ratio
 * holds on a noisy machine. Prints a Markdown section.
 *
 *   node scripts/bench/scan.ts [--runs N] [--set labelled|real] [--compare <scanner module>]
 *
 * Both sets are measured unless `--set` names one.
 *
 * `--compare` also measures another build of the scanner (any module exporting `scanSkill`, e.g. the
 * previous release checked out elsewhere) on the same skills, for the ratio between engines.
 * Internally `--child <module>` runs one measurement and prints it as JSON.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { SCAN_ENV, SCAN_FLAGS } from '../../bin/v8-flags.js';
import { ensureRealSkills, PACKAGE, REAL_SKILLS_DIR } from './lib/real-skills-package.ts';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const args = process.argv.slice(2);
const option = (name: string): string | undefined => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);

/** Runs per engine; the median is reported (the machine is shared and noisy). */
const RUNS = Number(option('--runs')) || 3;

/** The skills scanned: the labelled sets or the published catalogue. */
type SkillSet = 'labelled' | 'real';
const chosen = option('--set');
if (chosen !== undefined && chosen !== 'labelled' && chosen !== 'real') {
  process.stderr.write(`scan bench: --set takes labelled or real, not ${chosen}.\n`);
  process.exit(2);
}
const SETS: SkillSet[] = chosen === undefined ? ['labelled', 'real'] : [chosen];

/** Every skill folder of a set. */
async function skillFolders(set: SkillSet): Promise<string[]> {
  if (set === 'real') {
    await ensureRealSkills();
    return (await readdir(REAL_SKILLS_DIR, { withFileTypes: true })).filter((entry) => entry.isDirectory()).map((entry) => join(REAL_SKILLS_DIR, entry.name)).sort();
  }
  const sets = [join(root, 'test', 'corpus')];
  for (const entry of await readdir(join(root, 'test', 'blind'), { withFileTypes: true })) if (entry.isDirectory()) sets.push(join(root, 'test', 'blind', entry.name));
  sets.sort();
  const out: string[] = [];
  for (const set of sets) {
    for (const kind of ['malicious', 'benign']) {
      for (const id of (await readdir(join(set, kind))).sort()) out.push(join(set, kind, id));
    }
  }
  return out;
}

async function filesOf(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) if (entry.isFile()) out.push(join(entry.parentPath, entry.name));
  return out.sort();
}

/** One measurement: CPU seconds, wall seconds and peak resident memory of this process. */
interface Measurement {
  cpuSeconds: number;
  wallSeconds: number;
  peakMiB: number;
  bytes: number;
  skills: number;
}

const child = option('--child');
if (child !== undefined) {
  const dirs = await skillFolders(SETS[0]);
  let bytes = 0;
  const cpuStart = process.cpuUsage();
  const wallStart = performance.now();
  if (child === 'read+hash') {
    for (const dir of dirs) {
      for (const file of await filesOf(dir)) {
        const content = await readFile(file);
        bytes += content.length;
        createHash('sha256').update(content).digest('hex');
      }
    }
  } else {
    const { scanSkill } = (await import(pathToFileURL(child).href)) as { scanSkill: (dir: string) => Promise<unknown> };
    for (const dir of dirs) await scanSkill(dir);
    for (const dir of dirs) for (const file of await filesOf(dir)) bytes += (await readFile(file)).length;
  }
  const cpu = process.cpuUsage(cpuStart);
  const result: Measurement = {
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    wallSeconds: (performance.now() - wallStart) / 1000,
    peakMiB: process.resourceUsage().maxRSS / 1024,
    bytes,
    skills: dirs.length,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
  process.exit(0);
}

/** Measures one engine `RUNS` times in fresh processes and keeps the run with the median CPU time. */
function measure(engine: string, set: SkillSet): Measurement {
  const runs: Measurement[] = [];
  for (let run = 0; run < RUNS; run += 1) {
    // The CLI and the build run the scanner with V8's baseline WebAssembly tier and a small young generation (see bin/skill-registry.js).
    const result = spawnSync(process.execPath, [...SCAN_FLAGS, fileURLToPath(import.meta.url), '--child', engine, '--set', set], { cwd: root, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024, env: { ...process.env, ...SCAN_ENV } });
    if (result.status !== 0) throw new Error(`measuring ${engine} failed (exit ${result.status}): ${result.stderr.slice(-2000)}`);
    runs.push(JSON.parse(result.stdout.trim().split('\n').pop() ?? '{}') as Measurement);
  }
  runs.sort((a, b) => a.cpuSeconds - b.cpuSeconds);
  return runs[Math.floor(runs.length / 2)];
}

const engines: [string, string][] = [['read + SHA-256 (baseline)', 'read+hash'], ['scanner (this checkout)', join(root, 'scanner', 'index.ts')]];
const compare = option('--compare');
if (compare !== undefined) engines.push([`scanner (${relative(root, resolve(compare)) || compare})`, resolve(compare)]);

/** One Markdown section: every engine measured on one set. */
function section(set: SkillSet): string {
  const results = engines.map(([name, engine]) => [name, measure(engine, set)] as const);
  const baseline = results[0][1];
  const mb = baseline.bytes / 1024 / 1024;
  const rows = results.map(([name, m]) => `| ${name} | ${m.cpuSeconds.toFixed(2)} | ${(m.cpuSeconds / baseline.cpuSeconds).toFixed(1)}× | ${((m.bytes / 1024 / 1024) / m.cpuSeconds).toFixed(2)} | ${((m.cpuSeconds * 1000) / m.skills).toFixed(1)} | ${m.peakMiB.toFixed(0)} |`);
  const ours = results[1][1];
  const versus = results[2] ? ` Against ${results[2][0]}: ${(results[2][1].cpuSeconds / ours.cpuSeconds).toFixed(2)}× the CPU time and ${(results[2][1].peakMiB / ours.peakMiB).toFixed(1)}× the peak memory of this checkout.` : '';
  const what = set === 'real' ? `published skills of \`${PACKAGE.name}@${PACKAGE.version}\` (the real-skills bench's catalogue` : 'labelled skills (`test/corpus` and `test/blind/round-*`';
  return `## scan${set === 'real' ? ' (published skills)' : ''}

Static scan of the ${baseline.skills} ${what}, ${mb.toFixed(2)} MiB), each engine in a fresh process (\`${Object.entries(SCAN_ENV).map(([name, value]) => `${name}=${value}`).join(' ')} node ${SCAN_FLAGS.join(' ')}\`, as the CLI and the build run it), median of ${RUNS} runs by CPU time. Peak memory is the process's maximum resident set, start-up included.

| engine | CPU s | vs read+hash | MB/s per core | CPU ms per skill | peak MiB |
|---|---:|---:|---:|---:|---:|
${rows.join('\n')}

Reproduce with \`npm run bench -- scan\` (\`node scripts/bench/scan.ts --set ${set} --compare <path>/scanner/index.ts\` measures this set against another build).${versus}
`;
}

process.stdout.write(SETS.map(section).join('\n'));
