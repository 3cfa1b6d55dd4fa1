/**
 * Dry-run overhead per skill: wall time of a whole `dryRunSkill` (plan, honeypot, sandbox start, trace,
 * report) for typical skills, on every backend usable here. Prints a Markdown table.
 * Run: node scripts/bench/dryrun.ts [runs]
 */
import { join } from 'node:path';
import { availableSandboxes, dryRunSkill } from '../../sandbox/index.ts';
import { noCapabilities } from '../../schemas/index.ts';

/** Runs per skill and backend; the first run (cold caches) is measured too, as CI sees it. */
const RUNS = Number(process.argv[2] ?? 9);

const fixtures = join(import.meta.dirname, '..', '..', 'test', 'sandbox', 'fixtures');

/** Typical skills: a Python formatter (3 commands), a Node formatter (3), a shell deploy script (3). */
const SKILLS = [
  { name: 'formatter', label: 'Python formatter (3 commands)' },
  { name: 'json-formatter', label: 'Node JSON formatter (3 commands)' },
  { name: 'deployer', label: 'Shell deploy script with curl (3 commands)' },
];

function percentile(sorted: number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)];
}

const rows: string[] = [];
for (const backend of await availableSandboxes()) {
  for (const skill of SKILLS) {
    const times: number[] = [];
    let commands = 0;
    for (let run = 0; run < RUNS; run += 1) {
      const started = performance.now();
      const report = await dryRunSkill(join(fixtures, skill.name), { declared: noCapabilities(), sandbox: backend });
      times.push(performance.now() - started);
      commands = report.commands.length;
    }
    times.sort((a, b) => a - b);
    const median = percentile(times, 0.5);
    rows.push(`| ${backend} | ${skill.label} | ${RUNS} | ${(median / 1000).toFixed(2)} s | ${(percentile(times, 0.95) / 1000).toFixed(2)} s | ${(median / commands / 1000).toFixed(2)} s |`);
  }
}
console.log('| Backend | Skill | Runs | Median | p95 | Median per command |');
console.log('|---|---|---|---|---|---|');
for (const row of rows) console.log(row);
