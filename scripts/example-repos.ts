/**
 * Builds the example registry's git repositories: every folder `examples/repos/<name>/` becomes a
 * real repository `<outDir>/<name>/` with the commits listed in `examples/repos.yaml`. Author,
 * committer, dates, messages and file modes are fixed, and no user or system git configuration is
 * read, so the commit ids are the same on every machine and the entries in `registry/skills/` can
 * pin them. Run directly (`node scripts/example-repos.ts [outDir]`) it prints the commit ids.
 *
 * Layout (examples/README.md has the long form):
 * - `examples/repos/<name>/…`: the files of the first commit.
 * - `examples/repos/<name>/<overlay>/…` (e.g. `.next/`): files a later commit adds or replaces;
 *   the overlay folder itself is never part of any commit.
 */
import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { lstat, mkdir, readFile, readdir, rename, rm } from 'node:fs/promises';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { SkillRegistryError, writeFileAtomic } from '../core/index.ts';

/** The project root: relative output folders are resolved against it, not the working directory. */
const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SOURCE_ROOT = join(PROJECT_ROOT, 'examples', 'repos');
const HISTORY_FILE = join(PROJECT_ROOT, 'examples', 'repos.yaml');
/** Written inside each built repository's `.git/`: what it was built from, to skip rebuilding. */
const STAMP_FILE = 'skill-registry-example.json';
/** Bump when the way repositories are built changes, so stale builds are replaced. */
const BUILD_FORMAT = 1;
/** Building a handful of tiny repositories takes well under a second; a hung git is a bug. */
const GIT_TIMEOUT_MS = 60_000;
/** Rounds of "keep the copy in place, or move it aside and put ours there" before giving up. */
const PLACE_ATTEMPTS = 8;

/** Codes of {@link ExampleReposError}. */
export type ExampleReposErrorCode = 'BAD_HISTORY' | 'BAD_SOURCE' | 'BUILD_CONTENDED' | 'GIT_FAILED';

/** The example repositories cannot be built. */
export class ExampleReposError extends SkillRegistryError<ExampleReposErrorCode> {}

const CommitSchema = z.strictObject({
  /** Author and committer date, ISO 8601 with a zone. */
  date: z.iso.datetime({ offset: true }),
  /** Commit message. */
  message: z.string().min(1),
  /** Folder (inside the repository's source folder) whose files this commit adds or replaces. */
  overlay: z.string().regex(/^\.[A-Za-z0-9_-]+$/, { error: 'must be a dot-folder name such as `.next`' }).optional(),
});

/** `examples/repos.yaml`: the commits of every example repository. */
const HistorySchema = z.strictObject({
  /** Format version of the history file. */
  schemaVersion: z.literal(1),
  /** Repository name → author and commits (oldest first). */
  repos: z.record(
    z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
    z.strictObject({
      /** Author and committer of every commit. */
      author: z.strictObject({ name: z.string().min(1), email: z.string().min(3) }),
      /** Commits, oldest first; the first must not have an overlay. */
      commits: z.array(CommitSchema).min(1),
    }),
  ),
});

type History = z.output<typeof HistorySchema>;
type RepoHistory = History['repos'][string];

/** One file of a commit: where its bytes are and the git mode it gets. */
interface SourceFile {
  absolute: string;
  mode: '100644' | '100755';
}

async function readHistory(): Promise<History> {
  const parsed = HistorySchema.safeParse(parseYaml(await readFile(HISTORY_FILE, 'utf8')));
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new ExampleReposError('BAD_HISTORY', `${HISTORY_FILE} is not valid (${problems}). Fix it to match the format described in examples/README.md.`, { where: HISTORY_FILE });
  }
  for (const [name, repo] of Object.entries(parsed.data.repos)) {
    if (repo.commits[0].overlay !== undefined) {
      throw new ExampleReposError('BAD_HISTORY', `${HISTORY_FILE}: the first commit of ${name} has an overlay. The first commit is the repository folder itself; remove \`overlay\` from it.`, { where: name });
    }
  }
  return parsed.data;
}

