/**
 * Canary search: tells which per-run canary tokens appear in captured bytes, raw or in the transforms
 * exfiltration code reaches for: base64 in every alignment, base32 as DNS tunnels use it, hex, URL
 * encoding, reversal, XOR with a short repeating key, and compression (zlib, gzip, raw deflate), also
 * nested (XOR, then deflate, then base64). Encodings are matched two ways: the token is encoded into
 * needles, and the captured bytes are decoded (percent-decoding, whitespace removal, base64 and hex runs,
 * inflating) into extra haystacks. XOR needs no key: bytes XORed with a key of period p keep the XOR of
 * every byte with the one p places on, so that difference of the token is searched in the same
 * difference of every haystack.
 */
import { constants, gunzipSync, inflateRawSync, inflateSync } from 'node:zlib';

/**
 * Encoded needles shorter than this are not searched: a short token's base64 fragment would match
 * unrelated bytes by chance. Canary tokens are long random strings, so their needles are far longer.
 */
const MIN_ENCODED_NEEDLE_LENGTH = 8;

/** Key lengths of repeating-key XOR searched (1 is a single-byte key). */
const MAX_XOR_PERIOD = 8;

/** Largest form searched for keys longer than one byte (stolen files are kilobytes; a flood is not). */
const MAX_LONG_KEY_FORM_BYTES = 256 * 1024;

/** Shortest XOR-difference needle: twelve random bytes never match unrelated bytes by chance. */
const MIN_XOR_NEEDLE_LENGTH = 12;

/** Decoding steps applied one after another to reach a nested form (base64 of deflate of XOR). */
const MAX_DECODE_DEPTH = 3;

/** Bounds on the decoded forms of one capture, so a crafted body cannot make the search explode. */
const MAX_FORMS = 64;
const MAX_FORM_BYTES_TOTAL = 32 * 1024 * 1024;
const MAX_INFLATED_BYTES = 8 * 1024 * 1024;

/** Compressed streams tried per form (each a zlib or gzip header found in it). */
const MAX_STREAMS_PER_FORM = 16;

/** One encoded form of a canary; `foldCase` needles are compared with ASCII case ignored. */
interface Needle {
  bytes: Buffer;
  foldCase: boolean;
}

/** The needles of one canary: encoded forms, and the XOR differences per key period (token and reversed). */
interface CanaryNeedles {
  encoded: Needle[];
  xor: Buffer[][];
}

/** What to search: `decode` (default true) also searches decoded and inflated forms of the bytes. */
export interface CanarySearchOptions {
  decode?: boolean;
}

/** Returns the canaries (in the order given, each once) found anywhere in `bytes`. */
export function findCanaries(bytes: Uint8Array, canaries: string[], options: CanarySearchOptions = {}): string[] {
  const wanted = [...new Set(canaries.filter((canary) => canary.length > 0))];
  if (wanted.length === 0 || bytes.length === 0) return [];
  const decode = options.decode !== false;
  const searcher = searcherFor(wanted);
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const hits = new Set<number>();
  for (const haystack of haystacksOf(buffer, decode)) {
    searcher.exact.search(haystack.bytes, hits);
    searcher.folded.search(asciiLower(haystack.bytes), hits);
    if (!haystack.binary) continue;
    // Longer keys only on forms of a size secrets are sent in, and never on bytes streamed past the capture
    // cap: a single-byte key is tried everywhere, the search stays a few passes per captured byte.
    const longKeys = decode && haystack.bytes.length <= MAX_LONG_KEY_FORM_BYTES;
    for (const [index, set] of searcher.xor.entries()) if (index === 0 || longKeys) set.search(xorDifference(haystack.bytes, index + 1), hits);
  }
  return wanted.filter((_, index) => hits.has(index));
}

/**
 * Needles of many canaries searched in one pass: each position's next four bytes are hashed into a bit
 * table of needle prefixes, and only a set bit leads to a lookup and a full comparison. A 1 MiB capture
 * costs a few passes, whatever the number of canaries and encodings.
 */
class NeedleSet {
  readonly #filter = new Uint32Array(1 << (FILTER_BITS - 5));
  readonly #byPrefix = new Map<number, { bytes: Buffer; owner: number }[]>();

  add(bytes: Buffer, owner: number): void {
    if (bytes.length < 4) return;
    const key = bytes.readInt32LE(0);
    const slot = filterSlot(key);
    this.#filter[slot >>> 5]! |= 1 << (slot & 31);
    const list = this.#byPrefix.get(key);
    if (list === undefined) this.#byPrefix.set(key, [{ bytes, owner }]);
    else if (!list.some((item) => item.owner === owner && item.bytes.equals(bytes))) list.push({ bytes, owner });
  }

