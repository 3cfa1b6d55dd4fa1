/**
 * Merges the revocations.yaml files written by re-validation shards into the registry's own:
 * the union by digest, earliest entry kept. Usage: node scripts/merge-revocations.ts TARGET SHARD…
 */
import { mergeRevocationFiles } from '../pipeline/index.ts';

const [target, ...shards] = process.argv.slice(2);
if (!target) {
  process.stderr.write('Usage: node scripts/merge-revocations.ts TARGET SHARD…\n');
  process.exit(2);
}
const count = await mergeRevocationFiles(target, shards);
process.stdout.write(`${count} revocations in ${target}\n`);
