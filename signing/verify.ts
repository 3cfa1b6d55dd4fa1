/**
 * Verification of the registry's Sigstore bundles against a pinned signer: the registry key (by key id)
 * or the publishing workflow's identity (issuer and SAN matched exactly, with the certificate chain,
 * SCT and transparency-log proof checked against a trusted root). A valid signature from anyone else
 * is a failure.
 */
import { createPublicKey, type KeyObject } from 'node:crypto';
import { bundleFromJSON, type Bundle } from '@sigstore/bundle';
import { Verifier, toSignedEntity, type TrustMaterial } from '@sigstore/verify';
import { digestFiles, parseSha256 } from '../core/index.ts';
import { AuditStatementSchema, IN_TOTO_PAYLOAD_TYPE, RevocationListSchema, TrustPolicySchema, describeZodError, type AuditStatement, type RevocationList, type TrustPolicy } from '../schemas/index.ts';
import { VerificationError } from './errors.ts';
import { keyIdOf } from './keys.ts';
import { REVOCATIONS_PAYLOAD_TYPE, skillSubjectName } from './statements.ts';
import { publicGoodTrustedRoot, trustMaterialFromRoot } from './trusted-root.ts';

/** Options of bundle verification. */
export interface BundleVerifyOptions {
  /** Keyless only: the trusted root (parsed JSON). Default: the public Sigstore root shipped with this package. */
  trustedRoot?: unknown;
}

/** What a verified bundle carried, and who signed it. */
export interface VerifiedPayload {
  /** DSSE payload bytes. */
  payload: Buffer;
  /** DSSE payload type. */
  payloadType: string;
  /** Key id (key mode) or certificate SAN (keyless) of the signer. */
  signer: string;
}

function checkedTrust(trust: TrustPolicy): TrustPolicy {
  const parsed = TrustPolicySchema.safeParse(trust);
  if (!parsed.success) throw new VerificationError('UNTRUSTED_ROOT', `The trust policy is invalid (${describeZodError(parsed.error, 'trust')}). Give a trust.json with mode "key" (publicKey, keyId) or "keyless" (identity).`);
  return parsed.data;
}

function parseBundle(value: unknown, what: string): Bundle {
  let bundle: Bundle;
  try {
    bundle = bundleFromJSON(value);
  } catch (error) {
    throw new VerificationError('MALFORMED_BUNDLE', `The ${what} is not a valid Sigstore bundle (${(error as Error).message}). The registry may be corrupt or serving something else: report it to the registry operator.`, { cause: error });
  }
  if (bundle.content.$case !== 'dsseEnvelope') {
    throw new VerificationError('MALFORMED_BUNDLE', `The ${what} holds a ${bundle.content.$case}, not a DSSE envelope. Registry bundles always wrap a DSSE envelope.`);
  }
  return bundle;
}

function keyTrustMaterial(trust: Extract<TrustPolicy, { mode: 'key' }>, what: string): TrustMaterial {
  let publicKey: KeyObject;
  try {
    publicKey = createPublicKey(trust.publicKey);
  } catch (error) {
    throw new VerificationError('UNTRUSTED_ROOT', `The trust policy's publicKey is not a PEM public key (${(error as Error).message}). Fix trust.json.`, { cause: error });
  }
  if (keyIdOf(publicKey) !== trust.keyId.toLowerCase()) {
    throw new VerificationError('UNTRUSTED_ROOT', `The trust policy's keyId ${trust.keyId} is not the SHA-256 of its publicKey (${keyIdOf(publicKey)}). Fix trust.json.`);
  }
  return {
    certificateAuthorities: [],
    timestampAuthorities: [],
    tlogs: [],
    ctlogs: [],
    publicKey: (hint: string) => {
      if (hint.toLowerCase() !== trust.keyId.toLowerCase()) throw new VerificationError('WRONG_SIGNER', `The ${what} is signed with key ${hint || '(no key id)'}, not with the registry key ${trust.keyId}. Someone other than the registry signed it: do not use it.`);
      return { publicKey, validFor: () => true };
    },
  };
}

/**
 * Verifies a bundle's signature and signer against `trust`, and returns its DSSE payload. Throws
 * {@link VerificationError}: MALFORMED_BUNDLE, BAD_SIGNATURE, WRONG_SIGNER, UNTRUSTED_ROOT.
 */
