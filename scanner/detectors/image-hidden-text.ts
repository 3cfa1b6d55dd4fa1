/**
 * Text hidden in a PNG's metadata chunks (`tEXt`, `zTXt` deflated, `iTXt` plain or deflated), read plain and
 * decoded (base64, gzip inside it): credential paths, secret variable names or commands there are material
 * for the skill's code to act on, out of every reviewer's sight.
 */
import { inflateSync } from 'node:zlib';
import { SECRET_ENV_NAME, SENSITIVE_FILE } from '../../core/index.ts';
import { decodeAll } from '../decode.ts';
import type { RawFinding } from '../model.ts';
import type { ScanContext } from './types.ts';

/** Bumped when the logic changes, so the rule set digest changes with it; the metadata is in scanner/rules/image-hidden-text/rule.yaml. */
export const version = 2;

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** Largest text one chunk is inflated to. */
const MAX_TEXT = 1 << 20;
/** A command a shell or an interpreter runs. */
const COMMAND = /\b(?:curl|wget)\s+[^\n]*https?:\/\/|\|\s*(?:ba|z)?sh\b|\b(?:Invoke-WebRequest|iwr|irm)\b[^\n]*\|\s*iex\b|\bpython3?\s+-c\b|\bnode\s+-e\b/i;

/** The key and text of each text chunk of a PNG. */
function pngTexts(bytes: Buffer): { key: string; text: string }[] {
  const out: { key: string; text: string }[] = [];
  if (bytes.length < 8 || !bytes.subarray(0, 8).equals(PNG_SIGNATURE)) return out;
  for (let at = 8; at + 8 <= bytes.length; ) {
    const length = bytes.readUInt32BE(at);
    const type = bytes.toString('latin1', at + 4, at + 8);
    const data = bytes.subarray(at + 8, Math.min(bytes.length, at + 8 + length));
    at += 12 + length;
    if (type !== 'tEXt' && type !== 'zTXt' && type !== 'iTXt') continue;
    const keyEnd = data.indexOf(0);
    if (keyEnd < 0) continue;
    const key = data.toString('latin1', 0, keyEnd);
    try {
      if (type === 'tEXt') out.push({ key, text: data.toString('latin1', keyEnd + 1) });
      else if (type === 'zTXt') out.push({ key, text: inflateSync(data.subarray(keyEnd + 2), { maxOutputLength: MAX_TEXT }).toString('latin1') });
      else {
        // iTXt: compressed flag, method, then a language tag and a translated keyword, each ended by a zero byte.
        const compressed = data[keyEnd + 1] === 1;
        const language = data.indexOf(0, keyEnd + 3);
        const translated = language < 0 ? -1 : data.indexOf(0, language + 1);
        if (translated < 0) continue;
        const body = data.subarray(translated + 1);
        out.push({ key, text: (compressed ? inflateSync(body, { maxOutputLength: MAX_TEXT }) : body).toString('utf8') });
      }
    } catch {
      // A chunk that does not inflate holds nothing readable.
    }
  }
  return out;
}

/** What a piece of hidden text names that no image needs: a credential file, two or more secret variables, or a command. */
function whatItNames(text: string): string | undefined {
  const file = SENSITIVE_FILE.exec(text)?.[0];
  if (file !== undefined) return `the credential path ${file}`;
  const secrets = [...new Set(text.match(/\b[A-Z][A-Z0-9_]{2,}\b/g) ?? [])].filter((name) => SECRET_ENV_NAME.test(name));
  if (secrets.length >= 2) return `the secret variables ${secrets.slice(0, 4).join(', ')}`;
  const command = COMMAND.exec(text)?.[0];
  return command === undefined ? undefined : `the command ${command.trim()}`;
}

/** Code that reads an image's metadata (`Image.open(p).text`, `.info`, `PngImagePlugin`, `exiftool`, `sharp(…).metadata()`). */
const READS_METADATA = /\.(?:text|info)\b|\bPngImagePlugin\b|\bPngInfo\b|\bexiftool\b|\bexif\w*|\.metadata\s*\(|\bpngjs\b|\bpng-chunks?\b|\b[tzi]TXt\b|\bidentify\s+-verbose\b/;

/**
 * The image-hidden-text detector. Text hidden by an encoding is reported wherever it is; text written plainly (an alt
 * text that mentions `~/.aws/credentials`) only when the skill's code reads image metadata, the one way it could act on it.
 */
export function detect(context: ScanContext): RawFinding[] {
  const findings: RawFinding[] = [];
  const images = context.files.filter((file) => file.fileClass === 'image');
  if (images.length === 0) return findings;
  const reader = context.files.some((file) => file.fileClass === 'text' && file.language !== 'markdown' && READS_METADATA.test(file.text));
  for (const file of images) {
    const chunks = pngTexts(file.bytes);
    if (chunks.length === 0) continue;
    const decoded = chunks.flatMap(({ key, text }) => decodeAll(text).map((found) => ({ key, text: found.text })));
    // Names spread over chunks (one variable per chunk) are read together.
    const plain = reader ? [...chunks, { key: chunks.map((chunk) => chunk.key).join('+'), text: chunks.map((chunk) => chunk.text).join('\n') }] : [];
    const hit = [...decoded, ...plain].map(({ key, text }) => ({ key, named: whatItNames(text) })).find(({ named }) => named !== undefined);
    if (hit) findings.push({ ruleId: 'image-hidden-text', file: file.path, line: 0, evidence: `${hit.key} chunk names ${hit.named}`.slice(0, 200) });
  }
  return findings;
}
