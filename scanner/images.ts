/**
 * Text kept in images: the metadata chunks of a PNG, which no viewer shows but code can read.
 */
import { inflateSync } from 'node:zlib';

/** Most text read from one image's metadata, and most chunks looked at: an image is not a text file. */
const MAX_IMAGE_TEXT = 256 * 1024;
const MAX_IMAGE_CHUNKS = 4096;

/**
 * The text chunks of a PNG (`tEXt`, `zTXt` compressed, `iTXt` compressed or not), each with its keyword.
 * Stops at the first malformed chunk; what inflates past the cap is cut there.
 */
export function pngTextChunks(bytes: Buffer): { keyword: string; text: string }[] {
  const out: { keyword: string; text: string }[] = [];
  if (bytes.length < 8 || bytes.readUInt32BE(0) !== 0x89504e47) return out;
  let total = 0;
  for (let at = 8, count = 0; at + 12 <= bytes.length && count < MAX_IMAGE_CHUNKS && total < MAX_IMAGE_TEXT; count += 1) {
    const length = bytes.readUInt32BE(at);
    const type = bytes.toString('latin1', at + 4, at + 8);
    const data = bytes.subarray(at + 8, at + 8 + length);
    at += 12 + length;
    if (data.length !== length || type === 'IEND') break;
    if (type !== 'tEXt' && type !== 'zTXt' && type !== 'iTXt') continue;
    const nul = data.indexOf(0);
    if (nul < 1) continue;
    const keyword = data.toString('latin1', 0, nul);
    let body: Buffer | undefined;
    try {
      if (type === 'tEXt') body = data.subarray(nul + 1);
      else if (type === 'zTXt') body = inflateSync(data.subarray(nul + 2), { maxOutputLength: MAX_IMAGE_TEXT });
      else {
        // iTXt: keyword, compression flag, method, language tag\0, translated keyword\0, text.
        const compressed = data[nul + 1] === 1;
        const language = data.indexOf(0, nul + 3);
        const translated = language < 0 ? -1 : data.indexOf(0, language + 1);
        if (translated < 0) continue;
        const raw = data.subarray(translated + 1);
        body = compressed ? inflateSync(raw, { maxOutputLength: MAX_IMAGE_TEXT }) : raw;
      }
    } catch {
      continue; // a chunk that does not inflate holds no readable text
    }
    const text = body.toString(type === 'iTXt' ? 'utf8' : 'latin1');
    total += text.length;
    if (text.trim() !== '') out.push({ keyword, text });
  }
  return out;
}
