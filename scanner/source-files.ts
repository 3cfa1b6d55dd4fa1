/**
 * Reads every file of a skill and decides what it is: text in some language, or content the scanner
 * cannot read (image, archive, executable, font, document, other binary). Nothing is skipped or
 * truncated; what cannot be analysed becomes a coverage finding later.
 */
import { lstatSync, readFileSync, readdirSync } from 'node:fs';
import { extname, join } from 'node:path';
import type { Language } from './rule-schema.ts';
import type { FileClass, SourceFile } from './model.ts';
import { ScannerError } from './errors.ts';
import { foldLookalikes } from './lookalikes.ts';
import { sandboxProfile } from './markdown.ts';
import { MSBUILD_EXTENSIONS } from './msbuild.ts';

/** A path the walk refused to read (symlink, special file), reported as coverage. */
export interface UnreadablePath {
  /** Relative path. */
  path: string;
  /** Why. */
  reason: string;
}

const EXTENSION_LANGUAGE: Record<string, Language> = {
  '.md': 'markdown', '.markdown': 'markdown', '.mdx': 'markdown', '.mdc': 'markdown',
  '.py': 'python', '.pyw': 'python', '.pyi': 'python',
  // `.gs`: Google Apps Script, JavaScript run in the user's Google account.
  '.js': 'javascript', '.mjs': 'javascript', '.cjs': 'javascript', '.jsx': 'javascript', '.gs': 'javascript',
  '.ts': 'javascript', '.tsx': 'javascript', '.mts': 'javascript', '.cts': 'javascript',
  // MSBuild files run their `<Exec>` commands (scanner/msbuild.ts reads them as those commands).
  ...Object.fromEntries(MSBUILD_EXTENSIONS.map((extension) => [extension, 'shell' as const])),
  '.sh': 'shell', '.mk': 'shell', '.bash': 'shell', '.zsh': 'shell', '.ksh': 'shell', '.command': 'shell', '.fish': 'shell',
  '.json': 'json', '.jsonc': 'json', '.json5': 'json',
  '.yaml': 'yaml', '.yml': 'yaml',
  '.toml': 'toml', '.cfg': 'toml', '.ini': 'toml',
  '.html': 'html', '.htm': 'html', '.xhtml': 'html',
  '.svg': 'svg',
  '.yar': 'signature', '.yara': 'signature',
};

const SHELL_FILE_NAMES = new Set(['Makefile', 'makefile', 'GNUmakefile', 'Dockerfile', 'justfile', 'Justfile', 'Containerfile', '.bashrc', '.zshrc', '.profile', '.bash_profile', '.bash_login', '.bash_aliases', '.zprofile', '.zshenv', '.zlogin', '.envrc', '.xprofile']);

function startsWith(bytes: Buffer, magic: number[], offset = 0): boolean {
  if (bytes.length < offset + magic.length) return false;
  return magic.every((byte, index) => bytes[offset + index] === byte);
}

/** Classifies non-text content by its magic bytes, or returns undefined for candidate text. */
function magicClass(bytes: Buffer): FileClass | undefined {
  if (startsWith(bytes, [0x7f, 0x45, 0x4c, 0x46])) return 'executable'; // ELF
  if (startsWith(bytes, [0x4d, 0x5a]) && bytes.length > 64) return 'executable'; // PE
  for (const magic of [[0xfe, 0xed, 0xfa, 0xce], [0xfe, 0xed, 0xfa, 0xcf], [0xce, 0xfa, 0xed, 0xfe], [0xcf, 0xfa, 0xed, 0xfe], [0xca, 0xfe, 0xba, 0xbe]]) {
    if (startsWith(bytes, magic)) return 'executable'; // Mach-O, fat binaries (and Java classes)
  }
  if (startsWith(bytes, [0x00, 0x61, 0x73, 0x6d])) return 'executable'; // WebAssembly
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) return 'archive'; // zip, jar, docx, whl
  if (startsWith(bytes, [0x1f, 0x8b])) return 'archive'; // gzip
  if (startsWith(bytes, [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c])) return 'archive'; // 7z
  if (startsWith(bytes, [0x52, 0x61, 0x72, 0x21])) return 'archive'; // rar
  if (startsWith(bytes, [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00])) return 'archive'; // xz
  if (startsWith(bytes, [0x42, 0x5a, 0x68])) return 'archive'; // bzip2
  if (startsWith(bytes, [0x28, 0xb5, 0x2f, 0xfd])) return 'archive'; // zstd
  if (startsWith(bytes, [0x75, 0x73, 0x74, 0x61, 0x72], 257)) return 'archive'; // tar
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47])) return 'image';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image';
  if (startsWith(bytes, [0x47, 0x49, 0x46, 0x38])) return 'image';
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8)) return 'image';
  if (startsWith(bytes, [0x00, 0x00, 0x01, 0x00])) return 'image'; // ico
  if (startsWith(bytes, [0x42, 0x4d]) && bytes.length > 26 && bytes.readUInt32LE(2) === bytes.length) return 'image'; // bmp
  if (startsWith(bytes, [0x77, 0x4f, 0x46, 0x46]) || startsWith(bytes, [0x77, 0x4f, 0x46, 0x32])) return 'font';
  if (startsWith(bytes, [0x00, 0x01, 0x00, 0x00, 0x00]) || startsWith(bytes, [0x4f, 0x54, 0x54, 0x4f])) return 'font';
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) return 'document'; // PDF
  return undefined;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Decodes text, naming the encoding; undefined when the bytes are not text. */
