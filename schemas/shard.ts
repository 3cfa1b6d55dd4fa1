/**
 * The part of a sharded build that one shard hands to the merge (`npm run build -- --shard I/N`): its
 * entries' outcomes in `shard.json`, and beside it, at their published paths (schemas/layout.ts), the
 * record, bundle and archive of every skill it accepted. The merge publishes the parts of all N shards
 * as one registry (`npm run build -- --merge`).
 */
import { z } from 'zod';
import { DigestSchema } from './common.ts';
import { TrustPolicySchema } from './published.ts';

/** Where a shard's manifest lives in its part, beside the published paths. */
export const SHARD_MANIFEST_FILE = 'shard.json';

/** Shard manifest versions this code reads. */
export const SUPPORTED_SHARD_VERSIONS = [1] as const;

/** One entry of a shard, in registry file order. */
export const ShardEntrySchema = z.strictObject({
  /** Entry file relative to the registry folder (`skills/<publisher>/<name>.yaml`). */
  file: z.string().regex(/^skills\/[^/]+\/[^/]+\.ya?ml$/),
  /** `publisher/name` as the entry's place in the registry says. */
  id: z.string().regex(/^[^/]+\/[^/]+$/),
  /** published: its files are in this part; refused, invalid or skipped (`--only`): its previously published state stays. */
  status: z.enum(['published', 'refused', 'invalid', 'skipped']),
  /** Digest of the published tree (status published only). */
  digest: DigestSchema.optional(),
});

/** `shard.json`: what one shard of a build did. */
export const ShardManifestSchema = z
  .strictObject({
    /** Format version; only 1 exists. */
    schemaVersion: z.literal(1, { error: 'must be 1, the only shard manifest version this code reads' }),
    /** Which shard this is: `index` of `count`. */
    shard: z.strictObject({
      /** 0-based index. */
      index: z.number().int().nonnegative(),
      /** How many shards the build was split into. */
      count: z.number().int().positive(),
    }),
    /** Registry name and public URL, from its config. */
    registry: z.strictObject({ name: z.string(), url: z.string() }),
    /** The scanner the shard audited with: every shard of a merge must have used the same rules and policy. */
    scanner: z.strictObject({ version: z.string(), rulesetDigest: DigestSchema, policyDigest: DigestSchema }),
    /** Who signed the shard's bundles: every shard of a merge, and the merge, must sign as the same signer. */
    trust: TrustPolicySchema,
    /** Every entry of this shard, in registry file order. */
    entries: z.array(ShardEntrySchema),
  })
  .refine((manifest) => manifest.shard.index < manifest.shard.count, { error: 'shard.index must be below shard.count', path: ['shard', 'index'] })
  .refine((manifest) => manifest.entries.every((entry) => (entry.status === 'published') === (entry.digest !== undefined)), { error: 'a published entry, and only a published one, has a digest', path: ['entries'] });

/** A shard manifest as written. */
export type ShardManifestInput = z.input<typeof ShardManifestSchema>;
/** A shard manifest as read. */
export type ShardManifest = z.output<typeof ShardManifestSchema>;
/** One entry of a shard manifest. */
export type ShardEntry = z.output<typeof ShardEntrySchema>;
