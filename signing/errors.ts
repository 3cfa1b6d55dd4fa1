/** Errors of signing and verification, each with a closed set of codes. */
import { SkillRegistryError } from '../core/index.ts';

/** Codes of {@link VerificationError}: which check a skill, record, bundle or list failed. */
export type VerificationErrorCode =
  /** The files on disk are not the audited ones. */
  | 'TAMPERED'
  /** The registry holds no record for the digest. */
  | 'UNKNOWN_DIGEST'
  /** The record does not describe the digest it is filed under, or contradicts itself. */
  | 'RECORD_MISMATCH'
  /** The downloaded archive is not the one the record names. */
  | 'ARCHIVE_MISMATCH'
  /** The record has no attestation (an unsigned build). */
  | 'UNSIGNED'
  /** The bundle is not a well-formed Sigstore bundle with a DSSE envelope. */
  | 'MALFORMED_BUNDLE'
  /** The signature, certificate chain or transparency-log proof does not verify. */
  | 'BAD_SIGNATURE'
  /** A valid signature, but from a key or identity this registry does not trust. */
  | 'WRONG_SIGNER'
  /** The signed payload is not the expected statement or list. */
  | 'BAD_PAYLOAD'
  /** The attestation is about another digest or another skill. */
  | 'SUBJECT_MISMATCH'
  /** The audit verdict is `fail`: such skills are never installable. */
  | 'FAILED_AUDIT'
  /** The digest is on the registry's revocation list. */
  | 'REVOKED'
  /** The revocation list is older than the allowed age (a failure only in strict mode). */
  | 'STALE_REVOCATIONS'
  /** The revocation list could not be read. */
  | 'REVOCATIONS_UNAVAILABLE'
  /** The trust policy or trusted root is missing or invalid. */
  | 'UNTRUSTED_ROOT';

/** A skill, record, attestation or revocation list did not verify. */
export class VerificationError extends SkillRegistryError<VerificationErrorCode> {}

/** Codes of {@link SigningError}. */
export type SigningErrorCode =
  /** The configured key file cannot be read. */
  | 'KEY_UNREADABLE'
  /** The key is not an ECDSA P-256 private key. */
  | 'BAD_KEY'
  /** Keyless mode without an identity to publish. */
  | 'NO_IDENTITY'
  /** Keyless mode outside an environment that gives an OIDC token. */
  | 'NO_OIDC_TOKEN'
  /** Fulcio or Rekor refused or could not be reached. */
  | 'SIGNING_FAILED';

/** A signer could not be created or could not sign. */
export class SigningError extends SkillRegistryError<SigningErrorCode> {}
