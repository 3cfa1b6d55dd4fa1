/**
 * Scheduled re-validation: re-audits every published skill with the current rules and revokes the
 * ones they now refuse (appending to registry/revocations.yaml; the next publish signs the list).
 * Usage: node scripts/revalidate.ts [--registry registry] [--out .cache/published] [--shard I/N]
 * Exit 0 when nothing was caught, 1 when a skill was newly caught (so the workflow can open a pull
 * request / alert), 2 on a usage error, and 3 when re-validation itself failed: a crash must never look
 * like "skills were caught" (the workflow accepts 1 and fails on anything else).
 */
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { revalidatePublished } from '../pipeline/index.ts';
import { shardOption } from './shard-option.ts';

/** Exit code of a re-validation that stopped on an error (nothing was revoked). */
const CRASHED = 3;

function crashed(error: unknown): never {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`Re-validation stopped on an error and revoked nothing: ${message}\nExit code ${CRASHED}: fix the cause and run it again.\n`);
  process.exit(CRASHED);
}
process.on('uncaughtException', crashed);
process.on('unhandledRejection', crashed);

let values: { registry?: string; out?: string; cache?: string; shard?: string; 'skip-dry-run'?: string };
try {
  ({ values } = parseArgs({ options: { registry: { type: 'string' }, out: { type: 'string' }, cache: { type: 'string' }, shard: { type: 'string' }, 'skip-dry-run': { type: 'string' } }, strict: true }));
} catch (error) {
  process.stderr.write(`${(error as Error).message}\nUsage: node scripts/revalidate.ts [--registry DIR] [--out DIR] [--cache DIR] [--shard I/N] [--skip-dry-run REASON]\n`);
  process.exit(2);
}
const root = resolve(import.meta.dirname, '..');
const shard = shardOption(values.shard);
const result = await revalidatePublished({
  registryDir: resolve(values.registry ?? join(root, 'registry')),
  outDir: resolve(values.out ?? join(root, '.cache', 'published')),
  cacheDir: resolve(values.cache ?? join(root, '.cache', 'pipeline')),
  shard,
  skipDryRun: values['skip-dry-run'],
  log: (line) => process.stdout.write(`${line}\n`),
}).catch(crashed);
process.stdout.write(`\nRe-validated ${result.checked} skills (${result.skipped} revoked or in other shards); newly caught: ${result.caught.length}.\n`);
for (const item of result.caught) process.stdout.write(`  revoked ${item.id}@${item.version} ${item.digest}\n`);
process.exitCode = result.caught.length > 0 ? 1 : 0;