  /** Adds the owner of every needle found in `haystack` to `found`. */
  search(haystack: Buffer, found: Set<number>): void {
    if (this.#byPrefix.size === 0 || haystack.length < 4) return;
    const filter = this.#filter;
    let key = (haystack[0]! | (haystack[1]! << 8) | (haystack[2]! << 16)) << 8;
    for (let index = 0; index + 4 <= haystack.length; index += 1) {
      key = (key >>> 8) | (haystack[index + 3]! << 24);
      const slot = filterSlot(key);
      if ((filter[slot >>> 5]! & (1 << (slot & 31))) === 0) continue;
      const list = this.#byPrefix.get(key);
      if (list === undefined) continue;
      for (const { bytes, owner } of list) {
        if (!found.has(owner) && index + bytes.length <= haystack.length && haystack.compare(bytes, 0, bytes.length, index, index + bytes.length) === 0) found.add(owner);
      }
    }
  }
}

/** Size of a needle set's prefix filter, in bits (as a power of two). */
const FILTER_BITS = 20;

/** A four-byte prefix's bit in the filter (multiplicative hashing). */
function filterSlot(key: number): number {
  return Math.imul(key, 0x9e3779b1) >>> (32 - FILTER_BITS);
}

/** The needle sets of one list of canaries: exact, ASCII case-folded, and XOR differences per key period. */
interface Searcher {
  exact: NeedleSet;
  folded: NeedleSet;
  xor: NeedleSet[];
}

/** The last list's searcher: a run searches every capture for the same canaries. */
let cachedSearcher: { key: string; searcher: Searcher } | undefined;

function searcherFor(wanted: string[]): Searcher {
  const key = wanted.join('\n');
  if (cachedSearcher?.key === key) return cachedSearcher.searcher;
  const searcher: Searcher = { exact: new NeedleSet(), folded: new NeedleSet(), xor: Array.from({ length: MAX_XOR_PERIOD }, () => new NeedleSet()) };
  for (const [owner, canary] of wanted.entries()) {
    const needles = needlesOf(canary);
    for (const needle of needles.encoded) (needle.foldCase ? searcher.folded : searcher.exact).add(needle.bytes, owner);
    for (const [period, list] of needles.xor.entries()) for (const needle of list) searcher.xor[period]!.add(needle, owner);
  }
  cachedSearcher = { key, searcher };
  return searcher;
}

/** `bytes[i] ^ bytes[i + period]` for every i: the same for the bytes and for them XORed with any key of that period. */
function xorDifference(bytes: Buffer, period: number): Buffer {
  const length = Math.max(0, bytes.length - period);
  const output = Buffer.allocUnsafe(length);
  for (let index = 0; index < length; index += 1) output[index] = bytes[index]! ^ bytes[index + period]!;
  return output;
}

/** A form of the captured bytes; `binary` forms (not whitespace-stripped text) are also searched for XORed tokens. */
interface Haystack {
  bytes: Buffer;
  binary: boolean;
}

function haystacksOf(bytes: Buffer, decode: boolean): Haystack[] {
  const forms: Haystack[] = [];
  let budget = MAX_FORM_BYTES_TOTAL;
  const add = (form: Buffer, binary: boolean): boolean => {
    if (form.length === 0 || forms.length >= MAX_FORMS || form.length > budget || forms.some((known) => known.bytes.equals(form))) return false;
    forms.push({ bytes: form, binary });
    budget -= form.length;
    return true;
  };
  add(bytes, true);
  // Each round decodes the forms the previous round found: percent-encoding (twice catches double-encoded
  // query strings), wrapped lines, base64 and hex runs, compressed streams.
  let frontier = [bytes];
  for (let depth = 0; depth < (decode ? MAX_DECODE_DEPTH : 1) && frontier.length > 0; depth += 1) {
    const next: Buffer[] = [];
    for (const form of frontier) {
      const { decoded, stripped } = textDecodings(form);
      for (const item of decoded) if (add(item, true)) next.push(item);
      // Stripped forms are searched for encoded tokens only; wrapped base64 runs are joined by runDecodings.
      for (const item of stripped) add(item, false);
      if (!decode) continue;
      for (const item of [...runDecodings(form), ...inflations(form)]) if (add(item, true)) next.push(item);
    }
    frontier = next;
  }
  return forms;
}

/** Percent-decoding (twice) and whitespace removal: base64 and base32 are often wrapped in lines. */
function textDecodings(form: Buffer): { decoded: Buffer[]; stripped: Buffer[] } {
  const decoded: Buffer[] = [];
  let current = form;
  for (let round = 0; round < 2 && (current.includes(0x25) || current.includes(0x2b)); round += 1) {
    const next = percentDecode(current);
    if (next.equals(current)) break;
    decoded.push(next);
    current = next;
  }
  const stripped: Buffer[] = [];
  for (const item of [form, ...decoded]) {
    const without = stripWhitespace(item);
    if (without.length !== item.length) stripped.push(without);
  }
  return { decoded, stripped };
}

/**
 * Base64 and hex runs decoded, all runs of a form joined into one haystack (a zero byte between them).
 * A base64 run may be wrapped in lines (MIME, PEM, `base64` without `-w0`); its lines are joined first.
 * Runs shorter than 16 base64 or 32 hex characters are left alone: a token's encoding is far longer.
 */
function runDecodings(form: Buffer): Buffer[] {
  const text = form.toString('latin1');
  const base64: Buffer[] = [];
  for (const match of text.matchAll(/[A-Za-z0-9+/_-]{16,}(?:={0,2}\r?\n[A-Za-z0-9+/_-]+)*/g)) {
    base64.push(Buffer.from(match[0].replace(/[\r\n]/g, ''), 'base64'), Buffer.alloc(1));
  }
  const hex: Buffer[][] = [[], []];
  for (const match of text.matchAll(/[0-9a-fA-F]{32,}/g)) {
    for (let shift = 0; shift < 2; shift += 1) {
      const run = match[0].slice(shift);
      hex[shift]!.push(Buffer.from(run.slice(0, run.length - (run.length % 2)), 'hex'), Buffer.alloc(1));
    }
  }
  return [base64, ...hex].filter((parts) => parts.length > 0).map((parts) => Buffer.concat(parts));
}

/** Every zlib or gzip stream starting in the form, inflated (bounded); and the whole form as raw deflate. */
function inflations(form: Buffer): Buffer[] {
  const output: Buffer[] = [];
  const options = { maxOutputLength: MAX_INFLATED_BYTES, finishFlush: constants.Z_SYNC_FLUSH };
  const attempt = (inflate: () => Buffer): void => {
    try {
      const inflated = inflate();
      if (inflated.length > 0) output.push(inflated);
    } catch {
      // Not a stream after all (or cut off before its first block): nothing to search.
    }
  };
  let tried = 0;
  const mayHoldHeader = form.includes(0x1f) || form.includes(0x78);
  for (let index = 0; mayHoldHeader && index + 2 < form.length && tried < MAX_STREAMS_PER_FORM; index += 1) {
    const first = form[index]!;
    const second = form[index + 1]!;
    if (first === 0x1f && second === 0x8b && form[index + 2] === 8) {
      tried += 1;
      const stream = form.subarray(index);
      // A gzip member with no optional header fields is raw deflate after ten bytes; that read tolerates trailing bytes.
      attempt(() => (stream[3] === 0 ? inflateRawSync(stream.subarray(10), options) : gunzipSync(stream, options)));
    } else if (first === 0x78 && (first * 256 + second) % 31 === 0 && (second & 0x20) === 0) {
      tried += 1;
      attempt(() => inflateSync(form.subarray(index), options));
    }
  }
  attempt(() => inflateRawSync(form, options));
  return output;
}

/** The needles of one canary (built when a run's searcher is, once per list of canaries). */
function needlesOf(canary: string): CanaryNeedles {
  const raw = Buffer.from(canary, 'utf8');
  const reversed = Buffer.from([...raw].reverse());
  const needles: Needle[] = [{ bytes: raw, foldCase: false }];
  const add = (text: string, foldCase: boolean): void => {
    if (text.length < MIN_ENCODED_NEEDLE_LENGTH) return;
    const bytes = Buffer.from(foldCase ? text.toLowerCase() : text, 'latin1');
    if (!needles.some((needle) => needle.foldCase === foldCase && needle.bytes.equals(bytes))) needles.push({ bytes, foldCase });
  };
  add(reversed.toString('latin1'), false);
  add(raw.toString('hex'), true);
  for (let offset = 0; offset < 3; offset += 1) {
    const inner = alignedInner(raw, offset, 6, (padded) => padded.toString('base64'));
    add(inner, false);
    add(inner.replaceAll('+', '-').replaceAll('/', '_'), false);
  }
  for (let offset = 0; offset < 5; offset += 1) {
    add(alignedInner(raw, offset, 5, base32), true);
  }
  // A difference needle must stay long enough that no unrelated bytes match it by chance.
  const xor: Buffer[][] = [];
  for (let period = 1; period <= MAX_XOR_PERIOD; period += 1) {
    xor.push(raw.length - period >= MIN_XOR_NEEDLE_LENGTH ? [xorDifference(raw, period), xorDifference(reversed, period)] : []);
  }
  return { encoded: needles, xor };
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
  for (let index = 0; index < bytes.length; index += 1) {
    const byte = bytes[index]!;
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