function decodeText(bytes: Buffer): { text: string; encoding: SourceFile['encoding'] } | undefined {
  if (startsWith(bytes, [0xff, 0xfe])) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (startsWith(bytes, [0xfe, 0xff])) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  if (bytes.includes(0)) return undefined;
  try {
    const text = utf8.decode(bytes);
    return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, encoding: 'utf-8' };
  } catch {
    // Mostly printable single-byte text in an unknown encoding: read as latin1 so nothing is skipped.
    let control = 0;
    for (const byte of bytes) if (byte < 0x09 || (byte > 0x0d && byte < 0x20)) control += 1;
    if (control > bytes.length / 100) return undefined;
    return { text: bytes.toString('latin1'), encoding: 'latin1' };
  }
}

function languageOf(path: string, text: string): Language {
  const name = path.split('/').pop() ?? path;
  const extension = extname(name).toLowerCase();
  const byExtension = EXTENSION_LANGUAGE[extension];
  if (byExtension) return byExtension;
  if (SHELL_FILE_NAMES.has(name)) return 'shell';
  const shebang = /^#!\s*(\S+)(?:\s+(\S+))?/.exec(text);
  if (shebang) {
    const interpreter = (shebang[1].endsWith('/env') ? shebang[2] ?? '' : shebang[1]).split('/').pop() ?? '';
    if (/^python/.test(interpreter)) return 'python';
    if (/^(?:node|deno|bun|tsx|ts-node)$/.test(interpreter)) return 'javascript';
    if (/^(?:ba|z|k|da|fi)?sh$/.test(interpreter)) return 'shell';
  }
  return 'text';
}

/**
 * Detection-rule documents (Sigma, Semgrep, YARA-in-YAML and the like) hold attack strings as data to
 * match, not as anything that runs.
 */
/** Keys of an osquery pack or configuration. */
const OSQUERY_KEYS = new Set(['queries', 'packs', 'options', 'schedule', 'platform', 'version', 'shard', 'discovery', 'file_paths', 'file_accesses', 'decorators', 'events', 'yara', 'exclude_paths']);

/** An osquery pack: JSON of osquery's own keys only, each query an object whose `query` is a SELECT. */
function osqueryPack(text: string): boolean {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return false;
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return false;
  const record = parsed as Record<string, unknown>;
  const queries = record.queries;
  if (!Object.keys(record).every((key) => OSQUERY_KEYS.has(key)) || queries === null || typeof queries !== 'object') return false;
  const entries = Object.values(queries as Record<string, unknown>);
  return entries.length >= 2 && entries.every((entry) => entry !== null && typeof entry === 'object' && /^\s*(?:SELECT|WITH)\b/i.test(String((entry as { query?: unknown }).query ?? '')));
}

