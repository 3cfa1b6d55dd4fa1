/**
 * Merges the revocations.yaml files written by re-validation shards into the registry's own:
 * the union by digest, earliest entry kept. Usage: node scripts/merge-revocations.ts TARGET SHARD…
 */

import { dirname } from 'node:path';
import { stringify } from 'yaml';
import { writeFileAtomic } from '../core/index.ts';
import { loadRevocations } from '../pipeline/index.ts';

const [target, ...shards] = process.argv.slice(2);
if (!target) {
  process.stderr.write('Usage: node scripts/merge-revocations.ts TARGET SHARD…\n');
  process.exit(2);
}
// loadRevocations reads `<dir>/revocations.yaml`; shards come from artifact folders of that name.
const merged = new Map((await loadRevocations(dirname(target))).map((revocation) => [revocation.digest, revocation]));
for (const shard of shards) {
  for (const revocation of await loadRevocations(dirname(shard))) if (!merged.has(revocation.digest)) merged.set(revocation.digest, revocation);
}
const header = '# Digests the operator has revoked: the CLI refuses to install or verify them, and the catalog shows\n# them with the reason. The re-validation workflow appends skills that newer rules catch.\n';
await writeFileAtomic(target, `${header}${stringify({ schemaVersion: 1, revocations: [...merged.values()] })}`);
process.stdout.write(`${merged.size} revocations in ${target}\n`);
