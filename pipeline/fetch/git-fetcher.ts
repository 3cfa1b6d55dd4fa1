/**
 * Fetches a skill from a git repository at a pinned commit without running anything from it: the
 * commit is fetched into a bare repository (one per source kept in the pipeline cache and fetched into
 * only when the commit is not there yet, or a temporary one), and the skill's files are read from git's
 * objects (`cat-file --batch-check`, `ls-tree`, `cat-file --batch`), so no checkout happens, and with
 * it no hooks, no filters, no LFS smudge, no submodules. Symlinks and submodules in the skill are refused.
 */
import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile, chmod, rename } from 'node:fs/promises';
import { isAbsolute, join, resolve, dirname } from 'node:path';
import { tmpdir } from 'node:os';
import { simpleGit, type SimpleGit } from 'simple-git';
import { DEFAULT_TREE_LIMITS, canonicalJson, sha256Hex, unsafePathReason } from '../../core/index.ts';
import type { RegistryConfig, Source } from '../../schemas/index.ts';
import { FetchError } from '../errors.ts';

/** Files in a pinned commit's whole tree when the operator sets no limit: counting stops there. */
const DEFAULT_MAX_REPO_FILES = 100_000;

/** Caps on one fetch. */
export interface FetchLimits {
  /**
   * Largest total size of the files in the pinned commit's whole tree (uncompressed, as checked out), in
   * bytes; a kept repository whose objects grow past it on disk is deleted after the fetch.
   */
  maxRepoBytes: number;
  /** Most files in the pinned commit's whole tree (default 100,000; the count stops there). */
  maxRepoFiles?: number;
  /** Most files under `source.path`. */
  maxFiles: number;
  /** Largest total of the skill's files, in bytes. */
  maxSkillBytes: number;
  /** Longest the whole fetch may take, in milliseconds. */
  timeoutMs: number;
}

/** Where sources may come from. */
export interface SourcePolicy {
  /** Accept local paths and file:// URLs. */
  allowLocal: boolean;
  /** When non-empty, only these hosts. */
  allowedHosts: string[];
  /** Folder that relative local paths are resolved against (the registry folder). */
  baseDir: string;
}

/** A fetched skill: its files extracted into `dir`. */
export interface FetchedSkill {
  /** Folder holding exactly the skill's files. */
  dir: string;
  /** The resolved commit (equals the pinned one). */
  commit: string;
}

/** Options of a {@link GitFetcher}. */
export interface GitFetcherOptions {
  /**
   * Folder that keeps one bare repository per source (`<SHA-256 of its resolved URL>.git`), fetched into
   * only when the pinned commit is not already there. Without it, every fetch uses a temporary repository.
   */
  repositories?: string;
}

/** Role: brings a skill's files in from its source. */
export interface Fetcher {
  fetch(source: Source, destination: string): Promise<FetchedSkill>;
}

// Git configuration for every command: no hooks, and only plain transports (ext:: and friends can
// run commands). Filters, LFS and fsmonitor never come into play: nothing is ever checked out.
const SAFE_CONFIG = [
  'core.hooksPath=/dev/null',
  'protocol.allow=never',
  'protocol.https.allow=always',
  'protocol.http.allow=always',
  'protocol.ssh.allow=always',
  'protocol.git.allow=always',
  'protocol.file.allow=always',
  'submodule.recurse=false',
  'fetch.recurseSubmodules=false',
  'transfer.fsckObjects=true',
  // A kept repository is only ever added to: a background gc would race the next fetch.
  'gc.auto=0',
  'maintenance.auto=false',
];

/**
 * The only remote forms accepted: a scheme, an optional plain user name (`git@`), one host name, an
 * optional port, and a path of ordinary characters. Group 1 is the host, read the way git reads it.
 */