/** Lists the regular files under `folder` (relative `/` paths), skipping the given top-level names. */
async function listFiles(folder: string, skipTopLevel: ReadonlySet<string>): Promise<Map<string, SourceFile>> {
  const files = new Map<string, SourceFile>();
  const walk = async (absolute: string, relative: string): Promise<void> => {
    for (const name of (await readdir(absolute)).sort()) {
      if (relative === '' && skipTopLevel.has(name)) continue;
      const childAbsolute = join(absolute, name);
      const childRelative = relative === '' ? name : `${relative}/${name}`;
      // Paths travel to git one per line (--stdin-paths, --index-info): keep them to printable text.
      if (/[\u0000-\u001f\u007f\\]/.test(name)) {
        throw new ExampleReposError('BAD_SOURCE', `${JSON.stringify(childAbsolute)} has a control character or backslash in its name. Rename it.`, { where: childAbsolute });
      }
      const stat = await lstat(childAbsolute);
      if (stat.isDirectory()) await walk(childAbsolute, childRelative);
      else if (stat.isFile()) files.set(childRelative, { absolute: childAbsolute, mode: (stat.mode & 0o111) !== 0 ? '100755' : '100644' });
      else {
        throw new ExampleReposError('BAD_SOURCE', `${childAbsolute} is not a regular file or folder. Example repositories hold plain files only: replace it with a regular file.`, { where: childAbsolute });
      }
    }
  };
  await walk(folder, '');
  return files;
}

/** The file set of every commit of one repository, oldest first (overlays accumulate). */
async function commitTrees(name: string, repo: RepoHistory): Promise<Map<string, SourceFile>[]> {
  const folder = join(SOURCE_ROOT, name);
  const stat = await lstat(folder).catch(() => undefined);
  if (!stat?.isDirectory()) {
    throw new ExampleReposError('BAD_SOURCE', `${HISTORY_FILE} lists ${name}, but ${folder} is not a folder. Add the folder or remove ${name} from the history.`, { where: folder });
  }
  const overlays = new Set(repo.commits.flatMap((commit) => (commit.overlay === undefined ? [] : [commit.overlay])));
  const trees: Map<string, SourceFile>[] = [];
  let current = await listFiles(folder, overlays);
  for (const commit of repo.commits) {
    if (commit.overlay !== undefined) {
      const overlayFolder = join(folder, commit.overlay);
      if (!(await lstat(overlayFolder).catch(() => undefined))?.isDirectory()) {
        throw new ExampleReposError('BAD_SOURCE', `The overlay ${overlayFolder} of ${name} does not exist. Create it or remove \`overlay\` from the commit.`, { where: overlayFolder });
      }
      current = new Map([...current, ...(await listFiles(overlayFolder, new Set()))]);
    }
    trees.push(current);
  }
  return trees;
}

/** A digest of everything a repository is built from; equal fingerprints give equal commits. */
async function fingerprint(name: string, repo: RepoHistory, trees: readonly Map<string, SourceFile>[]): Promise<string> {
  const hash = createHash('sha256').update(JSON.stringify({ format: BUILD_FORMAT, name, repo }));
  for (const tree of trees) {
    hash.update('\0commit\0');
    for (const [path, file] of [...tree].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      hash.update(`${file.mode} ${path}\0`).update(await readFile(file.absolute)).update('\0');
    }
  }
  return hash.digest('hex');
}

/** The environment git runs with: nothing inherited that could change the objects it writes. */
function gitEnvironment(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const environment: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) if (!key.startsWith('GIT_')) environment[key] = value;
  return { ...environment, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null', GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C', ...extra };
}

