/**
 * The Sigstore trusted root (Fulcio CAs, Rekor and CT log keys, timestamp authorities) that keyless
 * bundles are checked against. Read from a file so it can be cached for offline use: this package
 * ships the public Sigstore root as of its release (sigstore-trusted-root.json), and an operator
 * who runs their own Sigstore, or mirrors a newer root, gives theirs.
 */
import { createPublicKey, type KeyObject } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { X509Certificate } from '@sigstore/core';
import type { TrustMaterial } from '@sigstore/verify';
import { z } from 'zod';
import { VerificationError } from './errors.ts';
import { describeZodError } from '../schemas/zod-issues.ts';

/** Media type prefix of trusted root files. */
const TRUSTED_ROOT_MEDIA_TYPE = 'application/vnd.dev.sigstore.trustedroot';

const ValidForSchema = z.looseObject({ start: z.string().optional(), end: z.string().optional() });
const CertAuthoritySchema = z.looseObject({
  certChain: z.looseObject({ certificates: z.array(z.looseObject({ rawBytes: z.string() })).min(1) }),
  validFor: ValidForSchema.optional(),
});
const LogSchema = z.looseObject({
  baseUrl: z.string().optional(),
  publicKey: z.looseObject({ rawBytes: z.string(), keyDetails: z.string().optional(), validFor: ValidForSchema.optional() }),
  logId: z.looseObject({ keyId: z.string() }).optional(),
  checkpointKeyId: z.looseObject({ keyId: z.string() }).optional(),
});

/** A trusted root file, as serialised by Sigstore (`application/vnd.dev.sigstore.trustedroot+json`). */
export const TrustedRootSchema = z.looseObject({
  mediaType: z.string().startsWith(TRUSTED_ROOT_MEDIA_TYPE),
  tlogs: z.array(LogSchema).default([]),
  certificateAuthorities: z.array(CertAuthoritySchema).default([]),
  ctlogs: z.array(LogSchema).default([]),
  timestampAuthorities: z.array(CertAuthoritySchema).default([]),
});

/** A trusted root as read. */
export type TrustedRoot = z.output<typeof TrustedRootSchema>;

const BEGINNING_OF_TIME = new Date(0);
const END_OF_TIME = new Date(8_640_000_000_000_000);

function validity(validFor: z.output<typeof ValidForSchema> | undefined): { start: Date; end: Date } {
  return { start: validFor?.start ? new Date(validFor.start) : BEGINNING_OF_TIME, end: validFor?.end ? new Date(validFor.end) : END_OF_TIME };
}

function logKey(log: z.output<typeof LogSchema>): KeyObject {
  const pkcs1 = log.publicKey.keyDetails?.includes('PKCS1') ?? false;
  return createPublicKey({ key: Buffer.from(log.publicKey.rawBytes, 'base64'), format: 'der', type: pkcs1 ? 'pkcs1' : 'spki' });
}

/** Turns a trusted root into verifier trust material (no public keys: keyless bundles only). */
export function trustMaterialFromRoot(value: unknown, where = 'the trusted root'): TrustMaterial {
  const parsed = TrustedRootSchema.safeParse(value);
  if (!parsed.success) {
    throw new VerificationError('UNTRUSTED_ROOT', `${where} is not a Sigstore trusted root (${describeZodError(parsed.error, 'trusted-root')}). Give a trusted_root.json from your Sigstore instance.`, { where });
  }
  const root = parsed.data;
  try {
    const authority = (ca: z.output<typeof CertAuthoritySchema>) => ({
      certChain: ca.certChain.certificates.map((certificate) => X509Certificate.parse(Buffer.from(certificate.rawBytes, 'base64'))),
      validFor: validity(ca.validFor),
    });
    const log = (entry: z.output<typeof LogSchema>) => ({
      baseURL: entry.baseUrl ?? '',
      logID: Buffer.from((entry.checkpointKeyId ?? entry.logId)?.keyId ?? '', 'base64'),
      publicKey: logKey(entry),
      validFor: validity(entry.publicKey.validFor),
    });
    return {
      certificateAuthorities: root.certificateAuthorities.map(authority),
      timestampAuthorities: root.timestampAuthorities.map(authority),
      tlogs: root.tlogs.map(log),
      ctlogs: root.ctlogs.map(log),
      publicKey: (hint: string) => {
        throw new VerificationError('WRONG_SIGNER', `The bundle is signed with key ${hint}, but this registry signs keyless: only certificates for its publishing workflow are accepted.`);
      },
    };
  } catch (error) {
    if (error instanceof VerificationError) throw error;
    throw new VerificationError('UNTRUSTED_ROOT', `${where} holds a certificate or key that cannot be read (${(error as Error).message}). Replace it with a valid trusted_root.json.`, { where, cause: error });
  }
}

/** Reads a trusted root file. */
export async function readTrustedRoot(path: string | URL): Promise<unknown> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as unknown;
  } catch (error) {
    throw new VerificationError('UNTRUSTED_ROOT', `Cannot read the trusted root ${String(path)} (${(error as Error).message}). Give a readable trusted_root.json.`, { where: String(path), cause: error });
  }
}

/** The public Sigstore trusted root shipped with this package, for offline verification. */
export async function publicGoodTrustedRoot(): Promise<unknown> {
  return readTrustedRoot(new URL('./sigstore-trusted-root.json', import.meta.url));
}
