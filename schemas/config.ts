/** Registry configuration `registry/config.yaml`: what a registry operator sets for their registry. */
import { z } from 'zod';

/** Config schema versions this code reads. */
export const SUPPORTED_CONFIG_VERSIONS = [1] as const;

/** Keyless signing identity: the publishing workflow whose certificates are trusted. */
export const KeylessIdentitySchema = z.strictObject({
  /** OIDC issuer of the signing certificate, matched exactly. */
  issuer: z.string().url(),
  /** Subject alternative name (the workflow URI with ref), matched exactly. */
  subject: z.string().min(1),
});

/** The registry configuration, version 1. */
export const RegistryConfigSchema = z.strictObject({
  /** Format version of this file; only 1 exists. */
  schemaVersion: z.literal(1, { error: 'must be 1, the only registry config version this code reads' }),
  /** Name shown on the catalog. */
  name: z.string().min(1).default('skill-registry'),
  /** Public base URL of the published site, used in install commands and links. */
  url: z.string().url().default('http://localhost:4321'),
  /** Where skills may come from. */
  sources: z
    .strictObject({
      /** Accept local paths and `file://` URLs (for private and example registries). */
      allowLocal: z.boolean().default(false),
      /** When non-empty, only repositories on these hosts are fetched. */
      allowedHosts: z.array(z.string()).default([]),
    })
    .default({ allowLocal: false, allowedHosts: [] }),
  /** Caps on what a fetch may bring in. */
  limits: z
    .strictObject({
      /**
       * Largest total size of the pinned commit's files (its whole tree, uncompressed: what a checkout would
       * hold), in bytes. A source's repository kept in the pipeline cache is deleted once its objects take more.
       */
      maxRepoBytes: z.number().int().positive().default(200 * 1024 * 1024),
      /** Most files in the pinned commit's whole tree. */
      maxRepoFiles: z.number().int().positive().default(20_000),
      /** Longest one fetch may take, in seconds. */
      fetchTimeoutSeconds: z.number().int().positive().default(120),
    })
    .default({ maxRepoBytes: 200 * 1024 * 1024, maxRepoFiles: 20_000, fetchTimeoutSeconds: 120 }),
  /** How the audit signs: with a registry key, or keyless in the publishing workflow. */
  signing: z
    .strictObject({
      /** `key` (ECDSA P-256 registry key) or `keyless` (Fulcio + Rekor from GitHub Actions). */
      mode: z.enum(['key', 'keyless']).default('key'),
      /** Key mode: path of the PEM private key; default from SKILL_REGISTRY_SIGNING_KEY, else a development key. */
      keyPath: z.string().optional(),
      /** Keyless mode: the identity verifiers accept. */
      identity: KeylessIdentitySchema.optional(),
    })
    .default({ mode: 'key' }),
  /** Dry-run settings. */
  dryRun: z
    .strictObject({
      /** Sandbox backend: the first available one (`auto`), or a named one. */
      sandbox: z.enum(['auto', 'gvisor', 'bubblewrap']).default('auto'),
      /** Skip the dry run (the report says so and no skill is marked Verified). */
      skip: z.boolean().default(false),
    })
    .default({ sandbox: 'auto', skip: false }),
});

/** Config as an operator writes it. */
export type RegistryConfigInput = z.input<typeof RegistryConfigSchema>;
/** Config as code consumes it. */
export type RegistryConfig = z.output<typeof RegistryConfigSchema>;