/** Runs git with hooks disabled and no inherited configuration; returns trimmed stdout. */
function git(args: readonly string[], options: { cwd: string; input?: string; env?: Record<string, string> }): Promise<string> {
  const fullArgs = ['-c', 'core.hooksPath=/dev/null', '-c', 'commit.gpgsign=false', '-c', 'core.autocrlf=false', '-c', 'core.fileMode=true', ...args];
  return new Promise((resolvePromise, reject) => {
    const stdin = options.input === undefined ? 'ignore' : 'pipe';
    const child = spawn('git', fullArgs, { cwd: options.cwd, env: gitEnvironment(options.env), stdio: [stdin, 'pipe', 'pipe'], timeout: GIT_TIMEOUT_MS });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout?.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', (error) =>
      reject(new ExampleReposError('GIT_FAILED', `Could not run git (${error.message}). Install git and make sure it is on PATH.`, { cause: error })),
    );
    child.on('close', (code, signal) => {
      if (code === 0) resolvePromise(Buffer.concat(stdout).toString('utf8').trim());
      else {
        const detail = Buffer.concat(stderr).toString('utf8').trim() || (signal ? `killed by ${signal}` : `exit code ${code}`);
        reject(new ExampleReposError('GIT_FAILED', `git ${args.join(' ')} failed in ${options.cwd}: ${detail}. Check that git works and the folder is writable.`, { where: options.cwd }));
      }
    });
    if (child.stdin) {
      // A git that exits early closes its stdin; the exit code, reported above, says why.
      child.stdin.on('error', () => undefined);
      child.stdin.end(options.input);
    }
  });
}

/** Git's raw date form for an ISO date: seconds since the epoch and the zone `+0000`. */
function gitDate(iso: string): string {
  return `${Math.floor(Date.parse(iso) / 1000)} +0000`;
}

/** Creates the repository in `folder` (which must not exist) and returns its commit ids, oldest first. */
async function createRepository(folder: string, repo: RepoHistory, trees: readonly Map<string, SourceFile>[]): Promise<string[]> {
  await mkdir(folder, { recursive: true });
  await git(['init', '--quiet', '--template=', '--object-format=sha1', '--initial-branch=main', '.'], { cwd: folder });
  const commits: string[] = [];
  const indexFile = join(folder, '.git', 'build-index');
  for (const [index, commit] of repo.commits.entries()) {
    const tree = [...trees[index]].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const indexEnv = { GIT_INDEX_FILE: indexFile };
    await git(['read-tree', '--empty'], { cwd: folder, env: indexEnv });
    // --no-filters: the blob is the file's exact bytes, whatever attributes say.
    const blobs = (await git(['hash-object', '-w', '--no-filters', '--stdin-paths'], { cwd: folder, input: tree.map(([, file]) => `${file.absolute}\n`).join('') })).split('\n');
    const entries = tree.map(([path, file], position) => `${file.mode} ${blobs[position]}\t${path}\n`).join('');
    await git(['update-index', '--add', '--index-info'], { cwd: folder, input: entries, env: indexEnv });
    const treeId = await git(['write-tree'], { cwd: folder, env: indexEnv });
    const date = gitDate(commit.date);
    const identity = {
      GIT_AUTHOR_NAME: repo.author.name,
      GIT_AUTHOR_EMAIL: repo.author.email,
      GIT_AUTHOR_DATE: date,
      GIT_COMMITTER_NAME: repo.author.name,
      GIT_COMMITTER_EMAIL: repo.author.email,
      GIT_COMMITTER_DATE: date,
    };
    const parent = commits.length > 0 ? ['-p', commits[commits.length - 1]] : [];
    // The message goes in through stdin exactly as written (commit-tree -F - keeps it verbatim).
    commits.push(await git(['commit-tree', treeId, ...parent, '-F', '-'], { cwd: folder, input: commit.message, env: identity }));
  }
  await rm(indexFile, { force: true });
  await git(['update-ref', 'refs/heads/main', commits[commits.length - 1]], { cwd: folder });
  // Populate the working tree and the real index so `git status` in the example is clean.
  await git(['reset', '--hard', '--quiet', 'main'], { cwd: folder });
  return commits;
}

const StampSchema = z.strictObject({ fingerprint: z.string(), commits: z.array(z.string().regex(/^[0-9a-f]{40}$/)).min(1) });

