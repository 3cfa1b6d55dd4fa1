import { execFile, execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmod, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ArchiveError,
  DEFAULT_TREE_LIMITS,
  DigestError,
  archiveTreeFiles,
  digestFiles,
  foldCase,
  manifestLine,
  readArchive,
  treeDigest,
  writeArchive,
  type ArchiveFile,
  type TreeFile,
} from '../core/index.ts';

const run = promisify(execFile);
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SPEC = join(ROOT, 'docs', 'tree-digest.md');
const VECTORS = join(ROOT, 'test', 'fixtures', 'tree-digest-vectors.json');
/** Set to rewrite the vector tables of docs/tree-digest.md from the JSON vectors. */
const UPDATE_GOLDEN = process.env.UPDATE_GOLDEN === '1';

/** One entry of a vector folder, as test/fixtures/tree-digest-vectors.json describes it. */
interface VectorFile {
  path?: string;
  pathHex?: string;
  content?: string;
  executable?: boolean;
  directory?: boolean;
  symlinkTo?: string;
  fifo?: boolean;
}

interface Vector {
  id: string;
  description: string;
  files: VectorFile[];
  manifest: string;
  digest: string;
}

interface Refusal {
  id: string;
  description: string;
  files: VectorFile[];
  code: string;
}

const fixtures = JSON.parse(await readFile(VECTORS, 'utf8')) as { algorithm: string; vectors: Vector[]; refusals: Refusal[] };

let workDir: string;
let folderCount = 0;

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'skill-registry-digest-'));
});

afterAll(async () => {
  await rm(workDir, { recursive: true, force: true });
});

/** Creates a fresh folder holding exactly the described entries. */
async function makeFolder(files: readonly VectorFile[]): Promise<string> {
  folderCount += 1;
  const root = join(workDir, `folder-${folderCount}`);
  await mkdir(root);
  for (const file of files) {
    if (file.pathHex !== undefined) {
      await writeFile(Buffer.concat([Buffer.from(`${root}/`), Buffer.from(file.pathHex, 'hex')]), file.content ?? '');
      continue;
    }
    const path = join(root, file.path ?? '');
    await mkdir(dirname(path), { recursive: true });
    if (file.directory) await mkdir(path, { recursive: true });
    else if (file.symlinkTo !== undefined) await symlink(file.symlinkTo, path);
    else if (file.fifo) execFileSync('mkfifo', [path]);
    else {
      await writeFile(path, file.content ?? '');
      await chmod(path, file.executable ? 0o755 : 0o644);
    }
  }
  return root;
}

/** A fenced block of the spec that follows a `<!-- tested: NAME -->` marker. */
function specBlock(spec: string, name: string): string {
  const match = new RegExp(`<!-- tested: ${name} -->\\n\`\`\`\\w+\\n([\\s\\S]*?)\\n\`\`\``).exec(spec);
  if (!match) throw new Error(`docs/tree-digest.md has no block marked <!-- tested: ${name} -->`);
  return match[1];
}

/** Expects `action` to throw `errorClass` with `code`. */
async function expectRefusal(action: () => unknown, errorClass: typeof DigestError | typeof ArchiveError, code: string): Promise<void> {
  let thrown: unknown;
  try {
    await action();
  } catch (error) {
    thrown = error;
  }
  expect(thrown, `expected ${errorClass.name} ${code}`).toBeInstanceOf(errorClass);
  expect((thrown as DigestError).code).toBe(code);
}

const fileOf = (path: string, content = '', mode: TreeFile['mode'] = '100644'): TreeFile => ({
  path,
  mode,
  sha256: createHash('sha256').update(content).digest('hex'),
  size: Buffer.byteLength(content),
});

