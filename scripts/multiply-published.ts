/**
 * `node scripts/multiply-published.ts --from DIR --times N --out DIR`: a larger published data folder for
 * measuring the catalog build, made from a real one without running the pipeline again. Every skill of
 * `--from` appears N times: copy 0 as it is, copy k as `<name>-c<k>` of the same publisher, with its own
 * digest (a hash of the original digest and k) in its index line, record, history, archive, bundle and
 * badge. Records are rewritten, not re-audited: the digests no longer match the archives' bytes and the
 * bundles no longer sign them, so the output is for the site build only, never for `verify`. The feed,
 * trust policy, revocation list and OSV files are copied as they are. `--out` must not exist.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { SITE_LAYOUT } from '../schemas/index.ts';

/** Skills copied at once: enough to keep the disk busy, few enough to stay far below open-file limits. */
const COPY_CONCURRENCY = 32;

interface IndexLine {
  publisher: string;
  name: string;
  digest: string;
  record: string;
}

interface IndexFile {
  skills: IndexLine[];
}

interface SearchFile {
  skills: { publisher: string; name: string }[];
}

/** The digest of copy `copy` of the tree `digest`: copy 0 keeps its own. */
function copiedDigest(digest: string, copy: number): string {
  return copy === 0 ? digest : `sha256:${createHash('sha256').update(`${digest}#${copy}`).digest('hex')}`;
}

/** The name of copy `copy` of the skill `name`: copy 0 keeps its own. */
function copiedName(name: string, copy: number): string {
  return copy === 0 ? name : `${name}-c${copy}`;
}

/** Rewrites every digest hex and the skill's name in a published JSON text (records and histories quote both). */
function rewrite(text: string, digests: ReadonlyMap<string, string>, name: string, newName: string): string {
  let out = text;
  for (const [from, to] of digests) out = out.replaceAll(from.slice('sha256:'.length), to.slice('sha256:'.length));
  return name === newName ? out : out.replaceAll(`"name": "${name}"`, `"name": "${newName}"`);
}

async function copyIfPresent(from: string, to: string): Promise<void> {
  if (!existsSync(from)) return;
  await mkdir(dirname(to), { recursive: true });
  await copyFile(from, to);
}

async function copySkill(fromDir: string, outDir: string, line: IndexLine, copy: number): Promise<IndexLine> {
  const newName = copiedName(line.name, copy);
  const historyText = await readFile(join(fromDir, SITE_LAYOUT.history(line.publisher, line.name)), 'utf8');
  const versions = (JSON.parse(historyText) as { versions: { digest: string }[] }).versions.map((version) => version.digest);
  const digests = new Map(versions.map((digest) => [digest, copiedDigest(digest, copy)]));
  const historyOut = join(outDir, SITE_LAYOUT.history(line.publisher, newName));
  await mkdir(dirname(historyOut), { recursive: true });
  await writeFile(historyOut, rewrite(historyText, digests, line.name, newName));
  for (const [digest, newDigest] of digests) {
    const recordPath = join(fromDir, SITE_LAYOUT.record(digest));
    if (!existsSync(recordPath)) continue;
    const recordOut = join(outDir, SITE_LAYOUT.record(newDigest));
    await mkdir(dirname(recordOut), { recursive: true });
    await writeFile(recordOut, rewrite(await readFile(recordPath, 'utf8'), digests, line.name, newName));
    await copyIfPresent(join(fromDir, SITE_LAYOUT.bundle(digest)), join(outDir, SITE_LAYOUT.bundle(newDigest)));
    await copyIfPresent(join(fromDir, SITE_LAYOUT.archive(digest)), join(outDir, SITE_LAYOUT.archive(newDigest)));
  }
  await copyIfPresent(join(fromDir, SITE_LAYOUT.badge(line.publisher, line.name)), join(outDir, SITE_LAYOUT.badge(line.publisher, newName)));
  const digest = copiedDigest(line.digest, copy);
  return { ...line, name: newName, digest, record: SITE_LAYOUT.record(digest) };
}

/** Writes `times` copies of every skill of the published folder `fromDir` into `outDir`. */
export async function multiplyPublished(fromDir: string, times: number, outDir: string): Promise<{ skills: number }> {
  if (existsSync(outDir)) throw new Error(`${outDir} exists. Name a folder that does not exist yet.`);
  const index = JSON.parse(await readFile(join(fromDir, SITE_LAYOUT.index), 'utf8')) as IndexFile;
  const jobs = Array.from({ length: times }, (_, copy) => index.skills.map((line) => ({ line, copy }))).flat();
  const lines: IndexLine[] = [];
  for (let start = 0; start < jobs.length; start += COPY_CONCURRENCY) {
    lines.push(...(await Promise.all(jobs.slice(start, start + COPY_CONCURRENCY).map(({ line, copy }) => copySkill(fromDir, outDir, line, copy)))));
  }
  // The index stays in publisher, then name order, as the pipeline writes it.
  lines.sort((a, b) => (a.publisher === b.publisher ? (a.name < b.name ? -1 : 1) : a.publisher < b.publisher ? -1 : 1));
  await writeFile(join(outDir, SITE_LAYOUT.index), `${JSON.stringify({ ...index, skills: lines }, null, 2)}\n`);

  const searchPath = join(fromDir, SITE_LAYOUT.searchText);
  if (existsSync(searchPath)) {
    const search = JSON.parse(await readFile(searchPath, 'utf8')) as SearchFile;
    const skills = Array.from({ length: times }, (_, copy) => search.skills.map((skill) => ({ ...skill, name: copiedName(skill.name, copy) }))).flat();
    await writeFile(join(outDir, SITE_LAYOUT.searchText), `${JSON.stringify({ ...search, skills }, null, 2)}\n`);
  }
  for (const path of [SITE_LAYOUT.trust, SITE_LAYOUT.revocations, SITE_LAYOUT.osvIndex, SITE_LAYOUT.feed]) {
    await copyIfPresent(join(fromDir, path), join(outDir, path));
  }
  return { skills: lines.length };
}

if (import.meta.main) {
  const { values } = parseArgs({ options: { from: { type: 'string' }, times: { type: 'string' }, out: { type: 'string' } } });
  const times = Number(values.times);
  if (values.from === undefined || values.out === undefined || !Number.isInteger(times) || times < 1) {
    console.error('Usage: node scripts/multiply-published.ts --from DIR --times N --out DIR');
    process.exitCode = 2;
  } else {
    const { skills } = await multiplyPublished(resolve(values.from), times, resolve(values.out));
    console.log(`Wrote ${skills} skills into ${resolve(values.out)}`);
  }
}
