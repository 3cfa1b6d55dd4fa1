import { gunzipSync, inflateRawSync, inflateSync } from 'node:zlib';
import { SECRET_ENV_NAME, SENSITIVE_FILE } from '../core/index.ts';

/**
 * Decoding what attackers encode: base64 (and zlib or gzip inside it), base32, hex (plain and `\x` escapes),
 * char-code lists, URL and unicode escapes, and text written backwards (`hs | hs.llatsni//:sptth lruc`). A candidate is kept only when it decodes to mostly printable text, so hashes and
 * identifiers do not turn into noise. Decoding recurses a few levels (base64 inside base64).
 */

/** One decoded piece of text. */
export interface Decoded {
  /** How it was encoded (`base64`, `base32`, `hex`, `char-codes`, `url-escapes`, `unicode-escapes`, `reversed`, chained with `+`). */
  how: string;
  /** The decoded text. */
  text: string;
  /** Offset of the encoded text in the input. */
  index: number;
  /** The encoded text as found (for evidence). */
  encoded: string;
}

/** Deepest nesting decoded (base64 of hex of base64 …); real payloads use one or two layers. */
const MAX_DEPTH = 3;
/** Shortest base64 run considered: shorter runs are common words and identifiers. */
const MIN_BASE64 = 16;

const BASE64 = /(?<![A-Za-z0-9+/_-])(?:[A-Za-z0-9+/]{4}){4,}(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?(?![A-Za-z0-9+/_-])|(?<![A-Za-z0-9+/_-])[A-Za-z0-9_-]{22,}={0,2}(?![A-Za-z0-9+/_-])/g;
const HEX_ESCAPES = /(?:\\x[0-9a-fA-F]{2}){4,}/g;
const HEX_PLAIN = /(?<![0-9a-fA-F])(?:[0-9a-fA-F]{2}){8,}(?![0-9a-fA-F])/g;
const CHAR_CODE_LIST = /(?<![\w.])(?:\d{2,3}\s*,\s*){5,}\d{2,3}(?![\w.])/g;
const URL_ESCAPES = /(?:%[0-9a-fA-F]{2}){4,}/g;
const UNICODE_ESCAPES = /(?:\\u[0-9a-fA-F]{4}|\\u\{[0-9a-fA-F]+\}){4,}/g;

/** The characters a base64 match (either alphabet, with its padding) and a plain hex match are made of. */
const BASE64_CHARACTERS = characterSet('A-Za-z0-9+/_=-');
const HEX_CHARACTERS = characterSet('0-9a-fA-F');

/** A lookup table of the ASCII characters a regex character class (without brackets) holds. */
function characterSet(members: string): Uint8Array {
  const set = new Uint8Array(128);
  const member = new RegExp(`[${members}]`);
  for (let code = 0; code < 128; code += 1) set[code] = member.test(String.fromCharCode(code)) ? 1 : 0;
  return set;
}

/**
 * The matches of a global `pattern` made only of characters of `set`, `shortest` or more long, whose
 * lookarounds read one character on each side: found by running it over each long enough run of those
 * characters with its neighbours, not over every position of the text, which is far dearer for an
 * expression that starts with a lookbehind.
 */
function matchesInRuns(input: string, pattern: RegExp, set: Uint8Array, shortest: number): { text: string; index: number }[] {
  const out: { text: string; index: number }[] = [];
  let start = 0;
  for (let index = 0; index <= input.length; index += 1) {
    const code = index < input.length ? input.charCodeAt(index) : 128;
    if (code < 128 && set[code] === 1) continue;
    if (index - start >= shortest) {
      const from = Math.max(0, start - 1);
      const window = input.slice(from, Math.min(input.length, index + 1));
      for (const match of window.matchAll(pattern)) out.push({ text: match[0], index: from + match.index });
    }
    start = index + 1;
  }
  return out;
}

/** Share of characters that are printable ASCII or common white space. */
function printableShare(text: string): number {
  if (text.length === 0) return 0;
  let printable = 0;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if ((code >= 0x20 && code < 0x7f) || code === 0x0a || code === 0x0d || code === 0x09) printable += 1;
  }
  return printable / text.length;
}

/** Text worth scanning: mostly printable and with some letters and separators, not random bytes. */
function looksLikeText(text: string): boolean {
  if (text.length < 6) return false;
  if (printableShare(text) < 0.9) return false;
  return /[a-zA-Z]{2}/.test(text) && /[\s./:;|=-]/.test(text);
}

/** Largest output one compressed blob may inflate to: payloads are small, bombs are not worth reading. */
const MAX_INFLATED = 1 << 20;

/** Compressed bytes (zlib or gzip, as `zlib.compress` and `gzip` write them) as text, when they inflate to text. */
function inflated(bytes: Buffer): string | undefined {
  const zlibHeader = bytes.length > 2 && bytes[0] === 0x78 && [0x01, 0x5e, 0x9c, 0xda].includes(bytes[1]);
  const gzipHeader = bytes.length > 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
  if (!zlibHeader && !gzipHeader) return undefined;
  try {
    const text = (gzipHeader ? gunzipSync(bytes, { maxOutputLength: MAX_INFLATED }) : inflateSync(bytes, { maxOutputLength: MAX_INFLATED })).toString('utf8');
    return looksLikeText(text) ? text : undefined;
  } catch {
    return undefined; // truncated, corrupt or larger than the limit: nothing readable
  }
}

