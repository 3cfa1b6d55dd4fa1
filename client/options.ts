/** Options shared by the client commands (`--registry`, `--trust`, `--trusted-root`, `--max-age`, `--strict`). */
import { RegistryClient, registryLocation } from './registry.ts';
import { defaultStateDir } from './revocation-memory.ts';
import { resolveTrustOptions } from './trust.ts';
import { DEFAULT_MAX_REVOCATION_AGE_DAYS, type VerifyOptions } from './verify.ts';

/** parseArgs option definitions of the shared flags. */
export const CLIENT_FLAGS = {
  registry: { type: 'string' },
  trust: { type: 'string' },
  'trusted-root': { type: 'string' },
  'max-age': { type: 'string' },
  strict: { type: 'boolean' },
} as const;

/** Usage lines of the shared flags. */
export const CLIENT_FLAGS_USAGE = `  --registry URL|DIR   registry URL or built-site folder (default: $SKILL_REGISTRY_URL, then https://skill-registry.dev)
  --trust FILE         pin the signer: a trust.json to use instead of the registry's own (or $SKILL_REGISTRY_TRUST)
  --trusted-root FILE  Sigstore trusted root for keyless registries (or $SKILL_REGISTRY_TRUSTED_ROOT)
  --max-age DAYS       revocation list age that triggers a warning (default ${DEFAULT_MAX_REVOCATION_AGE_DAYS})
  --strict             fail instead of warning when the revocation list is stale`;

/** Turns the shared flags into verify options; returns a message when a flag value is bad. */
export async function clientOptions(values: Record<string, unknown>, env: NodeJS.ProcessEnv = process.env): Promise<VerifyOptions | string> {
  const maxAgeText = values['max-age'] as string | undefined;
  const maxAgeDays = maxAgeText === undefined ? DEFAULT_MAX_REVOCATION_AGE_DAYS : Number(maxAgeText);
  if (!Number.isFinite(maxAgeDays) || maxAgeDays <= 0) return `--max-age ${maxAgeText} is not a positive number of days. Give e.g. --max-age 7.`;
  const pinned = await resolveTrustOptions({ trust: values.trust as string | undefined, trustedRoot: values['trusted-root'] as string | undefined }, env);
  return {
    registry: new RegistryClient(registryLocation(values.registry as string | undefined, env)),
    trust: pinned.trust,
    trustedRoot: pinned.trustedRoot,
    maxAgeDays,
    strict: values.strict === true,
    stateDir: defaultStateDir(env),
  };
}
