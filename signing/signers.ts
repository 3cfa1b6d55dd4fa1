/**
 * The two ways a registry signs, behind one `Signer`: a registry key (ECDSA P-256, offline, for
 * private registries, local builds and tests) and keyless (GitHub Actions OIDC token → Fulcio
 * certificate, Rekor entry) for the public registry's publishing workflow.
 */
import { sign as signWithKey } from 'node:crypto';
import type { BundleBuilder, IdentityProvider } from '@sigstore/sign';
import { bundleToJSON, type SerializedBundle } from '@sigstore/bundle';
import type { RegistryConfig, TrustPolicy } from '../schemas/index.ts';
import { SigningError } from './errors.ts';
import { defaultDevKeyDir, loadOrCreateDevKey, loadRegistryKey, registryKeyFromPem, type RegistryKey } from './keys.ts';

export type { SerializedBundle };

/** Signs a payload into a Sigstore bundle (v0.3, DSSE envelope). */
export interface Signer {
  /** What verifiers must trust to accept this signer's bundles (published as api/trust.json). */
  readonly trust: TrustPolicy;
  /** Wraps `payload` in a DSSE envelope of `payloadType`, signs it, and returns the bundle JSON. */
  sign(payload: Uint8Array, payloadType: string): Promise<SerializedBundle>;
}

/** OIDC audience Fulcio expects. */
const SIGSTORE_AUDIENCE = 'sigstore';
/** Fulcio and Rekor calls from CI: generous, since a publish run should wait out a slow service. */
const SIGSTORE_TIMEOUT_MS = 30_000;
const SIGSTORE_RETRIES = 2;

// @sigstore/sign (and its HTTP stack) loads only when something is signed: `verify` never needs it.
const loadSign = () => import('@sigstore/sign');

/** Builds the bundle builder once, on first use. */
function lazyBuilder(create: (sign: Awaited<ReturnType<typeof loadSign>>) => BundleBuilder): () => Promise<BundleBuilder> {
  let builder: Promise<BundleBuilder> | undefined;
  return () => (builder ??= loadSign().then(create));
}

/** Signs with a registry key; bundles carry the key id as the public-key hint and no log entry. */
export function keySigner(key: RegistryKey): Signer {
  const builder = lazyBuilder(
    (sign) =>
      new sign.DSSEBundleBuilder({
        witnesses: [],
        signer: {
          async sign(data: Buffer) {
            // ECDSA over SHA-256 with a DER signature, the encoding Sigstore verifiers expect.
            return { signature: signWithKey('sha256', data, key.privateKey), key: { $case: 'publicKey', publicKey: key.publicKeyPem, hint: key.keyId } };
          },
        },
      }),
  );
  return {
    trust: { schemaVersion: 1, mode: 'key', publicKey: key.publicKeyPem, keyId: key.keyId },
    async sign(payload, payloadType) {
      const bundle = await (await builder()).create({ data: Buffer.from(payload), type: payloadType });
      return bundleToJSON(bundle);
    },
  };
}

/** Where keyless signing talks to; defaults are the public Sigstore instance. */
export interface KeylessOptions {
  /** Fulcio base URL. */
  fulcioURL?: string;
  /** Rekor base URL. */
  rekorURL?: string;
  /** Source of the OIDC token; default: the CI environment (GitHub Actions). */
  identityProvider?: IdentityProvider;
}

/** Signs keyless: a short-lived Fulcio certificate for the workflow identity, logged in Rekor. */
export function keylessSigner(identity: { issuer: string; subject: string }, options: KeylessOptions = {}): Signer {
  const builder = lazyBuilder(
    (sign) =>
      new sign.DSSEBundleBuilder({
        signer: new sign.FulcioSigner({
          identityProvider: options.identityProvider ?? new sign.CIContextProvider(SIGSTORE_AUDIENCE),
          fulcioBaseURL: options.fulcioURL ?? sign.DEFAULT_FULCIO_URL,
          timeout: SIGSTORE_TIMEOUT_MS,
          retry: SIGSTORE_RETRIES,
        }),
        witnesses: [new sign.RekorWitness({ rekorBaseURL: options.rekorURL ?? sign.DEFAULT_REKOR_URL, entryType: 'dsse', timeout: SIGSTORE_TIMEOUT_MS, retry: SIGSTORE_RETRIES })],
      }),
  );
  return {
    trust: { schemaVersion: 1, mode: 'keyless', identity: { issuer: identity.issuer, subject: identity.subject } },
    async sign(payload, payloadType) {
      try {
        return bundleToJSON(await (await builder()).create({ data: Buffer.from(payload), type: payloadType }));
      } catch (error) {
        throw new SigningError(
          'SIGNING_FAILED',
          `Keyless signing failed: ${(error as Error).message}. Keyless signing runs in the publishing workflow with \`permissions: id-token: write\`; elsewhere use signing.mode: key.`,
          { cause: error },
        );
      }
    },
  };
}

/**
 * Creates the signer the registry config asks for. Key mode: `config.keyPath`, else
 * SKILL_REGISTRY_SIGNING_KEY, else a development key kept in the user's config folder (never in the
 * repository), with a `notice` saying so. Keyless: sigstore with the GitHub Actions OIDC token.
 */
export async function createSigner(
  config: RegistryConfig['signing'],
  options: { devKeyDir?: string; env?: NodeJS.ProcessEnv; keyless?: KeylessOptions } = {},
): Promise<{ signer: Signer; notice?: string }> {
  const env = options.env ?? process.env;
  if (config.mode === 'keyless') {
    if (!config.identity) {
      throw new SigningError(
        'NO_IDENTITY',
        'signing.mode is keyless but signing.identity is missing. Add the publishing workflow identity, e.g. `identity: { issuer: https://token.actions.githubusercontent.com, subject: https://github.com/OWNER/REPO/.github/workflows/publish.yml@refs/heads/main }`.',
      );
    }
    if (!options.keyless?.identityProvider && !(env.ACTIONS_ID_TOKEN_REQUEST_URL && env.ACTIONS_ID_TOKEN_REQUEST_TOKEN) && !env.SIGSTORE_ID_TOKEN) {
      throw new SigningError(
        'NO_OIDC_TOKEN',
        'signing.mode is keyless but no OIDC token is available (ACTIONS_ID_TOKEN_REQUEST_URL is not set). Run the publishing workflow on GitHub Actions with `permissions: id-token: write`, or use signing.mode: key for local and private builds.',
      );
    }
    return { signer: keylessSigner(config.identity, options.keyless) };
  }
  // SKILL_REGISTRY_SIGNING_KEY holds a path, or the PEM itself (a CI secret put straight into the variable).
  const fromEnv = env.SKILL_REGISTRY_SIGNING_KEY;
  if (!config.keyPath && fromEnv && /-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(fromEnv)) return { signer: keySigner(registryKeyFromPem(fromEnv, 'SKILL_REGISTRY_SIGNING_KEY')) };
  const keyPath = config.keyPath ?? fromEnv;
  if (keyPath) return { signer: keySigner(await loadRegistryKey(keyPath)) };
  const dir = options.devKeyDir ?? defaultDevKeyDir(env);
  const { key, path, created } = await loadOrCreateDevKey(dir);
  return {
    signer: keySigner(key),
    notice: `${created ? 'Created' : 'Using'} a development signing key at ${path} (key id ${key.keyId.slice(0, 16)}…): no signing.keyPath or SKILL_REGISTRY_SIGNING_KEY is set. Bundles signed with it verify only against this build's api/trust.json; set a real key for a registry others use.`,
  };
}
