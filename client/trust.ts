/**
 * Which signer a client trusts. By default a registry's own api/trust.json (trust on first use: as
 * strong as the connection to the registry). Pinning (`--trust FILE` or SKILL_REGISTRY_TRUST) fixes
 * the key or workflow identity so a registry host that is taken over cannot swap it.
 */
import { readFile } from 'node:fs/promises';
import { TrustPolicySchema, describeZodError, type TrustPolicy } from '../schemas/index.ts';
import { readTrustedRoot, VerificationError } from '../signing/index.ts';

/** Reads a pinned trust policy file (the same format as api/trust.json). */
export async function loadPinnedTrust(path: string): Promise<TrustPolicy> {
  let value: unknown;
  try {
    value = JSON.parse(await readFile(path, 'utf8')) as unknown;
  } catch (error) {
    throw new VerificationError('UNTRUSTED_ROOT', `Cannot read the pinned trust policy ${path} (${(error as Error).message}). Give a copy of the registry's api/trust.json.`, { where: path, cause: error });
  }
  const parsed = TrustPolicySchema.safeParse(value);
  if (!parsed.success) {
    throw new VerificationError('UNTRUSTED_ROOT', `${path} is not a trust policy (${describeZodError(parsed.error, 'trust')}). Give a copy of the registry's api/trust.json.`, { where: path });
  }
  return parsed.data;
}

/** Pinned trust policy and trusted root from flags, then environment; undefined means "use the registry's". */
export async function resolveTrustOptions(flags: { trust?: string; trustedRoot?: string }, env: NodeJS.ProcessEnv = process.env): Promise<{ trust?: TrustPolicy; trustedRoot?: unknown }> {
  const trustPath = flags.trust || env.SKILL_REGISTRY_TRUST;
  const rootPath = flags.trustedRoot || env.SKILL_REGISTRY_TRUSTED_ROOT;
  return {
    trust: trustPath ? await loadPinnedTrust(trustPath) : undefined,
    trustedRoot: rootPath ? await readTrustedRoot(rootPath) : undefined,
  };
}