describe('skill-tree-v1 test vectors', () => {
  it.each(fixtures.vectors.map((vector) => [vector.id, vector] as const))('%s: treeDigest gives the listed manifest and digest', async (_id, vector) => {
    const tree = await treeDigest(await makeFolder(vector.files));
    expect(tree.files.map(manifestLine).join('')).toBe(vector.manifest);
    expect(tree.digest).toBe(vector.digest);
    expect(`sha256:${createHash('sha256').update(vector.manifest, 'utf8').digest('hex')}`).toBe(vector.digest);
  });

  it('pins the properties the vectors exist to show', () => {
    const digest = (id: string) => fixtures.vectors.find((vector) => vector.id === id)?.digest;
    expect(digest('mode-change')).not.toBe(digest('one-file'));
    expect(digest('rename')).not.toBe(digest('one-file'));
    expect(digest('top-level-git-skipped')).toBe(digest('one-file'));
    expect(digest('empty-folder-ignored')).toBe(digest('one-file'));
    expect(digest('empty-file')).toBe('sha256:9f003e450e7ec7ec58e59739740b68797384a765a3bcc7edb860aa5b532f5237');
    const order = fixtures.vectors.find((vector) => vector.id === 'utf8-not-utf16-order')?.manifest.split('\n').filter(Boolean).map((line) => line.split(' ')[3]);
    expect(order).toEqual(['\uFF5E.txt', '\u{1F600}.txt']);
    // JavaScript's default sort compares UTF-16 code units and gets this order wrong.
    expect(['\uFF5E.txt', '\u{1F600}.txt'].sort()).toEqual(['\u{1F600}.txt', '\uFF5E.txt']);
  });

  it.each(fixtures.refusals.map((refusal) => [refusal.id, refusal] as const))('%s: treeDigest refuses with the listed code', async (_id, refusal) => {
    const folder = await makeFolder(refusal.files);
    await expectRefusal(() => treeDigest(folder), DigestError, refusal.code);
  });

  it('names the offending path in the refusal', async () => {
    const folder = await makeFolder([{ path: 'SKILL.md', content: 'x' }, { path: 'scripts/link.sh', symlinkTo: '/etc/passwd' }]);
    await expect(treeDigest(folder)).rejects.toMatchObject({ code: 'SYMLINK', where: 'scripts/link.sh' });
  });
});

describe('the specification document', () => {
  const spec = () => readFile(SPEC, 'utf8');

  it('recomputes every vector with its shell recipe', async () => {
    const script = specBlock(await spec(), 'shell');
    for (const vector of fixtures.vectors) {
      const folder = await makeFolder(vector.files);
      const { stdout } = await run('bash', ['-c', script], { env: { ...process.env, DIR: folder } });
      expect(stdout.trim(), vector.id).toBe(vector.digest);
    }
  });

  it('recomputes every vector, and refuses every refusal, with its Python implementation', async () => {
    const program = join(workDir, 'skill_tree_v1.py');
    await writeFile(program, specBlock(await spec(), 'python'));
    for (const vector of fixtures.vectors) {
      const { stdout } = await run('python3', [program, await makeFolder(vector.files)]);
      expect(stdout.trim(), vector.id).toBe(vector.digest);
    }
    for (const refusal of fixtures.refusals) {
      const outcome = await run('python3', [program, await makeFolder(refusal.files)]).then(
        () => 'accepted',
        (error: { stderr: string }) => (error.stderr.includes('ValueError') ? 'refused' : error.stderr),
      );
      expect(outcome, refusal.id).toBe('refused');
    }
  });

  it('shows the worked example with the digest of its vector', async () => {
    const text = await spec();
    const nested = fixtures.vectors.find((vector) => vector.id === 'nested');
    expect(text).toContain(nested?.manifest.trimEnd());
    expect(text).toContain(nested?.digest);
  });

  it('lists the vectors and refusals of the JSON fixtures (run with UPDATE_GOLDEN=1 to regenerate)', async () => {
    let text = await spec();
    const rendered = renderVectorTables(text);
    if (UPDATE_GOLDEN && rendered !== text) {
      await writeFile(SPEC, rendered);
      text = rendered;
    }
    expect(text).toBe(rendered);
  });
});