/** The commits of an existing build when it was made from the same sources and is intact, else undefined. */
async function reusableBuild(folder: string, expectedFingerprint: string): Promise<string[] | undefined> {
  const stamp = StampSchema.safeParse(await readFile(join(folder, '.git', STAMP_FILE), 'utf8').then(JSON.parse, () => undefined));
  if (!stamp.success || stamp.data.fingerprint !== expectedFingerprint) return undefined;
  const head = await git(['rev-parse', '--verify', '--quiet', 'HEAD^{commit}'], { cwd: folder }).catch(() => undefined);
  return head === stamp.data.commits[stamp.data.commits.length - 1] ? stamp.data.commits : undefined;
}

async function buildOne(outDir: string, name: string, repo: RepoHistory): Promise<string[]> {
  const trees = await commitTrees(name, repo);
  const expected = await fingerprint(name, repo, trees);
  const target = join(outDir, name);
  const existing = await reusableBuild(target, expected);
  if (existing) return existing;
  // Build beside the target and rename into place, so a concurrent or interrupted build never
  // leaves a half-made repository where the registry looks.
  const suffix = randomBytes(6).toString('hex');
  const temporary = join(outDir, `.building-${name}-${suffix}`);
  const staleCopies: string[] = [];
  try {
    const commits = await createRepository(temporary, repo, trees);
    await writeFileAtomic(join(temporary, '.git', STAMP_FILE), `${JSON.stringify({ fingerprint: expected, commits })}\n`);
    let lastError: unknown;
    for (let attempt = 0; attempt < PLACE_ATTEMPTS; attempt += 1) {
      // A concurrent build may have put the same repository in place meanwhile: keep it (someone may
      // be cloning it) rather than replace it with an identical copy.
      const placed = await reusableBuild(target, expected);
      if (placed) return placed;
      // A stale build is moved aside in one step and deleted under a private name. Deleting it in
      // place would walk the target path by name while another build renames a fresh copy there,
      // and delete into (or fail on) that copy.
      const stale = join(outDir, `.stale-${name}-${suffix}-${attempt}`);
      staleCopies.push(stale);
      await rename(target, stale).catch((error: unknown) => {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      });
      try {
        await rename(temporary, target);
        return commits;
      } catch (error) {
        // Another build renamed its copy in first; the next round keeps it, or moves it aside when
        // a third build's stale move took it away meanwhile.
        if (!['ENOTEMPTY', 'EEXIST'].includes((error as NodeJS.ErrnoException).code ?? '')) throw error;
        lastError = error;
      }
    }
    throw new ExampleReposError('BUILD_CONTENDED', `Could not put ${name} in place at ${target}: other builds kept replacing it (${String(lastError)}). Run one build at a time into ${outDir}.`, { where: target });
  } finally {
    await Promise.all([temporary, ...staleCopies].map((folder) => rm(folder, { recursive: true, force: true })));
  }
}

/**
 * Builds (or reuses, when already up to date) every example repository under `outDir` and returns
 * repository name → commit ids, oldest first. Relative `outDir`s are resolved against the project root.
 */
export async function buildExampleRepos(outDir = 'examples/.repos'): Promise<Map<string, string[]>> {
  const root = isAbsolute(outDir) ? outDir : resolve(PROJECT_ROOT, outDir);
  await mkdir(root, { recursive: true });
  const history = await readHistory();
  const built = new Map<string, string[]>();
  for (const [name, repo] of Object.entries(history.repos)) built.set(name, await buildOne(root, name, repo));
  return built;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const outDir = process.argv[2] ?? 'examples/.repos';
  try {
    const built = await buildExampleRepos(outDir);
    const lines = ['| repository | commits (oldest first) |', '| --- | --- |'];
    for (const [name, commits] of built) lines.push(`| ${name} | ${commits.join(', ')} |`);
    process.stdout.write(`${lines.join('\n')}\n`);
  } catch (error) {
    if (!(error instanceof ExampleReposError)) throw error;
    process.stderr.write(`error [${error.code}]: ${error.message}\n`);
    process.exitCode = 2;
  }
}
