/**
 * The audited archive of a skill: a deterministic gzip'd ustar of the exact files the digest covers
 * (mode 0644 or 0755, owner 0, mtime 0, sorted by path), and a strict reader for it that refuses
 * links, special entries, unsafe paths and anything over the caps.
 */
import { createHash } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import { ArchiveError } from './errors.ts';
import { DEFAULT_TREE_LIMITS, compareUtf8, unsafePathReason, type TreeFile, type TreeLimits } from './tree-digest.ts';

/** One file inside an archive, with its bytes. */
export interface ArchiveFile {
  /** Relative `/`-separated path. */
  path: string;
  /** Whether any execute bit is set. */
  executable: boolean;
  /** File content. */
  content: Uint8Array;
}

const BLOCK = 512;

function writeString(header: Buffer, offset: number, length: number, value: string): void {
  const bytes = Buffer.from(value, 'utf8');
  if (bytes.length > length) throw new ArchiveError('UNSAFE_ENTRY', `Archive field value ${JSON.stringify(value)} is longer than ${length} bytes.`);
  bytes.copy(header, offset);
}

function writeOctal(header: Buffer, offset: number, length: number, value: number): void {
  writeString(header, offset, length, `${value.toString(8).padStart(length - 1, '0')}\0`);
}

function splitPath(path: string): { name: string; prefix: string } {
  if (Buffer.byteLength(path) <= 100) return { name: path, prefix: '' };
  const parts = path.split('/');
  for (let cut = 1; cut < parts.length; cut += 1) {
    const prefix = parts.slice(0, cut).join('/');
    const name = parts.slice(cut).join('/');
    if (Buffer.byteLength(prefix) <= 155 && Buffer.byteLength(name) <= 100) return { name, prefix };
  }
  throw new ArchiveError('UNSAFE_ENTRY', `${path} cannot be stored in an archive: its path is too long. Shorten it.`, { where: path });
}

function header(path: string, executable: boolean, size: number): Buffer {
  const block = Buffer.alloc(BLOCK);
  const { name, prefix } = splitPath(path);
  writeString(block, 0, 100, name);
  writeOctal(block, 100, 8, executable ? 0o755 : 0o644);
  writeOctal(block, 108, 8, 0);
  writeOctal(block, 116, 8, 0);
  writeOctal(block, 124, 12, size);
  writeOctal(block, 136, 12, 0);
  block.fill(0x20, 148, 156);
  block[156] = 0x30; // '0': regular file
  writeString(block, 257, 6, 'ustar\0');
  writeString(block, 263, 2, '00');
  writeString(block, 345, 155, prefix);
  let sum = 0;
  for (const byte of block) sum += byte;
  writeString(block, 148, 8, `${sum.toString(8).padStart(6, '0')}\0 `);
  return block;
}

/** Builds the deterministic `.tar.gz` of a skill's files. */
export function writeArchive(files: readonly ArchiveFile[]): Buffer {
  const parts: Buffer[] = [];
  for (const file of [...files].sort((a, b) => compareUtf8(a.path, b.path))) {
    parts.push(header(file.path, file.executable, file.content.length), Buffer.from(file.content));
    const padding = (BLOCK - (file.content.length % BLOCK)) % BLOCK;
    if (padding) parts.push(Buffer.alloc(padding));
  }
  parts.push(Buffer.alloc(BLOCK * 2));
  return gzipSync(Buffer.concat(parts), { level: 9 });
}

function readString(block: Buffer, offset: number, length: number): string {
  const field = block.subarray(offset, offset + length);
  const end = field.indexOf(0);
  return new TextDecoder('utf-8', { fatal: true }).decode(end === -1 ? field : field.subarray(0, end));
}

function readOctal(block: Buffer, offset: number, length: number, where: string): number {
  const text = readString(block, offset, length).trim();
  if (!/^[0-7]+$/.test(text)) throw new ArchiveError('MALFORMED', `Archive entry ${where} has a malformed numeric field. The archive is corrupt: download it again.`, { where });
  return Number.parseInt(text, 8);
}

/**
 * Reads an archive made by {@link writeArchive} (or any plain ustar of regular files), enforcing the
 * same limits and path rules as the tree digest.
 */
export function readArchive(archive: Uint8Array, limits: TreeLimits = DEFAULT_TREE_LIMITS): ArchiveFile[] {
  let tar: Buffer;
  try {
    // The archive can expand to the total cap plus one header and padding per file.
    tar = gunzipSync(archive, { maxOutputLength: limits.maxTotalBytes + (limits.maxFiles + 2) * BLOCK * 2 });
  } catch (error) {
    throw new ArchiveError('MALFORMED', `The archive is not valid gzip or expands beyond the size limit (${(error as Error).message}). Download it again.`, { cause: error });
  }
  const files: ArchiveFile[] = [];
  let offset = 0;
  let total = 0;
  while (offset + BLOCK <= tar.length) {
    const block = tar.subarray(offset, offset + BLOCK);
    if (block.every((byte) => byte === 0)) return files;
    let sum = 0;
    for (let index = 0; index < BLOCK; index += 1) sum += index >= 148 && index < 156 ? 0x20 : block[index];
    const name = readString(block, 0, 100);
    const prefix = readString(block, 345, 155);
    const path = prefix ? `${prefix}/${name}` : name;
    if (readOctal(block, 148, 8, path) !== sum) throw new ArchiveError('MALFORMED', `Archive entry ${path} has a bad checksum. The archive is corrupt: download it again.`, { where: path });
    const type = String.fromCharCode(block[156]);
    if (type !== '0' && type !== '\0') {
      throw new ArchiveError('UNSAFE_ENTRY', `Archive entry ${path} is not a regular file (type ${JSON.stringify(type)}). Skill archives hold regular files only.`, { where: path });
    }
    const reason = unsafePathReason(path);
    if (reason) throw new ArchiveError('UNSAFE_ENTRY', `Archive entry ${JSON.stringify(path)} is unsafe because ${reason}.`, { where: path });
    const size = readOctal(block, 124, 12, path);
    const mode = readOctal(block, 100, 8, path);
    if (size > limits.maxFileBytes) throw new ArchiveError('TOO_LARGE', `Archive entry ${path} is larger than ${limits.maxFileBytes} bytes.`, { where: path });
    total += size;
    if (total > limits.maxTotalBytes) throw new ArchiveError('TOO_LARGE', `The archive holds more than ${limits.maxTotalBytes} bytes.`, { where: path });
    if (files.length + 1 > limits.maxFiles) throw new ArchiveError('TOO_LARGE', `The archive holds more than ${limits.maxFiles} files.`, { where: path });
    const start = offset + BLOCK;
    if (start + size > tar.length) throw new ArchiveError('MALFORMED', `Archive entry ${path} is truncated. Download it again.`, { where: path });
    files.push({ path, executable: (mode & 0o111) !== 0, content: tar.subarray(start, start + size) });
    offset = start + Math.ceil(size / BLOCK) * BLOCK;
  }
  throw new ArchiveError('MALFORMED', 'The archive ends without its end-of-archive marker. Download it again.');
}

/** Hashes archive files into the digest's per-file form. */
export function archiveTreeFiles(files: readonly ArchiveFile[]): TreeFile[] {
  return files.map((file) => ({
    path: file.path,
    mode: file.executable ? '100755' : '100644',
    sha256: createHash('sha256').update(file.content).digest('hex'),
    size: file.content.length,
  }));
}
