/**
 * Canary search: tells which per-run canary tokens appear in captured bytes, raw or in the encodings
 * exfiltration code reaches for first (base64 in every alignment, base32 as DNS tunnels use it, hex,
 * URL encoding, reversal). Encodings are matched two ways: the token is encoded into needles, and the
 * captured bytes are decoded (percent-decoding, whitespace removal) into extra haystacks.
 */

/**
 * Encoded needles shorter than this are not searched: a short token's base64 fragment would match
 * unrelated bytes by chance. Canary tokens are long random strings, so their needles are far longer.
 */
const MIN_ENCODED_NEEDLE_LENGTH = 8;

/** One encoded form of a canary; `foldCase` needles are compared with ASCII case ignored. */
interface Needle {
  bytes: Buffer;
  foldCase: boolean;
}

/** Needles per canary token, built once: the same tokens are searched in every event of a run. */
const needleCache = new Map<string, Needle[]>();

/** Tokens whose needles are kept; a long-lived pipeline sees new tokens every run, so the cache is bounded. */
const MAX_CACHED_TOKENS = 1024;

/** Returns the canaries (in the order given, each once) found anywhere in `bytes`. */
export function findCanaries(bytes: Uint8Array, canaries: string[]): string[] {
  const found: string[] = [];
  const wanted = [...new Set(canaries.filter((canary) => canary.length > 0))];
  if (wanted.length === 0 || bytes.length === 0) return found;
  const haystacks = haystacksOf(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  for (const canary of wanted) {
    const needles = needlesOf(canary);
    const hit = needles.some((needle) =>
      haystacks.some((haystack) => (needle.foldCase ? haystack.folded : haystack.exact).includes(needle.bytes)),
    );
    if (hit) found.push(canary);
  }
  return found;
}

/** A form of the captured bytes, exact and with ASCII letters lower-cased. */
interface Haystack {
  exact: Buffer;
  folded: Buffer;
}

function haystacksOf(bytes: Buffer): Haystack[] {
  const forms: Buffer[] = [bytes];
  // Percent-decoding twice catches double-encoded query strings; `+` is a space in form bodies.
  let decoded = bytes;
  for (let round = 0; round < 2 && (decoded.includes(0x25) || decoded.includes(0x2b)); round += 1) {
    const next = percentDecode(decoded);
    if (next.equals(decoded)) break;
    forms.push(next);
    decoded = next;
  }
  // Base64 and base32 are often wrapped in lines (MIME, PEM, `base64` without `-w0`).
  for (const form of [...forms]) {
    const stripped = stripWhitespace(form);
    if (stripped.length !== form.length) forms.push(stripped);
  }
  return forms.map((exact) => ({ exact, folded: asciiLower(exact) }));
}

function needlesOf(canary: string): Needle[] {
  const cached = needleCache.get(canary);
  if (cached !== undefined) return cached;
  const raw = Buffer.from(canary, 'utf8');
  const needles: Needle[] = [{ bytes: raw, foldCase: false }];
  const add = (text: string, foldCase: boolean): void => {
    if (text.length < MIN_ENCODED_NEEDLE_LENGTH) return;
    const bytes = Buffer.from(foldCase ? text.toLowerCase() : text, 'latin1');
    if (!needles.some((needle) => needle.foldCase === foldCase && needle.bytes.equals(bytes))) needles.push({ bytes, foldCase });
  };
  add(Buffer.from([...raw].reverse()).toString('latin1'), false);
  add(raw.toString('hex'), true);
  for (let offset = 0; offset < 3; offset += 1) {
    const inner = alignedInner(raw, offset, 6, (padded) => padded.toString('base64'));
    add(inner, false);
    add(inner.replaceAll('+', '-').replaceAll('/', '_'), false);
  }
  for (let offset = 0; offset < 5; offset += 1) {
    add(alignedInner(raw, offset, 5, base32), true);
  }
  if (needleCache.size >= MAX_CACHED_TOKENS) needleCache.clear();
  needleCache.set(canary, needles);
  return needles;
}

/**
 * The characters of an encoding of `raw` that depend on `raw` alone when it starts `offset` bytes
 * into the encoded stream (`bitsPerChar` bits per output character), whatever bytes surround it.
 */
function alignedInner(raw: Buffer, offset: number, bitsPerChar: number, encode: (bytes: Buffer) => string): string {
  const encoded = encode(Buffer.concat([Buffer.alloc(offset), raw]));
  const start = Math.ceil((offset * 8) / bitsPerChar);
  const end = Math.floor(((offset + raw.length) * 8) / bitsPerChar);
  return encoded.slice(start, end);
}

const BASE32_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** RFC 4648 base32 without padding. */
function base32(bytes: Buffer): string {
  let output = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      output += BASE32_ALPHABET[(buffer >>> (bits - 5)) & 31];
      bits -= 5;
    }
    buffer &= (1 << bits) - 1;
  }
  if (bits > 0) output += BASE32_ALPHABET[(buffer << (5 - bits)) & 31];
  return output;
}

function hexValue(byte: number): number {
  if (byte >= 0x30 && byte <= 0x39) return byte - 0x30;
  if (byte >= 0x41 && byte <= 0x46) return byte - 0x37;
  if (byte >= 0x61 && byte <= 0x66) return byte - 0x57;
  return -1;
}

/** Lenient percent-decoding: `%XX` becomes the byte, `+` a space, anything malformed stays. */
function percentDecode(bytes: Buffer): Buffer {
  const output = Buffer.alloc(bytes.length);
  let length = 0;
  for (let index = 0; index < bytes.length; index += 1) {
    const byte = bytes[index]!;
    if (byte === 0x25 && index + 2 < bytes.length) {
      const high = hexValue(bytes[index + 1]!);
      const low = hexValue(bytes[index + 2]!);
      if (high >= 0 && low >= 0) {
        output[length++] = high * 16 + low;
        index += 2;
        continue;
      }
    }
    output[length++] = byte === 0x2b ? 0x20 : byte;
  }
  return output.subarray(0, length);
}

function stripWhitespace(bytes: Buffer): Buffer {
  const output = Buffer.alloc(bytes.length);
  let length = 0;
  for (const byte of bytes) {
    if (byte !== 0x20 && byte !== 0x0a && byte !== 0x0d && byte !== 0x09) output[length++] = byte;
  }
  return output.subarray(0, length);
}

function asciiLower(bytes: Buffer): Buffer {
  const output = Buffer.from(bytes);
  for (let index = 0; index < output.length; index += 1) {
    const byte = output[index]!;
    if (byte >= 0x41 && byte <= 0x5a) output[index] = byte + 0x20;
  }
  return output;
}