const CANONICAL_REMOTE = /^(?:https?|ssh|git):\/\/(?:[A-Za-z0-9._-]+@)?([A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*)(?::\d{1,5})?(?:\/[A-Za-z0-9._~+\/-]*)?$/i;
/** The scp-like form `user@host:path`, with exactly one `@` and one host. Group 1 is the host. */
const CANONICAL_SCP = /^[A-Za-z0-9._-]+@([A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*):(?!\/\/)[A-Za-z0-9._~+-][A-Za-z0-9._~+\/-]*$/;

/** Resolves `source.repo` to what git is given, enforcing the source policy. */
export function resolveRepo(repo: string, policy: SourcePolicy): { url: string; local: boolean } {
  const localAllowed = policy.allowLocal || process.env.SKILL_REGISTRY_ALLOW_LOCAL === '1';
  const hasScheme = /^[a-z][a-z0-9+.-]*:\/\//i.exec(repo);
  const scpLike = !hasScheme && /^[^/\\]+@[^/\\:]+:/.test(repo);
  if (!hasScheme && !scpLike) {
    if (repo.includes('::')) throw new FetchError('SOURCE_NOT_ALLOWED', `source.repo ${JSON.stringify(repo)} uses a git remote helper; only https, ssh, git and (where allowed) local repositories are accepted.`, { where: 'source.repo' });
    if (!localAllowed) {
      throw new FetchError('SOURCE_NOT_ALLOWED', `source.repo ${JSON.stringify(repo)} is a local path, which this registry does not accept. Use the repository's https URL, or set sources.allowLocal: true in registry/config.yaml (or SKILL_REGISTRY_ALLOW_LOCAL=1) for a private registry.`, { where: 'source.repo' });
    }
    return { url: isAbsolute(repo) ? repo : resolve(policy.baseDir, repo), local: true };
  }
  const scheme = hasScheme ? hasScheme[0].slice(0, -3).toLowerCase() : 'ssh';
  if (scheme !== 'file' && !CANONICAL_REMOTE.test(repo) && !CANONICAL_SCP.test(repo)) {
    // Git and a URL parser can read an unusual URL differently (`https://github.com\@evil.invalid/x.git`,
    // `x@github.com@evil.invalid:r.git`): the allow-list would check one host and git contact another.
    throw new FetchError('SOURCE_NOT_ALLOWED', `source.repo ${JSON.stringify(repo)} is not a plain repository URL (one host, no spaces, backslashes, encoded characters or second @). Use the form https://host/owner/repo.git, ssh://git@host/owner/repo.git or git@host:owner/repo.git.`, { where: 'source.repo' });
  }
  if (scheme === 'file') {
    if (!localAllowed) {
      throw new FetchError('SOURCE_NOT_ALLOWED', `source.repo ${JSON.stringify(repo)} is a file:// URL, which this registry does not accept. Use the repository's https URL, or set sources.allowLocal: true in registry/config.yaml (or SKILL_REGISTRY_ALLOW_LOCAL=1).`, { where: 'source.repo' });
    }
    return { url: repo, local: true };
  }
  if (!['https', 'http', 'ssh', 'git'].includes(scheme)) {
    throw new FetchError('SOURCE_NOT_ALLOWED', `source.repo uses the ${scheme}:// transport, which is not accepted. Use https://, ssh:// or git://.`, { where: 'source.repo' });
  }
  const host = (hasScheme ? CANONICAL_REMOTE.exec(repo)![1] : CANONICAL_SCP.exec(repo)![1]).toLowerCase();
  if (policy.allowedHosts.length > 0 && !policy.allowedHosts.map((h) => h.toLowerCase()).includes(host)) {
    throw new FetchError('SOURCE_NOT_ALLOWED', `source.repo is on ${host}, but this registry only fetches from ${policy.allowedHosts.join(', ')}. Host the skill there or ask the registry operator.`, { where: 'source.repo' });
  }
  return { url: repo, local: false };
}

/** Normalises `source.path` and refuses one that leaves the repository. */
export function normaliseSourcePath(path: string): string {
  const trimmed = path.replace(/\/+$/, '');
  if (trimmed === '' || trimmed === '.') return '';
  const reason = unsafePathReason(trimmed.replace(/^\.\//, ''));
  if (reason || isAbsolute(trimmed)) {
    throw new FetchError('PATH_ESCAPES', `source.path ${JSON.stringify(path)} is not a folder inside the repository (${reason ?? 'it is absolute'}). Give a relative path such as \`skills/my-skill\`, or \`.\` for the repository root.`, { where: 'source.path' });
  }
  return trimmed.replace(/^\.\//, '');
}

/** A full commit id: 40 hex digits (SHA-1) or 64 (SHA-256). Anything else never reaches git. */
const COMMIT_ID = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;

/** Refuses a commit that is not a full id: a name git would resolve could move, and the id goes into git's input lines and a ref name. */
function requireCommitId(commit: string): void {
  if (!COMMIT_ID.test(commit)) {
    throw new FetchError('NOT_A_COMMIT', `source.commit ${JSON.stringify(commit)} is not a full commit id. Pin the commit itself by its 40-character id (\`git rev-parse <tag>^{commit}\`).`, { where: 'source.commit' });
  }
}

interface TreeEntry {
  mode: string;
  type: string;
  object: string;
  size: number;
  path: string;
}

function parseLsTreeLine(line: string): TreeEntry {
  const tab = line.indexOf('\t');
  const [mode, type, object, size] = line.slice(0, tab).split(/\s+/);
  return { mode, type, object, size: size === '-' ? 0 : Number(size), path: line.slice(tab + 1) };
}

/** What every git command of one fetch attempt runs with. */
interface GitContext {
  /** The bare repository, given to git as GIT_DIR: git never looks for one around it. */
  gitDir: string;
  /** A private, empty home: no user config, a known_hosts of its own. */
  home: string;
  env: Record<string, string>;
  /** Aborted when the attempt runs out of time. */
  signal: AbortSignal;
}

function gitContext(home: string, gitDir: string, signal: AbortSignal): GitContext {
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: home,
    GIT_DIR: gitDir,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_TERMINAL_PROMPT: '0',
    GIT_LFS_SKIP_SMUDGE: '1',
    GIT_PROTOCOL_FROM_USER: '0',
    // ssh:// sources are fetched anonymously: no ssh config, no agent (SSH_AUTH_SOCK is not passed),
    // no identity files, so an entry cannot pull a private repository with the operator's keys.
    GIT_SSH_COMMAND: `ssh -F /dev/null -o BatchMode=yes -o IdentitiesOnly=yes -o IdentityFile=none -o IdentityAgent=none -o StrictHostKeyChecking=accept-new -o UserKnownHostsFile=${join(home, 'known_hosts')}`,
    LANG: 'C',
  };
  return { gitDir, home, env, signal };
}

/** simple-git for the commands that talk to the source. */
function simpleGitIn(context: GitContext): SimpleGit {
  return simpleGit({
    baseDir: context.home,
    config: SAFE_CONFIG,
    abort: context.signal,
    maxConcurrentProcesses: 1,
    // simple-git refuses these settings by default because they can point git at programs; here
    // they are constants that switch hooks OFF (hooksPath /dev/null), narrow the protocols and make
    // ssh anonymous. Nothing from an entry reaches git's configuration.
    unsafe: { allowUnsafeHooksPath: true, allowUnsafeProtocolOverride: true, allowUnsafeSshCommand: true },
    allowEnvironment: ['GIT_DIR', 'GIT_CONFIG_NOSYSTEM', 'GIT_TERMINAL_PROMPT', 'GIT_LFS_SKIP_SMUDGE', 'GIT_ASKPASS', 'GIT_PROTOCOL_FROM_USER', 'GIT_SSH_COMMAND'],
  }).env(context.env);
}

/**
 * Runs a local git command (one that never reaches the source), writes `input` to its stdin and hands
 * its output to `onOutput` chunk by chunk, waiting for each (so a slow reader holds git back);
 * `onOutput` returns false to stop git early. Any failure of git is an error, never an empty output.
 */
async function streamGit(context: GitContext, args: string[], input: string, onOutput: (chunk: Buffer) => boolean | Promise<boolean>): Promise<void> {
  const child = spawn('git', [...SAFE_CONFIG.flatMap((setting) => ['-c', setting]), ...args], { cwd: context.home, env: context.env, stdio: ['pipe', 'pipe', 'pipe'], signal: context.signal });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    if (stderr.length < 4096) stderr += chunk.toString('utf8');
  });
  const exited = new Promise<number | null>((resolveExit, rejectExit) => {
    child.on('error', rejectExit);
    child.on('close', (code) => resolveExit(code));
  });
  void exited.catch(() => undefined); // awaited below; this only keeps an early rejection from counting as unhandled
  child.stdin.on('error', () => undefined); // git may exit before reading all of it (stopped, or failed)
  child.stdin.end(input);
  let stopped = false;
  try {
    for await (const chunk of child.stdout) {
      if (!(await onOutput(chunk as Buffer))) {
        stopped = true;
        child.kill('SIGKILL');
        break;
      }
    }
  } catch (error) {
    child.kill('SIGKILL');
    await exited.catch(() => undefined);
    throw error;
  }
  const code = await exited;
  if (!stopped && code !== 0) throw new Error(`git ${args[0]} ${args[1] ?? ''} exited with ${String(code)}: ${firstLine(stderr)}`);
}

/** The type of each object name (`commit`, `tree`, `blob` …, or `missing`), from one `cat-file --batch-check`. */
async function objectTypes(context: GitContext, names: string[]): Promise<string[]> {
  let output = '';
  await streamGit(context, ['cat-file', '--batch-check'], names.map((name) => `${name}\n`).join(''), (chunk) => {
    output += chunk.toString('utf8');
    return output.length < 65_536;
  });
  // One line per name, in order: `<id> <type> <size>`, or the name followed by ` missing`. Names hold
  // no newline (a hex commit id, and a path unsafePathReason accepted).
  const lines = output.split('\n');
  return names.map((_, index) => /^[0-9a-f]{40,64} ([a-z]+) \d+$/.exec(lines[index] ?? '')?.[1] ?? 'missing');
}

/**
 * Runs `git ls-tree -z -r --long` of a commit's whole tree and hands each record to `onRecord` as it
 * streams, until `onRecord` returns false (git is stopped then): a tree of a million entries costs a
 * count, never a million strings. A name that is not UTF-8 is refused (it would be mangled, and two such
 * names could become one).
 */
async function listTree(context: GitContext, commit: string, onRecord: (record: string) => boolean): Promise<void> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let pending: Buffer = Buffer.alloc(0);
  await streamGit(context, ['ls-tree', '-z', '-r', '--long', '--full-tree', commit], '', (chunk) => {
    pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
    let start = 0;
    for (let end = pending.indexOf(0, start); end >= 0; end = pending.indexOf(0, start)) {
      const bytes = pending.subarray(start, end);
      start = end + 1;
      let record: string;
      try {
        record = decoder.decode(bytes);
      } catch {
        const shown = bytes.subarray(bytes.indexOf(9) + 1).toString('latin1').replace(/[^\x20-\x7e]/g, '?');
        throw new FetchError('PATH_ESCAPES', `The repository holds a file whose name is not UTF-8 (${JSON.stringify(shown)}, unreadable bytes shown as ?). Rename it with a UTF-8 name.`, { where: shown });
      }
      if (!onRecord(record)) return false;
    }
    pending = Buffer.from(pending.subarray(start));
    return true;
  });
}

/** The git object id of a blob's content, to check that what the repository gave back is what the tree names. */
function blobId(content: Buffer, object: string): string {
  return createHash(object.length === 64 ? 'sha256' : 'sha1')
    .update(`blob ${content.length}\0`)
    .update(content)
    .digest('hex');
}

/** What the listing of a commit's whole tree found. */
interface CommitListing {
  /** Files in the whole tree, counted until a cap stopped the listing. */
  files: number;
  /** Their total size in bytes, uncompressed. */
  bytes: number;
  /** The entries under the skill folder, with paths relative to it. */
  skill: TreeEntry[];
  /** The cap that stopped the listing, if one did. */
  stoppedBy?: 'repo-files' | 'skill-files';
}

/** One fetch: where from, what, and where to. */
interface FetchRequest {
  url: string;
  source: Source;
  /** `source.path`, normalised ('' for the repository root). */
  skillPath: string;
  destination: string;
}

/** Tails of the per-repository queues: the git work on one kept repository runs one fetch at a time. */
const repositoryQueues = new Map<string, Promise<void>>();

/** Runs `task` after every earlier task on `repoDir` has settled; tasks on other repositories run alongside. */
async function oneAtATime<T>(repoDir: string, task: () => Promise<T>): Promise<T> {
  const previous = repositoryQueues.get(repoDir) ?? Promise.resolve();
  const result = previous.then(task);
  const tail = result.then(
    () => undefined,
    () => undefined,
  );
  repositoryQueues.set(repoDir, tail);
  try {
    return await result;
  } finally {
    if (repositoryQueues.get(repoDir) === tail) repositoryQueues.delete(repoDir);
  }
}

/**
 * Whether an error from a kept repository may come from damage to it (a lost object, a stale lock, a
 * broken file) rather than from the source or the skill: such an error earns one fetch afresh.
 */
function mayBeDamage(error: unknown): boolean {
  if (!(error instanceof FetchError)) return true;
  return error.code === 'CORRUPT_REPO' || error.code === 'REPO_UNREACHABLE' || error.code === 'COMMIT_NOT_FOUND';
}

/** The production {@link Fetcher}: git, over a bare repository kept per source or made per fetch. */
export class GitFetcher implements Fetcher {
  readonly #policy: SourcePolicy;
  readonly #limits: FetchLimits;
  readonly #repositories: string | undefined;

  constructor(policy: SourcePolicy, limits: FetchLimits, options: GitFetcherOptions = {}) {
    this.#policy = policy;
    this.#limits = limits;
    // Absolute: git runs in a private home, so a relative GIT_DIR would name another folder.
    this.#repositories = options.repositories === undefined ? undefined : resolve(options.repositories);
  }

  async fetch(source: Source, destination: string): Promise<FetchedSkill> {
    const { url } = resolveRepo(source.repo, this.#policy);
    const request: FetchRequest = { url, source, skillPath: normaliseSourcePath(source.path), destination };
    requireCommitId(source.commit);
    if (this.#repositories === undefined) {
      const work = await mkdtemp(join(tmpdir(), 'skill-registry-fetch-'));
      try {
        await this.#fetchInto(join(work, 'repo.git'), request);
      } finally {
        await rm(work, { recursive: true, force: true });
      }
    } else {
      const repoDir = join(this.#repositories, `${sha256Hex(canonicalJson({ url }))}.git`);
      await oneAtATime(repoDir, () => this.#fetchKept(repoDir, request));
    }
    return { dir: destination, commit: source.commit };
  }

  /**
   * A fetch through the kept repository of its source. When the repository fails in a way damage could
   * explain, the fetch is made once more into a fresh repository, which replaces the kept one if it
   * works; if it fails too, the source is at fault and the kept repository stays. After anything was
   * fetched into it, a repository grown past `maxRepoBytes` on disk is not kept.
   */
  async #fetchKept(repoDir: string, request: FetchRequest): Promise<void> {
    const attempts = { fetched: false };
    try {
      if (!existsSync(repoDir)) return await this.#fetchInto(repoDir, request, attempts);
      try {
        await this.#fetchInto(repoDir, request, attempts);
      } catch (error) {
        if (!mayBeDamage(error)) throw error;
        const fresh = `${repoDir}.fresh-${process.pid}`;
        await rm(fresh, { recursive: true, force: true });
        try {
          await this.#fetchInto(fresh, request, attempts);
        } catch (freshError) {
          await rm(fresh, { recursive: true, force: true });
          throw freshError;
        }
        await rm(repoDir, { recursive: true, force: true });
        await rename(fresh, repoDir);
      }
    } finally {
      if (attempts.fetched) await this.#dropWhenOversized(repoDir);
    }
  }

  /**
   * Deletes a kept repository whose objects take more than `maxRepoBytes` on disk (or that cannot say):
   * the cache never holds more of a source than one fetch may bring, whatever its history or the size
   * of a commit it was refused for. The next fetch of the source starts a new one.
   */
  async #dropWhenOversized(repoDir: string): Promise<void> {
    const home = await mkdtemp(join(tmpdir(), 'skill-registry-home-'));
    try {
      let stats = '';
      await streamGit(gitContext(home, repoDir, AbortSignal.timeout(this.#limits.timeoutMs)), ['count-objects', '-v'], '', (chunk) => {
        stats += chunk.toString('utf8');
        return stats.length < 4096;
      });
      const kib = (name: string) => Number(new RegExp(`^${name}: (\\d+)$`, 'm').exec(stats)?.[1] ?? 0);
      if ((kib('size') + kib('size-pack')) * 1024 > this.#limits.maxRepoBytes) await rm(repoDir, { recursive: true, force: true });
    } catch {
      await rm(repoDir, { recursive: true, force: true });
    } finally {
      await rm(home, { recursive: true, force: true });
    }
  }

  /**
   * One attempt, within the time limit: the commit into `repoDir` (made when missing) unless there, the
   * checks, the files out. `attempts.fetched` is set once anything may have come from the source.
   */
  async #fetchInto(repoDir: string, request: FetchRequest, attempts = { fetched: false }): Promise<void> {
    const { source } = request;
    const home = await mkdtemp(join(tmpdir(), 'skill-registry-home-'));
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.#limits.timeoutMs);
    const context = gitContext(home, repoDir, controller.signal);
    try {
      if (!existsSync(repoDir)) {
        await mkdir(dirname(repoDir), { recursive: true });
        await streamGit(context, ['init', '--bare', '--quiet', '--template='], '', () => true);
      }
      const names = request.skillPath === '' ? [source.commit] : [source.commit, `${source.commit}:${request.skillPath}`];
      let types = await objectTypes(context, names);
      if (types[0] !== 'commit') {
        attempts.fetched = true;
        await this.#fetchCommit(context, request);
        types = await objectTypes(context, names);
      }
      if (types[0] === 'missing') {
        throw new FetchError('COMMIT_NOT_FOUND', `source.commit ${source.commit} does not exist in ${source.repo}. Push the commit, or pin one that exists (\`git rev-parse HEAD\` in the skill repository).`, { where: 'source.commit' });
      }
      if (types[0] !== 'commit') {
        throw new FetchError('NOT_A_COMMIT', `source.commit ${source.commit} is a ${types[0]} object, not a commit. Pin the commit itself (\`git rev-parse <tag>^{commit}\`).`, { where: 'source.commit' });
      }
      // The whole tree is listed before the folder is judged: an unreadable tree is an error of the repository, not a missing folder.
      const listing = await this.#listCommit(context, request);
      if (request.skillPath !== '' && types[1] !== 'tree') {
        throw new FetchError('PATH_NOT_FOUND', `source.path ${JSON.stringify(source.path)} is not a folder in ${source.repo} at ${source.commit.slice(0, 12)}. Give the folder that holds SKILL.md.`, { where: 'source.path' });
      }
      this.#checkSkill(listing.skill);
      await this.#extract(context, listing.skill, request);
    } catch (error) {
      if (controller.signal.aborted) {
        throw new FetchError('TIMEOUT', `Fetching ${source.repo} took longer than ${Math.round(this.#limits.timeoutMs / 1000)} s and was stopped. Make the repository smaller, or ask the operator to raise limits.fetchTimeoutSeconds.`, { where: 'source.repo', cause: error });
      }
      throw error;
    } finally {
      clearTimeout(timer);
      await rm(home, { recursive: true, force: true });
    }
  }

  async #fetchCommit(context: GitContext, request: FetchRequest): Promise<void> {
    const { url, source } = request;
    const git = simpleGitIn(context);
    try {
      // Exactly the pinned commit, shallow, kept under a ref of its own: later fetches of the same
      // source offer it, so only what is new comes over. Servers that refuse unadvertised ids get a full fetch.
      await git.raw(['fetch', '--quiet', '--no-tags', '--depth=1', '--no-recurse-submodules', '--end-of-options', url, `+${source.commit}:refs/pinned/${source.commit}`]);
      return;
    } catch (error) {
      if (context.signal.aborted) throw error;
    }
    try {
      await git.raw(['fetch', '--quiet', '--no-tags', '--no-recurse-submodules', '--end-of-options', url, '+refs/*:refs/remotes/source/*']);
    } catch (error) {
      if (context.signal.aborted) throw error;
      if (/fsck|bad object|malformed|badTree|hasDot/i.test(String((error as Error).message))) {
        throw new FetchError('CORRUPT_REPO', `${source.repo} failed git's object integrity check (${firstLine(error)}). The repository holds malformed objects or forbidden paths such as \`.git\` inside a folder: fix the history.`, { where: 'source.repo', cause: error });
      }
      throw new FetchError('REPO_UNREACHABLE', `Could not fetch ${source.repo}: ${firstLine(error)}. Check that source.repo is a git repository that the registry can read.`, { where: 'source.repo', cause: error });
    }
  }

  /**
   * One streamed listing of the commit's whole tree: it counts the files and sums their sizes against the
   * repository's caps, and keeps the entries under the skill folder (at most `maxFiles`, plus the one that
   * stops the listing).
   */
  async #listCommit(context: GitContext, request: FetchRequest): Promise<CommitListing> {
    const { source } = request;
    const maxRepoFiles = this.#limits.maxRepoFiles ?? DEFAULT_MAX_REPO_FILES;
    const prefix = request.skillPath === '' ? '' : `${request.skillPath}/`;
    const listing: CommitListing = { files: 0, bytes: 0, skill: [] };
    await listTree(context, source.commit, (record) => {
      listing.files += 1;
      if (listing.files > maxRepoFiles) {
        listing.stoppedBy = 'repo-files';
        return false;
      }
      const entry = parseLsTreeLine(record);
      listing.bytes += entry.size;
      if (!entry.path.startsWith(prefix)) return true;
      if (listing.skill.length >= this.#limits.maxFiles) {
        listing.stoppedBy = 'skill-files';
        return false;
      }
      listing.skill.push({ ...entry, path: entry.path.slice(prefix.length) });
      return true;
    }).catch((error: unknown) => {
      if (error instanceof FetchError) throw error;
      throw new FetchError('CORRUPT_REPO', `Could not list the files of ${source.repo} at ${source.commit.slice(0, 12)} (${firstLine(error)}). The commit's tree is unreadable: fix the repository or pin another commit.`, { where: 'source.commit', cause: error });
    });
    if (listing.stoppedBy === 'repo-files') {
      throw new FetchError('TOO_LARGE', `${source.repo} at ${source.commit.slice(0, 12)} holds more than ${maxRepoFiles} files (counting stopped there). Keep skills in a small repository, or ask the operator to raise limits.maxRepoFiles.`, { where: 'source.repo' });
    }
    if (listing.stoppedBy === 'skill-files') {
      throw new FetchError('TOO_LARGE', `The skill folder holds more than ${this.#limits.maxFiles} files, over the limit. Remove what the skill does not need.`, { where: 'source.path' });
    }
    if (listing.bytes > this.#limits.maxRepoBytes) {
      throw new FetchError('TOO_LARGE', `${source.repo} at ${source.commit.slice(0, 12)} holds ${Math.ceil(listing.bytes / 1048576)} MiB of files, over the ${Math.floor(this.#limits.maxRepoBytes / 1048576)} MiB limit. Keep skills in a small repository, or ask the operator to raise limits.maxRepoBytes.`, { where: 'source.repo' });
    }
    return listing;
  }

  /** Refuses symlinks, submodules, a skill over its size and unsafe paths, before any file is read. */
  #checkSkill(entries: TreeEntry[]): void {
    let total = 0;
    for (const entry of entries) {
      if (entry.mode === '120000') {
        throw new FetchError('SYMLINK', `${entry.path} in the skill is a symbolic link. Skills hold regular files only: replace the link with the file it points to.`, { where: entry.path });
      }
      if (entry.mode === '160000') {
        throw new FetchError('SUBMODULE', `${entry.path} in the skill is a git submodule, which the registry never fetches. Copy the files you need into the skill.`, { where: entry.path });
      }
      total += entry.size;
    }
    if (total > this.#limits.maxSkillBytes) {
      throw new FetchError('TOO_LARGE', `The skill folder holds ${total} bytes, over the ${this.#limits.maxSkillBytes}-byte limit. Remove large assets.`, { where: 'source.path' });
    }
    for (const entry of entries) {
      const reason = unsafePathReason(entry.path);
      if (reason) throw new FetchError('PATH_ESCAPES', `The skill holds a file with an unsafe path ${JSON.stringify(entry.path)} (${reason}). Rename it.`, { where: entry.path });
    }
  }

  /**
   * Writes the skill's files from one `cat-file --batch` that streams every blob, each checked against
   * its id, into a staging folder that then replaces `destination` whole.
   */
  async #extract(context: GitContext, entries: TreeEntry[], request: FetchRequest): Promise<void> {
    const { destination, source } = request;
    const staging = `${destination}.partial-${process.pid}-${randomBytes(4).toString('hex')}`;
    await mkdir(staging, { recursive: true });
    try {
      const folders = new Set<string>([staging]);
      let index = 0;
      let header = '';
      let body: Buffer[] = [];
      let remaining = -1; // bytes of the current blob (and its closing newline) still to come; -1 while reading a header
      const unreadable = (what: string) => new Error(`git cat-file could not read ${entries[index]?.path ?? 'the skill'} of ${source.repo} at ${source.commit.slice(0, 12)}: ${what}`);
      const write = async (content: Buffer) => {
        const entry = entries[index];
        if (blobId(content, entry.object) !== entry.object) {
          throw new FetchError('CORRUPT_REPO', `${entry.path} of ${source.repo} at ${source.commit.slice(0, 12)} does not match its object id: the fetched repository is damaged. Run the build again; if it fails the same way, check the source repository with \`git fsck\`.`, { where: entry.path });
        }
        const target = join(staging, entry.path);
        const folder = dirname(target);
        if (!folders.has(folder)) {
          await mkdir(folder, { recursive: true });
          folders.add(folder);
        }
        await writeFile(target, content);
        await chmod(target, entry.mode === '100755' ? 0o755 : 0o644);
      };
      if (entries.length > 0) {
        await streamGit(context, ['cat-file', '--batch'], entries.map((entry) => `${entry.object}\n`).join(''), async (chunk) => {
          let offset = 0;
          while (offset < chunk.length) {
            if (remaining < 0) {
              const newline = chunk.indexOf(10, offset);
              header += chunk.subarray(offset, newline < 0 ? chunk.length : newline).toString('latin1');
              if (header.length > 200) throw unreadable('unexpected output');
              if (newline < 0) return true;
              offset = newline + 1;
              const entry = entries[index];
              const match = /^([0-9a-f]{40,64}) (\S+) (\d+)$/.exec(header);
              if (entry === undefined || match === null || match[1] !== entry.object || match[2] !== 'blob') throw unreadable(header);
              header = '';
              body = [];
              remaining = Number(match[3]) + 1;
            } else {
              const take = Math.min(remaining, chunk.length - offset);
              body.push(chunk.subarray(offset, offset + take));
              offset += take;
              remaining -= take;
              if (remaining === 0) {
                const content = Buffer.concat(body);
                if (content[content.length - 1] !== 10) throw unreadable('a blob without its closing newline');
                await write(content.subarray(0, content.length - 1));
                index += 1;
                remaining = -1;
              }
            }
          }
          return true;
        });
      }
      if (index !== entries.length) throw unreadable('its output ended early');
      await rm(destination, { recursive: true, force: true });
      await mkdir(dirname(destination), { recursive: true });
      await rename(staging, destination);
    } finally {
      await rm(staging, { recursive: true, force: true });
    }
  }
}

function firstLine(error: unknown): string {
  const text = typeof error === 'string' ? error : String((error as Error).message ?? error);
  return text.split('\n').find((line) => line.trim().length > 0)?.trim() ?? 'unknown error';
}

/**
 * The fetcher a registry's config asks for; skill-level caps are the tree digest's. With `repositories`
 * (the pipeline cache's folder of them), each source's repository is kept there and reused.
 */
export function fetcherFor(config: RegistryConfig, registryDir: string, repositories?: string): Fetcher {
  return new GitFetcher(
    { allowLocal: config.sources.allowLocal, allowedHosts: config.sources.allowedHosts, baseDir: registryDir },
    {
      maxRepoBytes: config.limits.maxRepoBytes,
      maxRepoFiles: config.limits.maxRepoFiles,
      maxFiles: DEFAULT_TREE_LIMITS.maxFiles,
      maxSkillBytes: DEFAULT_TREE_LIMITS.maxTotalBytes,
      timeoutMs: config.limits.fetchTimeoutSeconds * 1000,
    },
    { repositories },
  );
}
