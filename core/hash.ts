/** SHA-256 helpers shared by the digest, the caches and the verifier. */
import { createHash } from 'node:crypto';

/** Hex SHA-256 of bytes or UTF-8 text. */
export function sha256Hex(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}

/** A `sha256:<hex>` digest string as used across the project. */
export type Sha256Digest = `sha256:${string}`;

const DIGEST_PATTERN = /^(?:sha256:)?([0-9a-f]{64})$/;

/**
 * Reads `sha256:<hex>` or a bare 64-hex string (any case) and returns the lower-case hex, or undefined
 * when the text is not a SHA-256 digest.
 */
export function parseSha256(text: string): string | undefined {
  return DIGEST_PATTERN.exec(text.trim().toLowerCase())?.[1];
}
