/**
 * Scheduled re-validation: re-audits every published skill with the current rules and revokes the
 * ones they now refuse (appending to registry/revocations.yaml; the next publish signs the list).
 * Usage: node scripts/revalidate.ts [--registry registry] [--out .cache/published] [--shard I/N]
 * Exit 1 when a skill was newly caught (so the workflow can open a pull request / alert).
 */
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { revalidatePublished } from '../pipeline/index.ts';

const { values } = parseArgs({ options: { registry: { type: 'string' }, out: { type: 'string' }, cache: { type: 'string' }, shard: { type: 'string' }, 'skip-dry-run': { type: 'string' } }, strict: true });
const root = resolve(import.meta.dirname, '..');
let shard: { index: number; count: number } | undefined;
if (values.shard) {
  const match = /^(\d+)\/(\d+)$/.exec(values.shard);
  if (!match || Number(match[1]) >= Number(match[2])) {
    process.stderr.write(`--shard ${values.shard} is not I/N with 0 ≤ I < N (e.g. --shard 0/4).\n`);
    process.exit(2);
  }
  shard = { index: Number(match[1]), count: Number(match[2]) };
}
const result = await revalidatePublished({
  registryDir: resolve(values.registry ?? join(root, 'registry')),
  outDir: resolve(values.out ?? join(root, '.cache', 'published')),
  cacheDir: resolve(values.cache ?? join(root, '.cache', 'pipeline')),
  shard,
  skipDryRun: values['skip-dry-run'],
  log: (line) => process.stdout.write(`${line}\n`),
});
process.stdout.write(`\nRe-validated ${result.checked} skills (${result.skipped} revoked or in other shards); newly caught: ${result.caught.length}.\n`);
for (const item of result.caught) process.stdout.write(`  revoked ${item.id}@${item.version} ${item.digest}\n`);
process.exitCode = result.caught.length > 0 ? 1 : 0;
