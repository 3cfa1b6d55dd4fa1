/**
 * Registry keys (ECDSA P-256): loading a PEM private key, the key id published in trust.json, and the
 * development key a local build creates outside the repository when no key is configured.
 */
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { chmod, mkdir, readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { writeFileAtomic } from '../core/index.ts';
import { SigningError } from './errors.ts';

/** File name of the development key inside the development key folder. */
export const DEV_KEY_FILE = 'dev-signing-key.pem';

/** A loaded registry key pair. */
export interface RegistryKey {
  /** The private key, for signing. */
  privateKey: KeyObject;
  /** SPKI PEM of the public key, as published in trust.json. */
  publicKeyPem: string;
  /** Hex SHA-256 of the DER public key: the hint in every bundle. */
  keyId: string;
}

/** Hex SHA-256 of the DER (SPKI) encoding of a public key. */
export function keyIdOf(publicKey: KeyObject): string {
  return createHash('sha256').update(publicKey.export({ type: 'spki', format: 'der' })).digest('hex');
}

/** Checks that a key is ECDSA on P-256, naming what it is otherwise. */
function assertP256(key: KeyObject, where: string): void {
  const curve = key.asymmetricKeyDetails?.namedCurve;
  if (key.asymmetricKeyType !== 'ec' || (curve !== 'prime256v1' && curve !== 'P-256')) {
    throw new SigningError(
      'BAD_KEY',
      `${where} is a ${key.asymmetricKeyType ?? 'unknown'}${curve ? ` (${curve})` : ''} key; registry keys must be ECDSA P-256. Create one with \`openssl ecparam -name prime256v1 -genkey -noout | openssl pkcs8 -topk8 -nocrypt -out registry-key.pem\`.`,
      { where },
    );
  }
}

/** Builds a {@link RegistryKey} from PEM text of a private key. */
export function registryKeyFromPem(pem: string, where = 'the signing key'): RegistryKey {
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey(pem);
  } catch (error) {
    throw new SigningError('BAD_KEY', `${where} is not a PEM private key (${(error as Error).message}). Give the path of an unencrypted PKCS#8 or SEC1 PEM file.`, { where, cause: error });
  }
  assertP256(privateKey, where);
  const publicKey = createPublicKey(privateKey);
  return { privateKey, publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(), keyId: keyIdOf(publicKey) };
}

/** Reads a PEM private key file. */
export async function loadRegistryKey(path: string): Promise<RegistryKey> {
  let pem: string;
  try {
    pem = await readFile(path, 'utf8');
  } catch (error) {
    throw new SigningError('KEY_UNREADABLE', `Cannot read the signing key ${path} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}). Check signing.keyPath or SKILL_REGISTRY_SIGNING_KEY.`, { where: path, cause: error });
  }
  return registryKeyFromPem(pem, path);
}

/** Generates a fresh ECDSA P-256 key as PKCS#8 PEM. */
export function generateRegistryKeyPem(): string {
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
}

/** The folder the development key lives in: never the repository, always the user's config folder. */
export function defaultDevKeyDir(env: NodeJS.ProcessEnv = process.env): string {
  const base = env.XDG_CONFIG_HOME && env.XDG_CONFIG_HOME.startsWith('/') ? env.XDG_CONFIG_HOME : join(env.HOME || homedir(), '.config');
  return join(base, 'skill-registry');
}

/** Loads the development key from `dir`, creating it (mode 0600) when absent. */
export async function loadOrCreateDevKey(dir: string): Promise<{ key: RegistryKey; path: string; created: boolean }> {
  const path = join(dir, DEV_KEY_FILE);
  const existing = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw new SigningError('KEY_UNREADABLE', `Cannot read the development key ${path} (${error.code}). Fix its permissions or delete it to create a new one.`, { where: path, cause: error });
  });
  if (existing !== undefined) return { key: registryKeyFromPem(existing, path), path, created: false };
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const pem = generateRegistryKeyPem();
  await writeFileAtomic(path, pem, 0o600);
  await chmod(path, 0o600);
  return { key: registryKeyFromPem(pem, path), path, created: true };
}
