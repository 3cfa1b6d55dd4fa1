/**
 * Text hidden in a PNG's metadata chunks (`tEXt`, `zTXt` deflated, `iTXt` plain or deflated), read plain and
 * decoded (base64, gzip inside it): credential paths, secret variable names or commands there are material
 * for the skill's code to act on, out of every reviewer's sight.
 */
import { SECRET_ENV_NAME, SENSITIVE_FILE } from '../../core/index.ts';
import { decodeAll } from '../decode.ts';
import { pngTextChunks } from '../images.ts';
import type { RawFinding } from '../model.ts';
import type { ScanContext } from './types.ts';

/** Bumped when the logic changes, so the rule set digest changes with it; the metadata is in scanner/rules/image-hidden-text/rule.yaml. */
export const version = 2;

/** A command a shell or an interpreter runs. */
const COMMAND = /\b(?:curl|wget)\s+[^\n]*https?:\/\/|\|\s*(?:ba|z)?sh\b|\b(?:Invoke-WebRequest|iwr|irm)\b[^\n]*\|\s*iex\b|\bpython3?\s+-c\b|\bnode\s+-e\b/i;

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
    const chunks = pngTextChunks(file.bytes);
    if (chunks.length === 0) continue;
    const decoded = chunks.flatMap(({ keyword, text }) => decodeAll(text).map((found) => ({ keyword, text: found.text })));
    // Names spread over chunks (one variable per chunk) are read together.
    const plain = reader ? [...chunks, { keyword: chunks.map((chunk) => chunk.keyword).join('+'), text: chunks.map((chunk) => chunk.text).join('\n') }] : [];
    const hit = [...decoded, ...plain].map(({ keyword, text }) => ({ keyword, named: whatItNames(text) })).find(({ named }) => named !== undefined);
    if (hit) findings.push({ ruleId: 'image-hidden-text', file: file.path, line: 0, evidence: `${hit.keyword} chunk names ${hit.named}`.slice(0, 200) });
  }
  return findings;
}
