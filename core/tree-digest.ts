/**
 * `skill-tree-v1`: the content digest that binds an audit to the exact bytes of a skill folder.
 * The specification, with test vectors, is docs/tree-digest.md; this file is its reference
 * implementation and must stay byte-for-byte faithful to it.
 */
import { createHash } from 'node:crypto';
import { lstat, open, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { DigestError } from './errors.ts';
import type { Sha256Digest } from './hash.ts';

/** Name of the digest algorithm, written into records and attestations. */
export const TREE_DIGEST_ALGORITHM = 'skill-tree-v1';

/** One regular file of a skill, as the digest sees it. */
export interface TreeFile {
  /** Path relative to the skill folder, `/`-separated. */
  path: string;
  /** `100755` when any execute bit is set, else `100644`. */
  mode: '100644' | '100755';
  /** Lower-case hex SHA-256 of the content. */
  sha256: string;
  /** Size in bytes. */
  size: number;
}

/** A skill folder's digest and the per-file list it was computed from. */
export interface TreeDigest {
  /** `sha256:<hex>` over the manifest. */
  digest: Sha256Digest;
  /** Files sorted by the UTF-8 bytes of their paths. */
  files: TreeFile[];
  /** Total bytes of all files. */
  totalBytes: number;
}

/** Caps that keep a hostile folder from exhausting memory or time while it is digested. */
export interface TreeLimits {
  /** Most files a skill may hold. */
  maxFiles: number;
  /** Largest single file, in bytes. */
  maxFileBytes: number;
  /** Largest total of all files, in bytes. */
  maxTotalBytes: number;
  /** Longest relative path, in UTF-8 bytes. */
  maxPathBytes: number;
}

/**
 * Default caps. A skill is instructions plus a few scripts and assets: real ones are well under 1 MiB,
 * so 1,000 files / 10 MiB per file / 50 MiB in all leave room for assets while refusing a data dump.
 * 255 path bytes keeps every path storable in a ustar archive entry.
 */
export const DEFAULT_TREE_LIMITS: TreeLimits = {
  maxFiles: 1000,
  maxFileBytes: 10 * 1024 * 1024,
  maxTotalBytes: 50 * 1024 * 1024,
  maxPathBytes: 255,
};

const utf8 = new TextDecoder('utf-8', { fatal: true });
// C0 controls, DEL and C1 controls: they let a path print as something it is not.
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/;

/** Folds case the way the spec says: upper-case, then lower-case (so `ß`, `SS` and `ss` collide). */
export function foldCase(path: string): string {
  return path.toUpperCase().toLowerCase();
}

/** Characters that reorder how a name is displayed (U+202E makes `txt.exe` read as `exe.txt`). */
const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

/** Returns why a relative path is unsafe, or undefined when it is acceptable. */
export function unsafePathReason(path: string): string | undefined {
  if (path.length === 0) return 'it is empty';
  if (!path.isWellFormed()) return 'it is not valid Unicode (a lone surrogate)';
  if (CONTROL_CHARACTERS.test(path)) return 'it contains a control character';
  if (BIDI_CONTROLS.test(path)) return 'it contains a bidirectional control character, which makes it display as another name';
  if (path.startsWith('/')) return 'it is absolute';
  if (path.includes('\\')) return 'it contains a backslash';
  const segments = path.split('/');
  if (segments.some((segment) => segment === '..')) return 'it contains `..`';
  if (segments.some((segment) => segment === '' || segment === '.')) return 'it has an empty or `.` segment';
  return undefined;
}

/** The manifest line of one file: `<mode> <sha256-hex> <size> <path>\n`. */
export function manifestLine(file: TreeFile): string {
  return `${file.mode} ${file.sha256} ${file.size} ${file.path}\n`;
}

/** Compares two paths by their UTF-8 bytes, as the spec orders them. */
export function compareUtf8(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

/**
 * Computes the digest of a list of files already hashed (for example, entries read from an archive).
 * Checks paths the same way the folder walk does.
 */
export function digestFiles(files: readonly TreeFile[], where = 'the skill'): TreeDigest {
  const sorted = [...files].sort((a, b) => compareUtf8(a.path, b.path));
  // Every file path and every folder on the way to it, case-folded: two different names that fold
  // alike (`README.md`/`readme.md`, folders `Docs/`/`docs/`, a file `a` beside a folder `A/`) would
  // land on one name on a case-insensitive file system.
  const seen = new Map<string, string>();
  const claim = (name: string, path: string) => {
    const folded = foldCase(name);
    const other = seen.get(folded);
    if (other === undefined) {
      seen.set(folded, name);
      return;
    }
    if (other === name && name.endsWith('/')) return;
    const message =
      other === name
        ? `${where}: ${JSON.stringify(name)} appears twice. Each file may appear once.`
        : `${where}: ${JSON.stringify(other.replace(/\/$/, ''))} and ${JSON.stringify(name.replace(/\/$/, ''))} differ only in case, so they collide on case-insensitive file systems. Rename one of them.`;
    throw new DigestError('CASE_COLLISION', message, { where: path });
  };
  for (const file of sorted) {
    const reason = unsafePathReason(file.path);
    if (reason) {
      throw new DigestError('UNSAFE_PATH', `${where}: path ${JSON.stringify(file.path)} is unsafe because ${reason}. Rename the file.`, { where: file.path });
    }
    const segments = file.path.split('/');
    for (let depth = 1; depth < segments.length; depth += 1) claim(`${segments.slice(0, depth).join('/')}/`, file.path);
  }
  for (const file of sorted) {
    // A file named like a folder (`a` beside `a/x`) collides too: compare it in its folder form.
    if (seen.has(foldCase(`${file.path}/`))) {
      throw new DigestError('CASE_COLLISION', `${where}: ${JSON.stringify(file.path)} is both a file and a folder (ignoring case). Rename one of them.`, { where: file.path });
    }
    claim(file.path, file.path);
  }
  const hash = createHash('sha256');
  let totalBytes = 0;
  for (const file of sorted) {
    hash.update(manifestLine(file), 'utf8');
    totalBytes += file.size;
  }
  return { digest: `sha256:${hash.digest('hex')}`, files: sorted, totalBytes };
}

async function hashFile(path: string, maxBytes: number, relative: string): Promise<{ sha256: string; size: number }> {
  const handle = await open(path, 'r');
  try {
    const hash = createHash('sha256');
    let size = 0;
    for await (const chunk of handle.createReadStream({ autoClose: false }) as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > maxBytes) {
        throw new DigestError('TOO_LARGE', `${relative} is larger than the ${maxBytes}-byte limit for one file. Remove it or make it smaller.`, { where: relative });
      }
      hash.update(chunk);
    }
    return { sha256: hash.digest('hex'), size };
  } finally {
    await handle.close();
  }
}

/**
 * Walks `root` and computes its `skill-tree-v1` digest. Refuses symlinks, special files, unsafe or
 * colliding paths and anything over the limits, naming the offending path.
 */
export async function treeDigest(root: string, limits: TreeLimits = DEFAULT_TREE_LIMITS): Promise<TreeDigest> {
  const rootStat = await lstat(root).catch(() => undefined);
  if (!rootStat?.isDirectory()) {
    throw new DigestError('NOT_A_DIRECTORY', `${root} is not a folder. Give the path of a skill folder (the one holding SKILL.md).`, { where: root });
  }
  const files: TreeFile[] = [];
  let totalBytes = 0;
  const walk = async (absolute: string, relative: string): Promise<void> => {
    const names = await readdir(absolute, { encoding: 'buffer' });
    for (const rawName of names) {
      let name: string;
      try {
        name = utf8.decode(rawName);
      } catch {
        throw new DigestError('UNSAFE_PATH', `A file name in ${relative || '.'} is not valid UTF-8 (${rawName.toString('hex')}). Rename it.`, { where: relative });
      }
      if (relative === '' && name === '.git') continue;
      const childRelative = relative === '' ? name : `${relative}/${name}`;
      const childAbsolute = join(absolute, name);
      const stat = await lstat(childAbsolute);
      if (stat.isSymbolicLink()) {
        throw new DigestError('SYMLINK', `${childRelative} is a symbolic link. Skills hold regular files only: replace the link with the file it points to.`, { where: childRelative });
      }
      if (stat.isDirectory()) {
        await walk(childAbsolute, childRelative);
        continue;
      }
      if (!stat.isFile()) {
        throw new DigestError('SPECIAL_FILE', `${childRelative} is not a regular file (a device, FIFO or socket). Remove it.`, { where: childRelative });
      }
      if (Buffer.byteLength(childRelative, 'utf8') > limits.maxPathBytes) {
        throw new DigestError('TOO_LARGE', `${childRelative} has a path longer than ${limits.maxPathBytes} bytes. Shorten it.`, { where: childRelative });
      }
      if (files.length + 1 > limits.maxFiles) {
        throw new DigestError('TOO_LARGE', `The skill has more than ${limits.maxFiles} files. Remove what the skill does not need.`, { where: childRelative });
      }
      const { sha256, size } = await hashFile(childAbsolute, limits.maxFileBytes, childRelative);
      totalBytes += size;
      if (totalBytes > limits.maxTotalBytes) {
        throw new DigestError('TOO_LARGE', `The skill's files add up to more than ${limits.maxTotalBytes} bytes. Remove large assets.`, { where: childRelative });
      }
      files.push({ path: childRelative, mode: (stat.mode & 0o111) !== 0 ? '100755' : '100644', sha256, size });
    }
  };
  await walk(root, '');
  return digestFiles(files, root);
}

/** How two file lists differ, for plain-words verification failures. */
export interface TreeDifference {
  /** Paths whose content changed. */
  changed: string[];
  /** Paths present now but not in the expected list. */
  added: string[];
  /** Paths expected but missing now. */
  removed: string[];
  /** Paths whose execute bit changed. */
  modeChanged: string[];
}

/** Compares an expected file list (the audited one) with an actual one. */
export function diffTrees(expected: readonly TreeFile[], actual: readonly TreeFile[]): TreeDifference {
  const expectedByPath = new Map(expected.map((file) => [file.path, file]));
  const actualByPath = new Map(actual.map((file) => [file.path, file]));
  const difference: TreeDifference = { changed: [], added: [], removed: [], modeChanged: [] };
  for (const file of actual) {
    const before = expectedByPath.get(file.path);
    if (!before) difference.added.push(file.path);
    else {
      if (before.sha256 !== file.sha256 || before.size !== file.size) difference.changed.push(file.path);
      if (before.mode !== file.mode) difference.modeChanged.push(file.path);
    }
  }
  for (const file of expected) if (!actualByPath.has(file.path)) difference.removed.push(file.path);
  return difference;
}
