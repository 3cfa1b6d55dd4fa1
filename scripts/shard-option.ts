/** The `--shard I/N` option of the build and re-validation scripts: parsed, or a usage error (exit 2). */
import { parseShard, type Shard } from '../pipeline/index.ts';

export function shardOption(value: string | undefined): Shard | undefined {
  try {
    return value === undefined ? undefined : parseShard(value);
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exit(2);
  }
}
