/**
 * Pipeline benchmark: a cold build of the example registry (fetch, scan, dry run, sign, publish) and
 * a warm rebuild with nothing changed, which must do no fetch, scan or dry-run work.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildRegistry } from '../../pipeline/index.ts';
import { buildExampleRepos } from '../example-repos.ts';

const root = join(import.meta.dirname, '..', '..');
await buildExampleRepos(join(root, 'examples', '.repos'));
const work = await mkdtemp(join(tmpdir(), 'skill-registry-bench-'));
const options = { registryDir: join(root, 'registry'), outDir: join(work, 'out'), cacheDir: join(work, 'cache'), devKeyDir: join(work, 'keys') };
try {
  let started = performance.now();
  const cold = await buildRegistry(options);
  const coldMs = performance.now() - started;
  started = performance.now();
  const warm = await buildRegistry(options);
  const warmMs = performance.now() - started;
  const entries = cold.outcomes.length;
  const rss = Math.round(process.resourceUsage().maxRSS / 1024);
  process.stdout.write(
    [
      '## Pipeline (example registry)',
      '',
      `| run | entries | audited | from cache | wall time |`,
      `|---|---|---|---|---|`,
      `| cold (fetch, scan, dry run, sign, publish) | ${entries} | ${cold.outcomes.filter((o) => o.report && !o.cached).length} | ${cold.outcomes.filter((o) => o.cached).length} | ${(coldMs / 1000).toFixed(1)} s |`,
      `| warm (nothing changed) | ${entries} | ${warm.outcomes.filter((o) => o.report && !o.cached).length} | ${warm.outcomes.filter((o) => o.cached).length} | ${(warmMs / 1000).toFixed(2)} s |`,
      '',
      `Peak resident memory of the benchmark process: ${rss} MiB.`,
      '',
    ].join('\n'),
  );
} finally {
  await rm(work, { recursive: true, force: true });
}