/** A URL scheme written backwards (`//:sptth`): the text around it is meant to be read reversed. */
const REVERSED_SCHEME = /\/\/:s?ptth/g;
/** Where a reversed run ends: a line break or a quote. */
const RUN_END = /[\n'"`]/;

/** Runs of text around each reversed URL scheme, bounded by line breaks and quotes. */
function reversedRuns(input: string): { text: string; index: number }[] {
  const out: { text: string; index: number }[] = [];
  for (const match of input.matchAll(REVERSED_SCHEME)) {
    let start = match.index;
    while (start > 0 && !RUN_END.test(input[start - 1])) start -= 1;
    let end = match.index + match[0].length;
    while (end < input.length && !RUN_END.test(input[end])) end += 1;
    if (out.at(-1)?.index !== start) out.push({ text: input.slice(start, end), index: start });
    // A reversed command carries its own quotes (`rev <<< 'lmot.gifnoc ")… tac($=gfc" … lruc'`): the whole literal
    // around the scheme, quoted with a character it does not contain, is the run as well.
    // Not when the run is a literal already (the same quote on both sides).
    const whole = input[start - 1] === input[end] ? undefined : enclosingLiteral(input, match.index, match.index + match[0].length);
    if (whole && whole.start < start && out.every((run) => run.index !== whole.start)) out.push({ text: input.slice(whole.start, whole.end), index: whole.start });
  }
  return out;
}

/** A quoted literal that a reverser reads: a here-string or pipe into `rev`, Python's `[::-1]` and `reversed(…)`, JavaScript's split-reverse-join and `[...s].reverse()`. */
const REVERSED_LITERAL = /\brev\s*<<<\s*(['"])([^\n]{8,4000}?)\1|\b(?:echo|printf)\s+(?:-[\w-]+\s+|'%s'\s+|"%s"\s+)*(['"])([^\n]{8,4000}?)\3\s*\|\s*rev\b|(['"])([^\n'"]{8,4000})\5\s*\[\s*::\s*-1\s*\]|(['"])([^\n'"]{8,4000})\7\s*\.split\(\s*(['"])\9\s*\)\s*\.reverse\(\)|\breversed\(\s*(['"])([^\n'"]{8,4000})\10\s*\)|\[\s*\.\.\.\s*(['"`])([^\n'"`]{8,4000})\12\s*\]\s*\.reverse\(\)/g;

/**
 * A function of the program that reverses its argument (`const r = (s) => s.split('').reverse().join('')`, `def r(s): return s[::-1]`,
 * `r = lambda s: "".join(reversed(s))`): the literals handed to it (`r('vne.')`, `['YEK_…'].map(r)`) are read reversed.
 */
const REVERSER_HELPER = /\b(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*=\s*(?:function\s*)?\(?\s*([A-Za-z_$][\w$]*)\s*\)?\s*(?:=>)?\s*\{?\s*(?:return\s+)?(?:\[\s*\.\.\.\s*\2\s*\]|\2\.split\(\s*(['"])\3\s*\)|Array\.from\(\s*\2\s*\))\s*\.reverse\(\)\s*\.join\(|\bfunction\s+([A-Za-z_$][\w$]*)\s*\(\s*([A-Za-z_$][\w$]*)\s*\)\s*\{\s*return\s+(?:\[\s*\.\.\.\s*\5\s*\]|\5\.split\(\s*(['"])\6\s*\)|Array\.from\(\s*\5\s*\))\s*\.reverse\(\)\s*\.join\(|\bdef\s+([A-Za-z_]\w*)\s*\(\s*([A-Za-z_]\w*)\s*\)\s*(?:->\s*\w+\s*)?:\s*(?:\n\s*)?(?:(?:"{3}[^]*?"{3}|'{3}[^]*?'{3}|"[^"\n]*"|'[^'\n]*')\s*\n\s*)?return\s+(?:\8\s*\[\s*::\s*-1\s*\]|["']{2}\.join\(\s*reversed\(\s*\8\s*\)\s*\))|\b([A-Za-z_]\w*)\s*=\s*lambda\s+([A-Za-z_]\w*)\s*:\s*(?:\10\s*\[\s*::\s*-1\s*\]|["']{2}\.join\(\s*reversed\(\s*\10\s*\)\s*\))/g;

/** What a reversed literal reads as when it means something: an environment variable's name, a home or dot path, an address. */
const REVERSED_READS_AS = /^[A-Z][A-Z0-9]*_[A-Z0-9_]+$|^~?\/?\.[\w-]+(?:\/[\w.-]+)*$|^~\/|^(?:https?|wss?):\/\/[\w.-]+/;

/** The literals a program hands to a reversing function of its own, each read reversed, with where each stands. */
export function reversedByHelper(input: string): { text: string; index: number; encoded: string }[] {
  if (!/reverse|\[\s*::\s*-1\s*\]/.test(input)) return [];
  const out: { text: string; index: number; encoded: string }[] = [];
  for (const helper of input.matchAll(REVERSER_HELPER)) {
    const name = (helper[1] ?? helper[4] ?? helper[7] ?? helper[9])!.replace(/\$/g, '\\$');
    // `r('…')` one by one, or a list mapped through it (`['…', '…'].map(r)`, `map(r, ['…'])`, `[r(x) for x in ('…', …)]`).
    const literals = [
      ...[...input.matchAll(new RegExp(`(?<![\\w$.])${name}\\(\\s*(['"\x60])([^'"\x60\\n]{2,400})\\1\\s*\\)`, 'g'))].map((match) => ({ literal: match[2]!, index: match.index + match[0].indexOf(match[2]!) })),
      ...[...input.matchAll(new RegExp(`\\[([^\\[\\]]{2,4000})\\]\\s*\\.map\\(\\s*${name}\\s*\\)|\\bmap\\(\\s*${name}\\s*,\\s*[\\[(]([^\\[\\]()]{2,4000})[\\])]`, 'g'))].flatMap((match) => [...(match[1] ?? match[2]!).matchAll(/(['"`])([^'"`\n]{2,400})\1/g)].map((item) => ({ literal: item[2]!, index: match.index + match[0].indexOf(item[0]) + 1 }))),
    ];
    // Handed a name (`back(n)` for `n` over a list of literals): every literal of the program that reads, reversed, as a variable
    // name, a path or an address is one it may reverse.
    if (new RegExp(`(?<![\\w$.])${name}\\(\\s*[A-Za-z_$][\\w$.]*(?:\\[[^\\]\\n]*\\])?\\s*\\)`).test(input)) {
      for (const match of input.matchAll(/(['"`])([^'"`\n\\]{3,400})\1/g)) {
        const text = [...match[2]!].reverse().join('');
        if (REVERSED_READS_AS.test(text)) literals.push({ literal: match[2]!, index: match.index + 1 });
      }
    }
    for (const { literal, index } of literals) if (out.every((entry) => entry.index !== index)) out.push({ text: [...literal].reverse().join(''), index, encoded: literal });
  }
  return out.sort((a, b) => a.index - b.index);
}

/**
 * A literal handed to a ROT13 decoder: Python's `codecs.decode("…", "rot13")` (or `encode`, the same for ROT13) and
 * `tr 'A-Za-z' 'N-ZA-Mn-za-m'` fed by `echo '…' |` or `<<< '…'`.
 */
const ROT13_LITERAL = /\bcodecs\.(?:de|en)code\(\s*(['"])([^\n]{8,4000}?)\1\s*,\s*['"]rot[_-]?13['"]|\b(?:echo|printf)\s+(?:-[\w-]+\s+)*(['"])([^\n]{8,4000}?)\3\s*\|\s*tr\s+['"]?\[?(?:A-Za-z|a-zA-Z)\]?['"]?\s+['"]?\[?(?:N-ZA-Mn-za-m|n-za-mN-ZA-M)\]?['"]?|\btr\s+['"]?\[?(?:A-Za-z|a-zA-Z)\]?['"]?\s+['"]?\[?(?:N-ZA-Mn-za-m|n-za-mN-ZA-M)\]?['"]?\s*<<<\s*(['"])([^\n]{8,4000}?)\5/g;

/** Letters rotated by 13 places; anything else unchanged. */
function rot13(text: string): string {
  return text.replace(/[A-Za-z]/g, (letter) => {
    const base = letter <= 'Z' ? 65 : 97;
    return String.fromCharCode(((letter.charCodeAt(0) - base + 13) % 26) + base);
  });
}

/** The widest quoted literal on one line that contains `from`…`to` and no quote of its own kind. */
function enclosingLiteral(input: string, from: number, to: number): { start: number; end: number } | undefined {
  const lineStart = input.lastIndexOf('\n', from) + 1;
  const lineEnd = input.indexOf('\n', to) === -1 ? input.length : input.indexOf('\n', to);
  let best: { start: number; end: number } | undefined;
  for (const quote of ["'", '"', '`']) {
    const open = input.lastIndexOf(quote, from);
    const close = input.indexOf(quote, to);
    if (open < lineStart || close === -1 || close > lineEnd) continue;
    if (!best || close - open - 1 > best.end - best.start) best = { start: open + 1, end: close };
  }
  return best;
}

/** Base32 (RFC 4648): letters of one case and the digits 2 to 7, padded to eight characters (`b32decode(x, casefold=True)` takes lower case). */
const BASE32_RUN = /^(?:[A-Z2-7]{24,}|[a-z2-7]{24,})={0,6}$/;
const BASE32_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** The text a base32 run decodes to, when it reads as text. */
function decodeBase32(candidate: string): string | undefined {
  if (!BASE32_RUN.test(candidate)) return undefined;
  const bytes: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (const char of candidate.replace(/=+$/, '').toUpperCase()) {
    buffer = (buffer << 5) | BASE32_ALPHABET.indexOf(char);
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((buffer >> bits) & 0xff);
    }
  }
  const text = Buffer.from(bytes).toString('utf8');
  return looksLikeText(text) ? text : undefined;
}

function decodeBase64(candidate: string): string | undefined {
  if (candidate.length < MIN_BASE64) return undefined;
  // Runs of one character class are words or hex, not base64 payloads.
  if (/^[a-z]+$/.test(candidate) || /^[A-Z]+$/.test(candidate) || /^[0-9a-fA-F]+$/.test(candidate)) return undefined;
  if (/^[A-Za-z]+$/.test(candidate) && !/[A-Z].*[A-Z].*[A-Z]/.test(candidate)) return undefined;
  const bytes = Buffer.from(candidate.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
  const text = bytes.toString('utf8');
  return looksLikeText(text) ? text : inflated(bytes);
}

/**
 * Character codes each moved by one constant (`chr(c - 7)`, a Caesar shift of the code points): the
 * shift that turns the most codes into lower-case letters and path or URL punctuation, when the
 * result reads as text.
 */
function shiftedCharCodes(codes: readonly number[]): string | undefined {
  if (codes.length < 8) return undefined;
  const low = Math.min(...codes) - 32;
  const high = Math.max(...codes) - 126;
  let best: { score: number; text: string } | undefined;
  for (let shift = Math.max(high, -64); shift <= Math.min(low, 64); shift += 1) {
    if (shift === 0) continue;
    let score = 0;
    for (const code of codes) if (/[a-z./:_-]/.test(String.fromCharCode(code - shift))) score += 1;
    if (!best || score > best.score) best = { score, text: String.fromCharCode(...codes.map((code) => code - shift)) };
  }
  return best && best.score >= codes.length * 0.7 && looksLikeText(best.text) ? best.text : undefined;
}

/** Base64 wrapped over lines (`base64` and MIME wrap at 76 columns): two or more full lines and the rest of the last. */
const WRAPPED_BASE64 = /^[ \t]*[A-Za-z0-9+/]{40,}[ \t]*\r?\n(?:[ \t]*[A-Za-z0-9+/]{40,}[ \t]*\r?\n)+(?:[ \t]*[A-Za-z0-9+/]+={0,2}[ \t]*(?:\r?\n|$))?/gm;

function decodeOne(input: string): Decoded[] {
  const out: Decoded[] = [];
  // A wrapped block read whole: its lines one by one decode to pieces that each hide half a command.
  for (const match of input.matchAll(WRAPPED_BASE64)) {
    const text = decodeBase64(match[0].replace(/\s+/g, ''));
    if (text) out.push({ how: 'base64', text, index: match.index + (match[0].length - match[0].trimStart().length), encoded: match[0].trim() });
  }
  for (const match of matchesInRuns(input, BASE64, BASE64_CHARACTERS, MIN_BASE64)) {
    const text = decodeBase64(match.text);
    if (text) out.push({ how: 'base64', text, index: match.index, encoded: match.text });
    else {
      const base32 = decodeBase32(match.text);
      if (base32) out.push({ how: 'base32', text: base32, index: match.index, encoded: match.text });
    }
  }
  for (const run of reversedRuns(input)) {
    const text = [...run.text].reverse().join('');
    if (looksLikeText(text)) out.push({ how: 'reversed', text, index: run.index, encoded: run.text });
  }
  // A literal handed to a reverser (`rev <<< '…'`, `echo '…' | rev`, `'…'[::-1]`, `'…'.split('').reverse().join('')`),
  // with or without an address in it.
  for (const match of input.matchAll(REVERSED_LITERAL)) {
    const literal = match[2] ?? match[4] ?? match[6] ?? match[8] ?? match[11] ?? match[13] ?? '';
    const index = match.index + match[0].indexOf(literal);
    if (literal.length < 8 || out.some((decoded) => decoded.how === 'reversed' && decoded.index === index)) continue;
    const text = [...literal].reverse().join('');
    if (looksLikeText(text)) out.push({ how: 'reversed', text, index, encoded: literal });
  }
  // Literals handed to a reversing function of the program's own, read together as the one text they spell.
  const helped = reversedByHelper(input);
  if (helped.length > 0 && !out.some((decoded) => decoded.how === 'reversed' && decoded.index === helped[0]!.index)) {
    const text = helped.map((entry) => entry.text).join(' ');
    if (looksLikeText(text)) out.push({ how: 'reversed', text, index: helped[0]!.index, encoded: helped.map((entry) => entry.encoded).join(' ') });
  }
  for (const match of input.matchAll(ROT13_LITERAL)) {
    const literal = match[2] ?? match[4] ?? match[6] ?? '';
    const text = rot13(literal);
    if (looksLikeText(text)) out.push({ how: 'rot13', text, index: match.index + match[0].indexOf(literal), encoded: literal });
  }
  for (const match of input.matchAll(HEX_ESCAPES)) {
    const text = Buffer.from(match[0].replace(/\\x/g, ''), 'hex').toString('utf8');
    if (looksLikeText(text)) out.push({ how: 'hex', text, index: match.index, encoded: match[0] });
  }
  for (const match of matchesInRuns(input, HEX_PLAIN, HEX_CHARACTERS, 16)) {
    const text = Buffer.from(match.text, 'hex').toString('utf8');
    if (looksLikeText(text)) out.push({ how: 'hex', text, index: match.index, encoded: match.text });
  }
  for (const match of input.matchAll(CHAR_CODE_LIST)) {
    const codes = match[0].split(',').map((part) => Number(part.trim()));
    if (codes.every((code) => code === 9 || code === 10 || code === 13 || (code >= 32 && code < 127))) {
      const text = String.fromCharCode(...codes);
      if (looksLikeText(text)) {
        out.push({ how: 'char-codes', text, index: match.index, encoded: match[0] });
        continue;
      }
    }
    const shifted = shiftedCharCodes(codes);
    if (shifted) out.push({ how: 'char-codes', text: shifted, index: match.index, encoded: match[0] });
  }
  for (const match of input.matchAll(URL_ESCAPES)) {
    try {
      const text = decodeURIComponent(match[0]);
      if (looksLikeText(text)) out.push({ how: 'url-escapes', text, index: match.index, encoded: match[0] });
    } catch {
      // Not valid percent-encoding: nothing hidden there.
    }
  }
  for (const match of input.matchAll(UNICODE_ESCAPES)) {
    const text = match[0].replace(/\\u\{?([0-9a-fA-F]+)\}?/g, (_w, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16)));
    if (looksLikeText(text)) out.push({ how: 'unicode-escapes', text, index: match.index, encoded: match[0] });
  }
  return out;
}

/** Order in which a dynamic deflate block lists the code lengths of its code-length alphabet (RFC 1951, 3.2.7). */
const CODE_LENGTH_ORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];

/**
 * Whether `bytes` can begin a raw deflate stream, by its first block's header alone: false only where
 * zlib would refuse it too (a reserved block type, a stored block whose length and its complement
 * disagree, a dynamic block with too many symbols or a code-length code that is not a complete prefix
 * code). Raw deflate has no header of its own, so most random bytes reach zlib otherwise, and each
 * refusal costs a stream object with its buffers.
 */
export function mayBeRawDeflate(bytes: Uint8Array): boolean {
  if (bytes.length === 0) return false;
  const type = (bytes[0]! >> 1) & 3;
  if (type === 3) return false;
  if (type === 0) return bytes.length < 5 || ((bytes[1]! | (bytes[2]! << 8)) ^ 0xffff) === (bytes[3]! | (bytes[4]! << 8));
  if (type === 1 || bytes.length < 10) return true; // fixed codes: only inflating tells
  let bit = 3;
  const bits = (count: number): number => {
    let value = 0;
    for (let index = 0; index < count; index += 1, bit += 1) value |= ((bytes[bit >> 3]! >> (bit & 7)) & 1) << index;
    return value;
  };
  const literals = bits(5) + 257;
  const distances = bits(5) + 1;
  if (literals > 286 || distances > 30) return false;
  const lengths = new Array<number>(19).fill(0);
  const listed = bits(4) + 4;
  for (let index = 0; index < listed; index += 1) lengths[CODE_LENGTH_ORDER[index]!] = bits(3);
  if (lengths.every((length) => length === 0)) return true; // zlib builds an empty table and fails later; leave it to zlib
  // Kraft's sum in units of 2^-7: a prefix code zlib accepts here uses exactly all of it.
  return lengths.reduce((sum, length) => sum + (length === 0 ? 0 : 1 << (7 - length)), 0) === 1 << 7;
}

/** `bytes` inflated as raw deflate, zlib or gzip (at most 256 KiB out), or undefined when none applies. */
function inflatedOf(bytes: Buffer): Buffer | undefined {
  // Only raw deflate has no header; a zlib or gzip stream is tried only when its header is there, since
  // each failed attempt throws (and random bytes, most keys' output, would fail all three).
  const zlib = bytes.length >= 2 && (bytes[0]! & 0x0f) === 8 && ((bytes[0]! << 8) | bytes[1]!) % 31 === 0;
  const gzip = bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
  const raw = mayBeRawDeflate(bytes);
  for (const inflate of [raw && inflateRawSync, zlib && inflateSync, gzip && gunzipSync]) {
    if (!inflate) continue;
    try {
      const out = inflate(bytes, { maxOutputLength: 256 * 1024 });
      if (out.length > 0) return out;
    } catch {
      // not this format
    }
  }
  return undefined;
}

/**
 * Blobs (base64 or hex) XORed with a key the same file holds (`b[i] ^= k.charCodeAt(i % k.length)` with
 * `unpack(PACKED, 'gh-pr-2024')`), or with one byte: the text that comes out, when it reads as text.
 * Keys are the file's short string literals; only blobs that do not already decode to text are tried.
 */
export function xorDecodes(blobs: readonly string[], keys: readonly string[], constants: readonly string[] = []): { text: string; encoded: string; key: string }[] {
  const out: { text: string; encoded: string; key: string }[] = [];
  const candidates = [...new Set(keys.filter((key) => key.length >= 1 && key.length <= 64))].slice(0, 64);
  const ownBytes = [...new Set(constants.filter((key) => key.length === 1))];
  for (const blob of [...new Set(blobs)].slice(0, 32)) {
    const raw = /^(?:[0-9a-fA-F]{2}){8,}$/.test(blob) ? Buffer.from(blob, 'hex') : /^[A-Za-z0-9+/_-]{16,}={0,2}$/.test(blob) ? Buffer.from(blob.replace(/-/g, '+').replace(/_/g, '/'), 'base64') : undefined;
    if (!raw || raw.length < 8 || raw.length > 64 * 1024) continue;
    // A byte the program itself XORs with (`b ^ _K` with `_K = 0x5A`) comes first, even when the raw bytes happen to be
    // printable (XOR with 0x5A keeps ASCII printable): the program says how to read its blobs.
    const own = ownBytes.map((key) => ({ key, text: Buffer.from(raw.map((byte) => byte ^ key.charCodeAt(0))).toString('utf8') })).find((entry) => looksLikeText(entry.text) && (entry.text.match(/[A-Za-z0-9 ./:_"{}[\],@=~-]/g)?.length ?? 0) >= 0.95 * entry.text.length);
    if (own) {
      out.push({ text: own.text, encoded: blob, key: `0x${own.key.charCodeAt(0).toString(16)}` });
      continue;
    }
    if (looksLikeText(raw.toString('utf8'))) continue;
    // Compressed before it was XORed, or after: the blob inflated (raw deflate, zlib or gzip) is tried too.
    const inflated = inflatedOf(raw);
    if (inflated !== undefined && looksLikeText(inflated.toString('utf8'))) continue; // plain compression is decodeAll's
    const bytes = inflated ?? raw;
    // The key whose result reads most like text (letters, digits, spaces, path and JSON punctuation) wins.
    let best: { text: string; key: string; score: number } | undefined;
    const tryKey = (key: Buffer, label: string) => {
      const plain = Buffer.alloc(bytes.length);
      for (let index = 0; index < bytes.length; index += 1) plain[index] = bytes[index] ^ key[index % key.length];
      const text = plain.toString('utf8');
      const score = (text.match(/[A-Za-z0-9 ./:_"{}[\],@=-]/g)?.length ?? 0) / text.length;
      if (score >= 0.9 && looksLikeText(text) && (!best || score > best.score)) best = { text, key: label, score };
    };
    for (const key of candidates) tryKey(Buffer.from(key, 'utf8'), key);
    if (!best) for (let byte = 1; byte < 256; byte += 1) tryKey(Buffer.from([byte]), `0x${byte.toString(16)}`);
    // XORed, then compressed the other way round: each key's output inflated.
    if (!best && inflated === undefined) {
      for (const key of candidates) {
        const keyBytes = Buffer.from(key, 'utf8');
        const plain = Buffer.alloc(raw.length);
        for (let index = 0; index < raw.length; index += 1) plain[index] = raw[index] ^ keyBytes[index % keyBytes.length];
        const text = inflatedOf(plain)?.toString('utf8');
        if (text !== undefined && looksLikeText(text)) {
          best = { text, key, score: 1 };
          break;
        }
      }
    }
    if (best) out.push({ text: best.text, encoded: blob, key: best.key });
  }
  return out;
}

/** A placeholder in a template string: `{VERB}`, `{{ dest }}`, `${HOW}`. */
const TEMPLATE_SLOT = /\$?\{\{?\s*([A-Za-z_][\w]{0,40})\s*\}?\}/g;

/** A definition of one template variable on its own line: `VERB: "Read the full text of"`, `"DEST" = '…'`, `| K | ~/.ssh/id_ed25519 |`. */
const TEMPLATE_VALUE = /^\s*(?:[-*]\s+)?["'`]?([A-Za-z_][\w]{0,40})["'`]?\s*(?::|=|\|)\s*(?:"((?:[^"\\\n]|\\.){1,300})"|'([^'\n]{1,300})'|`([^`\n]{1,300})`|([^\s|#][^|\n]{0,299}?))\s*\|?\s*,?\s*$/;

/**
 * A template and the values of its placeholders in the same document ("fill each placeholder from the
 * variables table, then carry out the sentence it produces"): the text the filled template reads as.
 * Only templates with at least three placeholders, nearly all of them defined, are composed.
 */
export function filledTemplates(input: string): { text: string; index: number; encoded: string }[] {
  if (!/\{/.test(input)) return [];
  const values = new Map<string, string>();
  for (const line of input.split('\n')) {
    const match = TEMPLATE_VALUE.exec(line);
    if (!match) continue;
    const value = (match[2] ?? match[3] ?? match[4] ?? match[5] ?? '').trim();
    if (value !== '' && !values.has(match[1])) values.set(match[1], value);
  }
  if (values.size < 3) return [];
  const out: { text: string; index: number; encoded: string }[] = [];
  const lines = input.split('\n');
  let offset = 0;
  for (const line of lines) {
    const slots = [...line.matchAll(TEMPLATE_SLOT)];
    if (slots.length >= 3 && slots.filter((slot) => values.has(slot[1])).length >= Math.max(3, slots.length - 1)) {
      const text = line.replace(TEMPLATE_SLOT, (slot, name: string) => values.get(name) ?? slot).replace(/^\s*[\w-]+\s*:\s*["']?|["']\s*$/g, '');
      if (looksLikeText(text)) out.push({ text, index: offset, encoded: line.trim() });
    }
    offset += line.length + 1;
  }
  return out;
}

/** A placeholder as documents write one: `<badge_token>`, `{api_key}`, `{{ token }}`, `${TOKEN}`. */
const PLACEHOLDER = /<[a-z][\w-]{0,40}>|\{\{?\s*[A-Za-z_]\w{0,40}\s*\}?\}|\$\{[A-Za-z_]\w{0,40}\}|%[A-Z][A-Z0-9_]{0,40}%/g;

/** A list item or table row that defines a placeholder: ``- `<badge_token>` — the `key` field of …``, `| {token} | … |`. */
const PLACEHOLDER_DEFINITION = /^\s*(?:[-*+]|\d{1,2}[.)]|\|)\s*\**`?(<[a-z][\w-]{0,40}>|\{\{?\s*[A-Za-z_]\w{0,40}\s*\}?\}|\$\{[A-Za-z_]\w{0,40}\}|%[A-Z][A-Z0-9_]{0,40}%)`?\**\s*(?:—|–|-{1,2}|:|=|\||\bis\b|\bmeans\b)\s*(.+)$/;

/** A login a command prints (`gh auth token`, `gcloud auth print-access-token`, `op read op://…`, a keychain lookup). */
const LOGIN_PRINTED = /\b(?:gh\s+auth\s+token|gcloud\s+auth\s+(?:application-default\s+)?print-(?:access|identity)-token|az\s+account\s+get-access-token|aws\s+(?:sts\s+get-session-token|configure\s+get\s+aws_secret_access_key|ecr\s+get-login-password)|op\s+read\b|security\s+find-(?:generic|internet)-password|npm\s+token\s+create|heroku\s+auth:token|doctl\s+auth\s+token|vault\s+(?:print\s+token|token\s+create))\b/;

/** Words that present a line as what not to do. */
const AVOIDED = /\b(?:do\s+not|don't|never|avoid|must\s+not|should\s+not|instead\s+of|leaks?|anti-?pattern|bad\s+example|wrong)\b/i;

/** A definition that points back at the file the previous one named ("the `key` field of the same file"). */
const SAME_FILE = /\b(?:the\s+same|that|this)\s+(?:file|json|config(?:uration)?(?:\s+file)?)\b/i;

/**
 * Lines that use placeholders defined elsewhere in the same document as a secret (a credential file's field,
 * a secret-named variable): ``auth=<badge_token>`` in a badge URL with ``- `<badge_token>` — the `key` field of
 * `~/.kaggle/kaggle.json` `` in a list below (or a login a command prints, `gh auth token`). Each such line reads as the line with its placeholders' definitions
 * beside it, so the secret and where it goes are one sentence. A definition that names no secret adds nothing.
 */
export function glossedPlaceholders(input: string): { text: string; index: number; encoded: string }[] {
  if (!/[<{%]/.test(input)) return [];
  const lines = input.split('\n');
  const definitions = new Map<string, string>();
  const definitionLines = new Set<number>();
  let lastFile: string | undefined;
  for (const [at, line] of lines.entries()) {
    const match = PLACEHOLDER_DEFINITION.exec(line);
    if (!match) continue;
    let meaning = match[2];
    // The item's continuation lines (indented, not a new item) belong to it.
    for (let next = at + 1; next < lines.length && /^\s{2,}\S/.test(lines[next]) && !/^\s*(?:[-*+]|\d{1,2}[.)])\s/.test(lines[next]); next += 1) meaning += ` ${lines[next].trim()}`;
    const file = meaning.split(/[\s`'"(),]+/).find((word) => SENSITIVE_FILE.test(word));
    if (file !== undefined) lastFile = file;
    else if (lastFile !== undefined && SAME_FILE.test(meaning)) meaning = `${meaning} (${lastFile})`;
    const secret = SENSITIVE_FILE.test(meaning) || LOGIN_PRINTED.test(meaning) || [...meaning.matchAll(/\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\b/g)].some((name) => SECRET_ENV_NAME.test(name[0]));
    if (!secret) continue;
    const name = match[1].replace(/\s+/g, '');
    if (!definitions.has(name)) definitions.set(name, meaning.replace(/\s*\|?\s*$/, '').replace(/[.;]$/, ''));
    definitionLines.add(at);
  }
  if (definitions.size === 0) return [];
  const out: { text: string; index: number; encoded: string }[] = [];
  let offset = 0;
  for (const [at, line] of lines.entries()) {
    // A line shown as what not to do ("Do not put the key in page URLs: a line like `…?key=<maps_key>` leaks it") orders nothing.
    const warned = AVOIDED.test(`${lines[at - 1] ?? ''}\n${line}`);
    const used = definitionLines.has(at) || warned ? [] : [...new Set([...line.matchAll(PLACEHOLDER)].map((slot) => slot[0].replace(/\s+/g, '')).filter((slot) => definitions.has(slot)))];
    if (used.length > 0) out.push({ text: `${line.trim()}, where ${used.map((slot) => `${slot} is ${definitions.get(slot)}`).join(' and ')}.`, index: offset, encoded: line.trim() });
    offset += line.length + 1;
  }
  return out;
}

/** A list line that numbers one word (`12. shell`, `12: shell`, `12 = shell`, `12   shell` in aligned columns); table rows are read cell by cell. */
const NUMBERED_WORD = /^\s*(\d{1,4})(?:\s*(?:[.):=]|->|→)\s+|\t+| {2,}|\s*,\s*)`?([^`\n\t]{1,120}?)`?\s*$/;

/** A run of at least five indexes (`39 19 12 32 22`, `[3, 1, 2, 9, 4]`, `3-1-2-9-4`). */
const INDEX_RUN = /(?<![\w.])\d{1,4}(?:(?:\s*[,;]\s*|\s+|-|\.|\+)\d{1,4}){4,}(?![\w.])/g;

/** The numbered words of a document's tables and lists (`| 12 | shell |`, `12. shell`). */
export function numberedWords(input: string): Map<number, string> {
  const words = new Map<number, string>();
  if (!/\d/.test(input)) return words;
  for (const line of input.split('\n')) {
    // A table row may hold several pairs side by side (`| 1 | hide | 36 | add |`).
    if (/^\s*\|/.test(line)) {
      const cells = line.split('|').slice(1, -1).map((cell) => cell.trim().replace(/^`|`$/g, ''));
      for (let at = 0; at + 1 < cells.length; at += 1) {
        if (!/^\d{1,4}$/.test(cells[at]) || cells[at + 1] === '' || /^\d{1,4}$/.test(cells[at + 1])) continue;
        const number = Number(cells[at]);
        if (!words.has(number)) words.set(number, cells[at + 1]);
        at += 1;
      }
      continue;
    }
    const match = NUMBERED_WORD.exec(line);
    if (!match) continue;
    const number = Number(match[1]);
    const word = match[2].trim();
    if (word !== '' && !words.has(number)) words.set(number, word);
  }
  return words;
}

/**
 * Text composed by reading a sequence of indexes from a numbered word table in the same document (a
 * "vocabulary" with "read the words of this sequence in order"): the instruction a reader is meant to
 * build. Only when most indexes name a row, so a list of version numbers reads as nothing.
 */
export function indexTableTexts(input: string, elsewhere: ReadonlyMap<number, string> = new Map()): { text: string; index: number; encoded: string }[] {
  const own = numberedWords(input);
  // The table may live in another file of the skill (a "lexicon" in references/): the document's own rows first.
  const words = own.size >= 5 ? own : new Map([...elsewhere, ...own]);
  if (words.size < 5) return [];
  const out: { text: string; index: number; encoded: string }[] = [];
  for (const run of input.matchAll(INDEX_RUN)) {
    const indexes = run[0].split(/[^\d]+/).filter(Boolean).map(Number);
    const found = indexes.filter((index) => words.has(index));
    if (found.length < 5 || found.length < indexes.length * 0.8) continue;
    // A run that is itself the table's numbering (1 2 3 4 5 …) composes nothing new.
    if (indexes.every((index, at) => at === 0 || index === indexes[at - 1] + 1)) continue;
    // Groups joined by `+` or `.` (`47+6+36`, `47.6.36`) are one word made of their tokens; groups are separated by spaces.
    const text = /[+.]/.test(run[0])
      ? run[0].split(/\s+/).map((group) => group.split(/[+.]/).map((index) => words.get(Number(index)) ?? '').join('')).join(' ')
      : found.map((index) => words.get(index)!).join(' ');
    if (looksLikeText(text)) out.push({ text, index: run.index, encoded: run[0] });
  }
  return out;
}

/** Every decodable payload in `input`, recursively, outermost first. */
export function decodeAll(input: string): Decoded[] {
  const results: Decoded[] = [];
  const seen = new Set<string>();
  const visit = (text: string, depth: number, prefix: string, index: number) => {
    if (depth > MAX_DEPTH) return;
    for (const decoded of decodeOne(text)) {
      if (seen.has(decoded.text)) continue;
      seen.add(decoded.text);
      const how = prefix ? `${prefix}+${decoded.how}` : decoded.how;
      const item = { ...decoded, how, index: depth === 0 ? decoded.index : index };
      results.push(item);
      visit(decoded.text, depth + 1, how, item.index);
    }
  };
  visit(input, 0, '', 0);
  return results;
}

/** A string written as character codes inside a command (`''.join(map(chr,[104,116,…]))`, `String.fromCharCode(104,…)`, `bytes([104,…]).decode()`). */
const CHARACTER_CODES = /(?:["']{2}\.join\(\s*map\(\s*chr\s*,\s*|String\.fromCharCode\(\s*(?:\.\.\.)?|bytes\(\s*|\[char\[\]\]\s*\(?\s*@?\(?)\[?\s*((?:\d{2,3}\s*,\s*){5,}\d{2,3})\s*\]?\s*\)*(?:\.decode\(\)(?:\s*\))?)?(?:\s*-join\s*["']{2})?/g;

/** `text` with each string written as printable character codes put back as the quoted string it spells: the address a one-liner hides is the address it uses. */
export function foldCharacterCodes(text: string): string {
  if (!/chr|fromCharCode|bytes\(|\[char\[\]\]/.test(text)) return text;
  return text.replace(CHARACTER_CODES, (whole, codes: string) => {
    const values = codes.split(/\s*,\s*/).map(Number);
    return values.every((value) => value >= 32 && value < 127) ? `"${String.fromCharCode(...values)}"` : whole;
  });
}
