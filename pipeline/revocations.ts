/**
 * Revocation editing: the operator's `revocations.yaml`, which re-validation appends to and into which
 * the copies written by re-validation shards are merged, and the sequence number of the next signed list.
 */
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { parseDocument, stringify } from 'yaml';
import { writeFileAtomic } from '../core/index.ts';
import { SITE_LAYOUT } from '../schemas/index.ts';
import { loadRevocations } from './config.ts';
import type { NewlyCaught } from './revalidate.ts';

/** The comment at the top of a `revocations.yaml` written from scratch. */
const REVOCATIONS_HEADER =
  '# Digests the operator has revoked: the CLI refuses to install or verify them, and the catalog shows\n# them with the reason. The re-validation workflow appends skills that newer rules catch.\n';

/** Appends newly caught skills to `<registryDir>/revocations.yaml`, keeping the file's comments and order. */
export async function appendRevocations(registryDir: string, caught: readonly NewlyCaught[], rulesetDigest: string, now: Date): Promise<void> {
  const file = join(registryDir, 'revocations.yaml');
  const text = await readFile(file, 'utf8').catch(() => 'schemaVersion: 1\nrevocations: []\n');
  const document = parseDocument(text);
  const list = (document.get('revocations') as { toJSON(): unknown } | undefined)?.toJSON() as unknown[] | undefined;
  const additions = caught.map((item) => ({
    digest: item.digest,
    reason: `Re-validation with ruleset ${rulesetDigest.slice(0, 19)}… refuses ${item.id}@${item.version}: ${item.reasons.slice(0, 3).join(' ')}`,
    date: now.toISOString().slice(0, 10),
  }));
  document.set('revocations', [...(list ?? []), ...additions]);
  await writeFileAtomic(file, document.toString());
}

/**
 * Merges the `revocations.yaml` files that re-validation shards wrote into `target`: the union by digest,
 * the earliest entry of a digest kept. Returns how many revocations `target` holds.
 */
export async function mergeRevocationFiles(target: string, shardFiles: readonly string[]): Promise<number> {
  // loadRevocations reads `<dir>/revocations.yaml`; shards come from artifact folders of that name.
  const merged = new Map((await loadRevocations(dirname(target))).map((revocation) => [revocation.digest, revocation]));
  for (const shard of shardFiles) {
    for (const revocation of await loadRevocations(dirname(shard))) if (!merged.has(revocation.digest)) merged.set(revocation.digest, revocation);
  }
  await writeFileAtomic(target, `${REVOCATIONS_HEADER}${stringify({ schemaVersion: 1, revocations: [...merged.values()] })}`);
  return merged.size;
}

/**
 * The sequence number of the next revocation list: the issue time in milliseconds, and always above the
 * number of the list already published in `outDir` (a clock set back never makes a list look older).
 */
export async function nextRevocationSequence(outDir: string, now: Date): Promise<number> {
  let previous = 0;
  try {
    const bundle = JSON.parse(await readFile(join(outDir, SITE_LAYOUT.revocations), 'utf8')) as { dsseEnvelope?: { payload?: string } };
    const payload = JSON.parse(Buffer.from(bundle.dsseEnvelope?.payload ?? '', 'base64').toString('utf8')) as { sequence?: unknown };
    if (typeof payload.sequence === 'number' && Number.isSafeInteger(payload.sequence)) previous = payload.sequence;
  } catch {
    // No list published there yet (or not one this version reads): the clock alone sets the number.
  }
  return Math.max(now.getTime(), previous + 1);
}