export async function verifyBundle(value: unknown, trustPolicy: TrustPolicy, options: BundleVerifyOptions = {}, what = 'bundle'): Promise<VerifiedPayload> {
  const trust = checkedTrust(trustPolicy);
  const bundle = parseBundle(value, what);
  const material = bundle.verificationMaterial.content;
  let verifier: Verifier;
  if (trust.mode === 'key') {
    if (material.$case !== 'publicKey') {
      throw new VerificationError('WRONG_SIGNER', `The ${what} is signed with a Sigstore certificate, but this registry signs with its key ${trust.keyId}. Someone other than the registry signed it: do not use it.`);
    }
    // No transparency log or timestamp in key mode: a private registry signs offline.
    verifier = new Verifier(keyTrustMaterial(trust, what), { tlogThreshold: 0, ctlogThreshold: 0, timestampThreshold: 0 });
  } else {
    if (material.$case === 'publicKey') {
      throw new VerificationError('WRONG_SIGNER', `The ${what} is signed with key ${material.publicKey.hint || '(no key id)'}, but this registry signs keyless as ${trust.identity.subject}. Someone other than the registry signed it: do not use it.`);
    }
    verifier = new Verifier(trustMaterialFromRoot(options.trustedRoot ?? (await publicGoodTrustedRoot())));
  }
  let signer: ReturnType<Verifier['verify']>;
  try {
    signer = verifier.verify(toSignedEntity(bundle));
  } catch (error) {
    if (error instanceof VerificationError) throw error;
    const code = (error as { code?: string }).code ?? 'ERROR';
    throw new VerificationError('BAD_SIGNATURE', `The ${what}'s signature does not verify (${code}: ${(error as Error).message}). Its content was changed after signing or it was not signed by a trusted signer: do not use it.`, { cause: error });
  }
  let who: string;
  if (trust.mode === 'keyless') {
    const subject = signer.identity?.subjectAlternativeName;
    const issuer = signer.identity?.extensions?.issuer;
    // Exact string comparison: a pattern would let `…/publish.yml@refs/heads/main-evil` through.
    if (subject !== trust.identity.subject || issuer !== trust.identity.issuer) {
      throw new VerificationError(
        'WRONG_SIGNER',
        `The ${what} was signed by ${subject ?? '(no identity)'} (issuer ${issuer ?? 'unknown'}), not by this registry's publishing workflow ${trust.identity.subject} (issuer ${trust.identity.issuer}). A valid signature from another identity proves nothing: do not use it.`,
      );
    }
    who = subject;
  } else {
    who = trust.keyId;
  }
  const envelope = (bundle.content as Extract<Bundle['content'], { $case: 'dsseEnvelope' }>).dsseEnvelope;
  return { payload: Buffer.from(envelope.payload), payloadType: envelope.payloadType, signer: who };
}

function parsePayload(payload: Buffer, what: string): unknown {
  try {
    return JSON.parse(payload.toString('utf8')) as unknown;
  } catch (error) {
    throw new VerificationError('BAD_PAYLOAD', `The signed ${what} is not JSON (${(error as Error).message}).`, { cause: error });
  }
}

/** What an attestation must be about. */
export interface ExpectedSubject {
  /** The tree digest. */
  digest: `sha256:${string}`;
  /** Publisher the record names. */
  publisher?: string;
  /** Skill name the record names. */
  name?: string;
  /** Version the record names. */
  version?: string;
}

/**
 * Verifies an audit attestation bundle and returns its statement. Beyond the signature, the subject
 * must be the expected digest (and skill), and the per-file hashes must add up to that digest.
 */
export async function verifyAttestation(bundle: unknown, trust: TrustPolicy, expected: ExpectedSubject, options: BundleVerifyOptions = {}): Promise<AuditStatement> {
  const verified = await verifyBundle(bundle, trust, options, 'attestation bundle');
  if (verified.payloadType !== IN_TOTO_PAYLOAD_TYPE) {
    throw new VerificationError('BAD_PAYLOAD', `The attestation's payload type is ${JSON.stringify(verified.payloadType)}, not ${IN_TOTO_PAYLOAD_TYPE}. It is not an audit attestation.`);
  }
  const parsed = AuditStatementSchema.safeParse(parsePayload(verified.payload, 'attestation'));
  if (!parsed.success) {
    throw new VerificationError('BAD_PAYLOAD', `The signed attestation is not an audit statement this version reads (${describeZodError(parsed.error, 'attestation')}). Update skill-registry, or report the registry.`);
  }
  const statement = parsed.data;
  const subject = statement.subject[0];
  const want = parseSha256(expected.digest);
  if (subject.digest.sha256 !== want) {
    throw new VerificationError('SUBJECT_MISMATCH', `The attestation is about sha256:${subject.digest.sha256}, not ${expected.digest}. The registry served the attestation of other files: do not use these.`);
  }
  if (expected.publisher !== undefined && expected.name !== undefined) {
    const prefix = `pkg:skill/${expected.publisher}/${expected.name}@`;
    const exact = expected.version === undefined ? undefined : skillSubjectName(expected.publisher, expected.name, expected.version);
    if (!subject.name.startsWith(prefix) || (exact !== undefined && subject.name !== exact)) {
      throw new VerificationError('SUBJECT_MISMATCH', `The attestation is for ${subject.name}, but the record is ${exact ?? `${prefix}…`}. The record and the signed audit disagree about which skill this is.`);
    }
  }
  const fromFiles = digestFiles(statement.predicate.tree.files, 'the attestation').digest;
  if (fromFiles !== `sha256:${want}`) {
    throw new VerificationError('SUBJECT_MISMATCH', `The attestation's per-file hashes add up to ${fromFiles}, not to its subject ${expected.digest}. The attestation contradicts itself: report the registry.`);
  }
  return statement;
}

/** Verifies the signed revocation list and returns it. */
export async function verifyRevocationList(bundle: unknown, trust: TrustPolicy, options: BundleVerifyOptions = {}): Promise<RevocationList> {
  const verified = await verifyBundle(bundle, trust, options, 'revocation list');
  if (verified.payloadType !== REVOCATIONS_PAYLOAD_TYPE) {
    throw new VerificationError('BAD_PAYLOAD', `The revocation list's payload type is ${JSON.stringify(verified.payloadType)}, not ${REVOCATIONS_PAYLOAD_TYPE}. The registry served something else as its revocation list.`);
  }
  const parsed = RevocationListSchema.safeParse(parsePayload(verified.payload, 'revocation list'));
  if (!parsed.success) {
    throw new VerificationError('BAD_PAYLOAD', `The signed revocation list is not in a format this version reads (${describeZodError(parsed.error, 'revocations')}). Update skill-registry.`);
  }
  return parsed.data;
}