/** A JSON string literal that also escapes DEL and C1 controls, so the Markdown shows them. */
function jsonText(text: string): string {
  return JSON.stringify(text).replace(/[\u007f-\u009f]/g, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function describeFile(file: VectorFile): string {
  if (file.pathHex !== undefined) return `name bytes \`${file.pathHex.match(/../g)?.join(' ')}\` (not UTF-8) 0644 \`${jsonText(file.content ?? '')}\``;
  const path = /[\u0000-\u001f\u007f-\u009f\\]/.test(file.path ?? '') ? jsonText(file.path ?? '') : file.path;
  if (file.directory) return `\`${path}/\` (empty folder)`;
  if (file.symlinkTo !== undefined) return `\`${path}\` → symbolic link to \`${file.symlinkTo}\``;
  if (file.fifo) return `\`${path}\` (named pipe)`;
  return `\`${path}\` ${file.executable ? '0755' : '0644'} \`${jsonText(file.content ?? '')}\``;
}

/** The spec with its vector tables regenerated from the JSON fixtures. */
function renderVectorTables(spec: string): string {
  const vectorRows = fixtures.vectors.map((vector) => `| \`${vector.id}\`: ${vector.description} | ${vector.files.map(describeFile).join('<br>')} | \`${vector.digest}\` |`);
  const refusalRows = fixtures.refusals.map((refusal) => `| \`${refusal.id}\`: ${refusal.description} | ${refusal.files.map(describeFile).join('<br>')} | \`${refusal.code}\` |`);
  const vectors = ['| Vector | Files: path, mode, exact content (JSON string) | Digest |', '| --- | --- | --- |', ...vectorRows].join('\n');
  const refusals = ['| Case | Files | Code |', '| --- | --- | --- |', ...refusalRows].join('\n');
  return spec
    .replace(/<!-- vectors:start -->[\s\S]*?<!-- vectors:end -->/, `<!-- vectors:start -->\n${vectors}\n<!-- vectors:end -->`)
    .replace(/<!-- refusals:start -->[\s\S]*?<!-- refusals:end -->/, `<!-- refusals:start -->\n${refusals}\n<!-- refusals:end -->`);
}

describe('digestFiles', () => {
  it('gives the same digest as the folder walk, whatever the input order', async () => {
    const vector = fixtures.vectors.find((candidate) => candidate.id === 'byte-order') as Vector;
    const tree = await treeDigest(await makeFolder(vector.files));
    expect(digestFiles([...tree.files].reverse()).digest).toBe(vector.digest);
    expect(digestFiles(tree.files).files.map((file) => file.path)).toEqual(['B', '_', 'a-b', 'a.txt', 'a/b', 'a0']);
  });

  it.each([
    ['a parent segment', '../etc/passwd'],
    ['a parent segment inside', 'scripts/../../x'],
    ['an absolute path', '/etc/passwd'],
    ['an empty segment', 'scripts//run.sh'],
    ['a `.` segment', './SKILL.md'],
    ['a trailing slash', 'scripts/'],
    ['an empty path', ''],
    ['a backslash', 'scripts\\run.sh'],
    ['a NUL', 'a\u0000b'],
    ['a newline', 'a\nb'],
    ['DEL', 'a\u007fb'],
    ['a C1 control', 'a\u009bb'],
  ])('refuses %s with UNSAFE_PATH', async (_what, path) => {
    await expectRefusal(() => digestFiles([fileOf('SKILL.md', 'x'), fileOf(path)]), DigestError, 'UNSAFE_PATH');
  });

  it.each([
    ['plain case', 'SKILL.md', 'skill.md'],
    ['sharp s', 'Stra\u00dfe.md', 'strasse.md'],
    ['ligature', '\ufb01le.md', 'FILE.md'],
    ['final sigma', '\u03a3.md', '\u03c2.md'],
    ['the same path twice', 'a.md', 'a.md'],
  ])('refuses a case collision (%s) with CASE_COLLISION', async (_what, first, second) => {
    await expectRefusal(() => digestFiles([fileOf(first, '1'), fileOf(second, '2')]), DigestError, 'CASE_COLLISION');
  });

  it('folds case by upper-casing and then lower-casing', () => {
    expect(foldCase('Stra\u00dfe')).toBe('strasse');
    expect(foldCase('\ufb01')).toBe('fi');
    expect(foldCase('README.md')).toBe('readme.md');
  });

  it('does not normalise Unicode: NFC and NFD spellings are different paths', () => {
    const nfc = digestFiles([fileOf('caf\u00e9.md', 'x')]).digest;
    const nfd = digestFiles([fileOf('cafe\u0301.md', 'x')]).digest;
    expect(nfc).not.toBe(nfd);
  });
});

describe('treeDigest limits', () => {
  it('refuses a folder with more files than the limit with TOO_LARGE', async () => {
    const folder = await makeFolder([1, 2, 3].map((index) => ({ path: `f${index}.md`, content: 'x' })));
    await expectRefusal(() => treeDigest(folder, { ...DEFAULT_TREE_LIMITS, maxFiles: 2 }), DigestError, 'TOO_LARGE');
    expect((await treeDigest(folder, { ...DEFAULT_TREE_LIMITS, maxFiles: 3 })).files).toHaveLength(3);
  });

  it('refuses a file larger than the per-file limit with TOO_LARGE', async () => {
    const folder = await makeFolder([{ path: 'big.bin', content: 'x'.repeat(2000) }]);
    await expectRefusal(() => treeDigest(folder, { ...DEFAULT_TREE_LIMITS, maxFileBytes: 1999 }), DigestError, 'TOO_LARGE');
    expect((await treeDigest(folder, { ...DEFAULT_TREE_LIMITS, maxFileBytes: 2000 })).totalBytes).toBe(2000);
  });

  it('refuses files adding up to more than the total limit with TOO_LARGE', async () => {
    const folder = await makeFolder([{ path: 'a', content: 'x'.repeat(600) }, { path: 'b', content: 'x'.repeat(600) }]);
    await expectRefusal(() => treeDigest(folder, { ...DEFAULT_TREE_LIMITS, maxTotalBytes: 1000 }), DigestError, 'TOO_LARGE');
  });

  it('refuses a path longer than the limit with TOO_LARGE', async () => {
    const folder = await makeFolder([{ path: `deep/${'n'.repeat(40)}.md`, content: 'x' }]);
    await expectRefusal(() => treeDigest(folder, { ...DEFAULT_TREE_LIMITS, maxPathBytes: 40 }), DigestError, 'TOO_LARGE');
  });

  it('refuses a path that is not a folder with NOT_A_DIRECTORY', async () => {
    const folder = await makeFolder([{ path: 'SKILL.md', content: 'x' }]);
    await expectRefusal(() => treeDigest(join(folder, 'SKILL.md')), DigestError, 'NOT_A_DIRECTORY');
    await expectRefusal(() => treeDigest(join(folder, 'missing')), DigestError, 'NOT_A_DIRECTORY');
    await symlink(folder, join(workDir, 'link-to-folder'));
    await expectRefusal(() => treeDigest(join(workDir, 'link-to-folder')), DigestError, 'NOT_A_DIRECTORY');
  });
});

/** One raw ustar header block, for archives the writer would never make. */
function tarHeader(options: { name: string; size: number; type?: string; mode?: number; linkName?: string }): Buffer {
  const block = Buffer.alloc(512);
  const put = (offset: number, text: string) => block.write(text, offset, 'utf8');
  const octal = (offset: number, length: number, value: number) => put(offset, `${value.toString(8).padStart(length - 1, '0')}\0`);
  put(0, options.name);
  octal(100, 8, options.mode ?? 0o644);
  octal(108, 8, 0);
  octal(116, 8, 0);
  octal(124, 12, options.size);
  octal(136, 12, 0);
  block.fill(0x20, 148, 156);
  put(156, options.type ?? '0');
  if (options.linkName) put(157, options.linkName);
  put(257, 'ustar\0');
  put(263, '00');
  let sum = 0;
  for (const byte of block) sum += byte;
  put(148, `${sum.toString(8).padStart(6, '0')}\0 `);
  return block;
}

/** A gzip'd tar of raw entries, with the end-of-archive marker. */
function handMadeTar(entries: { name: string; content?: string; type?: string; linkName?: string }[], endMarker = true): Buffer {
  const parts: Buffer[] = [];
  for (const entry of entries) {
    const content = Buffer.from(entry.content ?? '');
    parts.push(tarHeader({ name: entry.name, size: content.length, type: entry.type, linkName: entry.linkName }), content, Buffer.alloc((512 - (content.length % 512)) % 512));
  }
  if (endMarker) parts.push(Buffer.alloc(1024));
  return gzipSync(Buffer.concat(parts));
}

describe('the skill archive', () => {
  const skillFiles: ArchiveFile[] = [
    { path: 'SKILL.md', executable: false, content: Buffer.from('---\nname: demo\ndescription: Demo skill.\n---\n# Demo\n') },
    { path: 'scripts/run.sh', executable: true, content: Buffer.from('#!/bin/sh\necho hi\n') },
    { path: 'references/api/errors.md', executable: false, content: Buffer.from('No final newline') },
    { path: 'assets/logo.txt', executable: false, content: Buffer.from('[logo]\n') },
    { path: `deep/${'d'.repeat(90)}/${'f'.repeat(60)}.md`, executable: false, content: Buffer.from('a long path uses the ustar prefix field\n') },
  ];

  it('round-trips files, modes and paths, and digests like the folder it came from', async () => {
    const archive = writeArchive(skillFiles);
    const read = readArchive(archive);
    expect(read.map((file) => [file.path, file.executable, Buffer.from(file.content).toString()])).toEqual(
      [...skillFiles].sort((a, b) => Buffer.compare(Buffer.from(a.path), Buffer.from(b.path))).map((file) => [file.path, file.executable, Buffer.from(file.content).toString()]),
    );
    const folder = await makeFolder(skillFiles.map((file) => ({ path: file.path, content: Buffer.from(file.content).toString(), executable: file.executable })));
    expect(digestFiles(archiveTreeFiles(read)).digest).toBe((await treeDigest(folder)).digest);
  });

  it('matches the worked example of the specification', () => {
    const nested = fixtures.vectors.find((vector) => vector.id === 'nested') as Vector;
    expect(digestFiles(archiveTreeFiles(readArchive(writeArchive(skillFiles.slice(0, 4))))).digest).toBe(nested.digest);
  });

  it('writes the same bytes twice, whatever the input order', () => {
    const first = writeArchive(skillFiles);
    expect(Buffer.compare(first, writeArchive(skillFiles))).toBe(0);
    expect(Buffer.compare(first, writeArchive([...skillFiles].reverse()))).toBe(0);
  });

  it('reads a plain ustar of regular files made by hand', () => {
    const read = readArchive(handMadeTar([{ name: 'SKILL.md', content: 'hello\n' }]));
    expect(read.map((file) => file.path)).toEqual(['SKILL.md']);
  });

  it('refuses a symbolic link entry with UNSAFE_ENTRY', async () => {
    await expectRefusal(() => readArchive(handMadeTar([{ name: 'SKILL.md', content: 'x' }, { name: 'key', type: '2', linkName: '/home/user/.ssh/id_rsa' }])), ArchiveError, 'UNSAFE_ENTRY');
  });

  it('refuses a hard link entry with UNSAFE_ENTRY', async () => {
    await expectRefusal(() => readArchive(handMadeTar([{ name: 'SKILL.md', content: 'x' }, { name: 'copy', type: '1', linkName: 'SKILL.md' }])), ArchiveError, 'UNSAFE_ENTRY');
  });

  it('refuses a `../` path with UNSAFE_ENTRY', async () => {
    await expectRefusal(() => readArchive(handMadeTar([{ name: '../outside.sh', content: 'x' }])), ArchiveError, 'UNSAFE_ENTRY');
    await expectRefusal(() => readArchive(handMadeTar([{ name: '/etc/cron.d/job', content: 'x' }])), ArchiveError, 'UNSAFE_ENTRY');
  });

  it('refuses a truncated archive with MALFORMED', async () => {
    const archive = writeArchive(skillFiles);
    await expectRefusal(() => readArchive(archive.subarray(0, archive.length - 20)), ArchiveError, 'MALFORMED');
    const tar = Buffer.concat([tarHeader({ name: 'SKILL.md', size: 4096 }), Buffer.alloc(512, 0x61)]);
    await expectRefusal(() => readArchive(gzipSync(tar)), ArchiveError, 'MALFORMED');
    await expectRefusal(() => readArchive(handMadeTar([{ name: 'SKILL.md', content: 'x' }], false)), ArchiveError, 'MALFORMED');
  });

  it('refuses an entry with a bad checksum with MALFORMED', async () => {
    const header = tarHeader({ name: 'SKILL.md', size: 1 });
    header[0] = 0x54; // 'T': the name changes, the checksum does not
    await expectRefusal(() => readArchive(gzipSync(Buffer.concat([header, Buffer.alloc(512), Buffer.alloc(1024)]))), ArchiveError, 'MALFORMED');
  });

  it('refuses archives over the limits with TOO_LARGE', async () => {
    const archive = writeArchive(skillFiles);
    await expectRefusal(() => readArchive(archive, { ...DEFAULT_TREE_LIMITS, maxFiles: 2 }), ArchiveError, 'TOO_LARGE');
    await expectRefusal(() => readArchive(archive, { ...DEFAULT_TREE_LIMITS, maxFileBytes: 20 }), ArchiveError, 'TOO_LARGE');
  });
});

describe('skill-registry digest DIR', () => {
  const cli = join(ROOT, 'bin', 'skill-registry.js');

  it('prints the digest of a folder and exits 0', async () => {
    const vector = fixtures.vectors.find((candidate) => candidate.id === 'nested') as Vector;
    const { stdout } = await run(process.execPath, [cli, 'digest', await makeFolder(vector.files)]);
    expect(stdout).toBe(`${vector.digest}\n`);
  });

  it('prints the per-file list with --json', async () => {
    const vector = fixtures.vectors.find((candidate) => candidate.id === 'mode-change') as Vector;
    const { stdout } = await run(process.execPath, [cli, 'digest', await makeFolder(vector.files), '--json']);
    expect(JSON.parse(stdout)).toMatchObject({ digest: vector.digest, algorithm: 'skill-tree-v1', files: [{ path: 'SKILL.md', mode: '100755', size: 6 }], totalBytes: 6 });
  });

  it('refuses a folder with a symbolic link, naming the code, and exits 2', async () => {
    const folder = await makeFolder([{ path: 'SKILL.md', content: 'x' }, { path: 'link', symlinkTo: 'SKILL.md' }]);
    const outcome = await run(process.execPath, [cli, 'digest', folder]).then(
      () => ({ code: 0, stderr: '' }),
      (error: { code: number; stderr: string }) => ({ code: error.code, stderr: error.stderr }),
    );
    expect(outcome.code).toBe(2);
    expect(outcome.stderr).toMatch(/^error \[SYMLINK\]: link is a symbolic link/);
  });
});

describe('digestFiles case collisions across folders', () => {
  const file = (path: string) => ({ path, mode: '100644' as const, sha256: '0'.repeat(64), size: 0 });

  it('refuses folders that differ only in case', () => {
    expect(() => digestFiles([file('Docs/a.md'), file('docs/b.md')])).toThrowError(expect.objectContaining({ code: 'CASE_COLLISION' }));
  });

  it('refuses a file beside a folder of the same name, in any case', () => {
    expect(() => digestFiles([file('notes'), file('Notes/today.md')])).toThrowError(expect.objectContaining({ code: 'CASE_COLLISION' }));
    expect(() => digestFiles([file('notes'), file('notes/today.md')])).toThrowError(expect.objectContaining({ code: 'CASE_COLLISION' }));
  });

  it('accepts many files in one folder', () => {
    expect(digestFiles([file('docs/a.md'), file('docs/b.md'), file('docs/deep/c.md')]).files).toHaveLength(3);
  });

  it('refuses a path listed twice, and a lone surrogate', () => {
    expect(() => digestFiles([file('a.md'), file('a.md')])).toThrowError(expect.objectContaining({ code: 'CASE_COLLISION', message: expect.stringContaining('appears twice') }));
    expect(() => digestFiles([file('a\uD800')])).toThrowError(expect.objectContaining({ code: 'UNSAFE_PATH' }));
  });
});
