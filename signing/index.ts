/**
 * Signing and verification: audit attestations and the revocation list as Sigstore bundles, signed
 * with a registry key or keyless, and verified against a pinned key or workflow identity. Imports
 * only core/ and schemas/ (never the scanner, the sandbox or the site).
 */
export { VerificationError, SigningError, type VerificationErrorCode, type SigningErrorCode } from './errors.ts';
export { keyIdOf, registryKeyFromPem, loadRegistryKey, generateRegistryKeyPem, defaultDevKeyDir, loadOrCreateDevKey, DEV_KEY_FILE, type RegistryKey } from './keys.ts';
export { createSigner, keySigner, keylessSigner, type Signer, type SerializedBundle, type KeylessOptions } from './signers.ts';
export { buildAuditStatement, signAttestation, signRevocationList, skillSubjectName, REVOCATIONS_PAYLOAD_TYPE } from './statements.ts';
export { verifyBundle, verifyAttestation, verifyRevocationList, type BundleVerifyOptions, type ExpectedSubject, type VerifiedPayload } from './verify.ts';
export { trustMaterialFromRoot, readTrustedRoot, publicGoodTrustedRoot, TrustedRootSchema, type TrustedRoot } from './trusted-root.ts';