function isSignatureDocument(language: Language, text: string): boolean {
  // An osquery pack or configuration (`"queries": { "x": { "query": "SELECT …", "description": … } }`): hunting queries whose descriptions quote what they look for.
  if (language === 'text' && sandboxProfile(text)) return true;
  if ((language === 'json' || language === 'text') && /"queries"\s*:\s*\{/.test(text) && osqueryPack(text)) return true;
  if (language !== 'yaml' && language !== 'json') return false;
  const patternKeys = /["']?(?:pattern(?:s|-either|-regex|-not|-inside)?|selection\w*|keywords|condition|regex(?:es)?)["']?\s*:/m.test(text);
  if (!patternKeys) return false;
  if (/^\s*["']?(?:rules|detection|logsource|signatures)["']?\s*:/m.test(text)) return true;
  // A list of regular expressions under `patterns:` keys (`- '(?i)claude mcp add|mcpServers'`): what a
  // guard looks for, however the file is laid out. Most of its quoted values must read as expressions.
  const values = [...text.matchAll(/^\s*(?:-\s*|["']?[\w-]+["']?\s*:\s*)(["'])(.+)\1\s*,?\s*$/gm)].map((match) => match[2]);
  const expressions = values.filter((value) => /\(\?[imsx]+\)|\\[bdswBDSW.()[\]|]|\[\^?[^\]]{1,40}\][*+?{]|\{\d+(?:,\d*)?\}|\|[^|]+\|/.test(value));
  return expressions.length >= 3 && expressions.length * 2 >= values.length;
}

/** Reads one file's bytes into a {@link SourceFile}. */
export function classifyFile(path: string, bytes: Buffer, executable: boolean): SourceFile {
  const magic = magicClass(bytes);
  if (magic) return { path, bytes, fileClass: magic, language: 'text', text: '', encoding: 'none', executable };
  const decoded = decodeText(bytes);
  if (!decoded) return { path, bytes, fileClass: 'binary', language: 'text', text: '', encoding: 'none', executable };
  // Words disguised with lookalike letters are read as what they look like; the disguise itself is reported.
  const { text, words } = foldLookalikes(decoded.text);
  const language = languageOf(path, text);
  return { path, bytes, fileClass: 'text', language: isSignatureDocument(language, text) ? 'signature' : language, text, encoding: decoded.encoding, executable, ...(words.length > 0 ? { lookalikes: words } : {}) };
}

/**
 * Walks a skill folder and reads every regular file (sorted by path). Symlinks are reported, not followed.
 * The reads are synchronous: a skill is a few small files, and a round trip through the thread pool per
 * file cost more than the reading.
 */
export async function readSkillFiles(root: string): Promise<{ files: SourceFile[]; unreadable: UnreadablePath[] }> {
  let rootStat: ReturnType<typeof lstatSync> | undefined;
  try {
    rootStat = lstatSync(root);
  } catch {
    rootStat = undefined;
  }
  if (!rootStat?.isDirectory()) {
    throw new ScannerError('NOT_A_DIRECTORY', `${root} is not a folder. Give the path of a skill folder (the one holding SKILL.md).`, { where: root });
  }
  const files: SourceFile[] = [];
  const unreadable: UnreadablePath[] = [];
  const walk = (absolute: string, relative: string): void => {
    const entries = readdirSync(absolute, { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (relative === '' && entry.name === '.git') continue;
      const childRelative = relative === '' ? entry.name : `${relative}/${entry.name}`;
      const childAbsolute = join(absolute, entry.name);
      if (entry.isSymbolicLink()) {
        unreadable.push({ path: childRelative, reason: 'it is a symbolic link, which the scanner does not follow' });
      } else if (entry.isDirectory()) {
        walk(childAbsolute, childRelative);
      } else if (entry.isFile()) {
        let bytes: Buffer;
        let mode: number;
        try {
          bytes = readFileSync(childAbsolute);
          mode = lstatSync(childAbsolute).mode;
        } catch (error) {
          throw new ScannerError('READ_FAILED', `Cannot read ${childRelative} (${(error as Error).message}). Check the file's permissions.`, { where: childRelative, cause: error });
        }
        files.push(classifyFile(childRelative, bytes, (mode & 0o111) !== 0));
      } else {
        unreadable.push({ path: childRelative, reason: 'it is not a regular file (a device, FIFO or socket)' });
      }
    }
  };
  walk(root, '');
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { files, unreadable };
}
