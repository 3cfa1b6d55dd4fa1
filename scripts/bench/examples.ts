/**
 * Example-repository and tree-digest benchmark: a cold build of the example repositories, a warm
 * rebuild (which must reuse every repository), and `skill-tree-v1` over a small and a large skill.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { treeDigest } from '../../core/index.ts';
import { buildExampleRepos } from '../example-repos.ts';

/** Median wall time of `runs` calls, in milliseconds. */
async function median(runs: number, action: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let index = 0; index < runs; index += 1) {
    const started = performance.now();
    await action();
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)];
}

const work = await mkdtemp(join(tmpdir(), 'skill-registry-bench-examples-'));
try {
  let started = performance.now();
  const built = await buildExampleRepos(join(work, 'repos'));
  const coldMs = performance.now() - started;
  const commits = [...built.values()].reduce((sum, ids) => sum + ids.length, 0);
  const warmMs = await median(5, () => buildExampleRepos(join(work, 'repos')));

  // A typical skill (a dozen small files) and a large one near the default caps' spirit: 500 files, 20 MiB.
  const small = join(work, 'small');
  for (let index = 0; index < 12; index += 1) {
    await mkdir(join(small, 'scripts'), { recursive: true });
    await writeFile(join(small, index === 0 ? 'SKILL.md' : `scripts/tool-${index}.py`), `# file ${index}\n`.repeat(200));
  }
  const large = join(work, 'large');
  const chunk = Buffer.alloc(40 * 1024, 0x61);
  for (let index = 0; index < 500; index += 1) {
    const folder = join(large, `assets/part-${index % 20}`);
    await mkdir(folder, { recursive: true });
    await writeFile(join(folder, `blob-${index}.bin`), chunk);
  }
  const smallMs = await median(9, () => treeDigest(small));
  started = performance.now();
  const largeTree = await treeDigest(large);
  const largeMs = performance.now() - started;
  const largeMedianMs = await median(5, () => treeDigest(large));

  process.stdout.write(
    [
      '## Example repositories and tree digest',
      '',
      '| operation | size | wall time |',
      '|---|---|---|',
      `| build example repositories, cold | ${built.size} repositories, ${commits} commits | ${coldMs.toFixed(0)} ms |`,
      `| build example repositories, warm (all reused) | ${built.size} repositories | ${warmMs.toFixed(0)} ms (median of 5) |`,
      `| skill-tree-v1, typical skill | 12 files | ${smallMs.toFixed(1)} ms (median of 9) |`,
      `| skill-tree-v1, large skill, first run | ${largeTree.files.length} files, ${(largeTree.totalBytes / 1024 / 1024).toFixed(1)} MiB | ${largeMs.toFixed(0)} ms |`,
      `| skill-tree-v1, large skill, warm cache | ${largeTree.files.length} files | ${largeMedianMs.toFixed(0)} ms (median of 5, ${(largeTree.totalBytes / 1024 / 1024 / (largeMedianMs / 1000)).toFixed(0)} MiB/s) |`,
      '',
    ].join('\n'),
  );
} finally {
  await rm(work, { recursive: true, force: true });
}
