/**
 * Fetches a skill from a git repository at a pinned commit without running anything from it: the
 * repository is fetched into a private bare repository, and the skill's files are read object by
 * object (`ls-tree` + `cat-file`), so no checkout happens, and with it no hooks, no filters, no LFS
 * smudge, no submodules. Symlinks and submodules in the skill are refused.
 */
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile, chmod, rename } from 'node:fs/promises';
import { isAbsolute, join, resolve, dirname } from 'node:path';
import { tmpdir } from 'node:os';
import { simpleGit, type SimpleGit } from 'simple-git';
import { DEFAULT_TREE_LIMITS, unsafePathReason } from '../../core/index.ts';
import type { RegistryConfig, Source } from '../../schemas/index.ts';
import { FetchError } from '../errors.ts';

/** Files in a pinned commit's whole tree when the operator sets no limit: counting stops there. */
const DEFAULT_MAX_REPO_FILES = 100_000;

/** Caps on one fetch. */
export interface FetchLimits {
  /** Largest packed repository, in bytes. */
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

/** What a capped listing found: its records (when kept), how many, and whether it went past the cap. */
interface Listing {
  records: string[];
  count: number;
  overflow: boolean;
}

/**
 * Runs `git ls-tree -z …` and reads its output as a stream, counting records and keeping them when
 * `keep` is set. Past `cap` records git is stopped and the listing says so: a tree of a million entries
 * costs a count, not a million strings. Any failure of git is an error (never an empty listing), and a
 * name that is not UTF-8 is refused (it would be mangled, and two such names could become one).
 */
function streamLsTree(repoDir: string, env: Record<string, string>, args: string[], cap: number, keep: boolean, signal: AbortSignal): Promise<Listing> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn('git', [...SAFE_CONFIG.flatMap((setting) => ['-c', setting]), 'ls-tree', '-z', ...args], { cwd: repoDir, env, stdio: ['ignore', 'pipe', 'pipe'], signal });
    const decoder = new TextDecoder('utf-8', { fatal: true });
    const records: string[] = [];
    let count = 0;
    let overflow = false;
    let pending: Buffer = Buffer.alloc(0);
    let stderr = '';
    let failure: Error | undefined;
    child.stdout.on('data', (chunk: Buffer) => {
      if (overflow || failure !== undefined) return;
      pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
      let start = 0;
      for (let end = pending.indexOf(0, start); end >= 0; end = pending.indexOf(0, start)) {
        const bytes = pending.subarray(start, end);
        start = end + 1;
        count += 1;
        if (count > cap) {
          overflow = true;
          child.kill('SIGKILL');
          return;
        }
        let line: string;
        try {
          line = decoder.decode(bytes);
        } catch {
          const shown = bytes.subarray(bytes.indexOf(9) + 1).toString('latin1').replace(/[^\x20-\x7e]/g, '?');
          failure = new FetchError('PATH_ESCAPES', `The repository holds a file whose name is not UTF-8 (${JSON.stringify(shown)}, unreadable bytes shown as ?). Rename it with a UTF-8 name.`, { where: shown });
          child.kill('SIGKILL');
          return;
        }
        if (keep) records.push(line);
      }
      pending = Buffer.from(pending.subarray(start));
    });
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderr.length < 4096) stderr += chunk.toString('utf8');
    });
    child.on('error', (error) => reject(error));
    child.on('close', (code) => {
      if (failure !== undefined) reject(failure);
      else if (overflow) resolvePromise({ records, count, overflow });
      else if (code !== 0) reject(new Error(`git ls-tree exited with ${String(code)}: ${stderr.trim().split('\n')[0] ?? ''}`));
      else resolvePromise({ records, count, overflow });
    });
  });
}

/** The production {@link Fetcher}: simple-git over a private bare repository. */
export class GitFetcher implements Fetcher {
  readonly #policy: SourcePolicy;
  readonly #limits: FetchLimits;

  constructor(policy: SourcePolicy, limits: FetchLimits) {
    this.#policy = policy;
    this.#limits = limits;
  }

  async fetch(source: Source, destination: string): Promise<FetchedSkill> {
    const { url } = resolveRepo(source.repo, this.#policy);
    const skillPath = normaliseSourcePath(source.path);
    const work = await mkdtemp(join(tmpdir(), 'skill-registry-fetch-'));
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.#limits.timeoutMs);
    try {
      const home = join(work, 'home');
      const repoDir = join(work, 'repo.git');
      await mkdir(home);
      await mkdir(repoDir);
      const env: Record<string, string> = {
        PATH: process.env.PATH ?? '/usr/bin:/bin',
        HOME: home,
        GIT_CONFIG_NOSYSTEM: '1',
        GIT_TERMINAL_PROMPT: '0',
        GIT_LFS_SKIP_SMUDGE: '1',
        GIT_PROTOCOL_FROM_USER: '0',
        // ssh:// sources are fetched anonymously: no ssh config, no agent (SSH_AUTH_SOCK is not passed),
        // no identity files, so an entry cannot pull a private repository with the operator's keys.
        GIT_SSH_COMMAND: `ssh -F /dev/null -o BatchMode=yes -o IdentitiesOnly=yes -o IdentityFile=none -o IdentityAgent=none -o StrictHostKeyChecking=accept-new -o UserKnownHostsFile=${join(home, 'known_hosts')}`,
        LANG: 'C',
      };
      const git = simpleGit({
        baseDir: repoDir,
        config: SAFE_CONFIG,
        abort: controller.signal,
        maxConcurrentProcesses: 1,
        // simple-git refuses these settings by default because they can point git at programs; here
        // they are constants that switch hooks and templates OFF (`--template=` empty, hooksPath
        // /dev/null) and narrow the protocols. Nothing from an entry reaches git's configuration.
        unsafe: { allowUnsafeTemplateDir: true, allowUnsafeHooksPath: true, allowUnsafeProtocolOverride: true, allowUnsafeSshCommand: true },
        allowEnvironment: ['GIT_CONFIG_NOSYSTEM', 'GIT_TERMINAL_PROMPT', 'GIT_LFS_SKIP_SMUDGE', 'GIT_ASKPASS', 'GIT_PROTOCOL_FROM_USER', 'GIT_SSH_COMMAND'],
      }).env(env);
      await this.#run(() => git.raw(['init', '--bare', '--quiet', '--template=']), source, controller);
      await this.#fetchCommit(git, url, source, controller);
      await this.#checkRepoSize(git, source, repoDir, env, controller);
      const type = (await this.#run(() => git.raw(['cat-file', '-t', source.commit]), source, controller).catch(() => '')).trim();
      if (type !== 'commit') {
        throw new FetchError('NOT_A_COMMIT', `source.commit ${source.commit} is a ${type || 'missing'} object, not a commit. Pin the commit itself (\`git rev-parse <tag>^{commit}\`).`, { where: 'source.commit' });
      }
      const files = await this.#listSkill(git, source, skillPath, repoDir, env, controller);
      await this.#extract(git, files, destination, controller, source);
      return { dir: destination, commit: source.commit };
    } finally {
      clearTimeout(timer);
      await rm(work, { recursive: true, force: true });
    }
  }

  async #run<T>(task: () => Promise<T>, source: Source, controller: AbortController): Promise<T> {
    try {
      return await task();
    } catch (error) {
      if (controller.signal.aborted) {
        throw new FetchError('TIMEOUT', `Fetching ${source.repo} took longer than ${Math.round(this.#limits.timeoutMs / 1000)} s and was stopped. Make the repository smaller, or ask the operator to raise limits.fetchTimeoutSeconds.`, { where: 'source.repo', cause: error });
      }
      throw error;
    }
  }

  async #fetchCommit(git: SimpleGit, url: string, source: Source, controller: AbortController): Promise<void> {
    try {
      // Fetch exactly the pinned commit, shallow; servers that refuse unadvertised ids get a full fetch.
      await this.#run(() => git.raw(['fetch', '--quiet', '--no-tags', '--depth=1', '--no-recurse-submodules', '--end-of-options', url, source.commit]), source, controller);
      return;
    } catch (error) {
      if (error instanceof FetchError) throw error;
    }
    try {
      await this.#run(() => git.raw(['fetch', '--quiet', '--no-tags', '--no-recurse-submodules', '--end-of-options', url, '+refs/*:refs/remotes/source/*']), source, controller);
    } catch (error) {
      if (error instanceof FetchError) throw error;
      if (/fsck|bad object|malformed|badTree|hasDot/i.test(String((error as Error).message))) {
        throw new FetchError('CORRUPT_REPO', `${source.repo} failed git's object integrity check (${firstLine(error)}). The repository holds malformed objects or forbidden paths such as \`.git\` inside a folder: fix the history.`, { where: 'source.repo', cause: error });
      }
      throw new FetchError('REPO_UNREACHABLE', `Could not fetch ${source.repo}: ${firstLine(error)}. Check that source.repo is a git repository that the registry can read.`, { where: 'source.repo', cause: error });
    }
    const exists = await git.raw(['cat-file', '-e', `${source.commit}^{commit}`]).then(() => true, () => false);
    if (!exists) {
      throw new FetchError('COMMIT_NOT_FOUND', `source.commit ${source.commit} does not exist in ${source.repo}. Push the commit, or pin one that exists (\`git rev-parse HEAD\` in the skill repository).`, { where: 'source.commit' });
    }
  }

  async #checkRepoSize(git: SimpleGit, source: Source, repoDir: string, env: Record<string, string>, controller: AbortController): Promise<void> {
    const maxRepoFiles = this.#limits.maxRepoFiles ?? DEFAULT_MAX_REPO_FILES;
    const listing = await this.#run(() => streamLsTree(repoDir, env, ['-r', '--name-only', '--full-tree', source.commit], maxRepoFiles, false, controller.signal), source, controller).catch((error: unknown) => {
      if (error instanceof FetchError) throw error;
      throw new FetchError('CORRUPT_REPO', `Could not list the files of ${source.repo} at ${source.commit.slice(0, 12)} (${firstLine(error)}). The commit's tree is unreadable: fix the repository or pin another commit.`, { where: 'source.commit', cause: error });
    });
    if (listing.overflow) {
      throw new FetchError('TOO_LARGE', `${source.repo} at ${source.commit.slice(0, 12)} holds more than ${maxRepoFiles} files (counting stopped there). Keep skills in a small repository, or ask the operator to raise limits.maxRepoFiles.`, { where: 'source.repo' });
    }
    const stats = await git.raw(['count-objects', '-v']);
    const kib = (name: string) => Number(new RegExp(`^${name}: (\\d+)$`, 'm').exec(stats)?.[1] ?? 0);
    const bytes = (kib('size') + kib('size-pack')) * 1024;
    if (bytes > this.#limits.maxRepoBytes) {
      throw new FetchError('TOO_LARGE', `${source.repo} at ${source.commit.slice(0, 12)} is ${Math.ceil(bytes / 1048576)} MiB, over the ${Math.floor(this.#limits.maxRepoBytes / 1048576)} MiB limit. Keep skills in a small repository, or ask the operator to raise limits.maxRepoBytes.`, { where: 'source.repo' });
    }
  }

  async #listSkill(git: SimpleGit, source: Source, skillPath: string, repoDir: string, env: Record<string, string>, controller: AbortController): Promise<TreeEntry[]> {
    if (skillPath !== '') {
      const kind = (await git.raw(['cat-file', '-t', `${source.commit}:${skillPath}`]).catch(() => '')).trim();
      if (kind !== 'tree') {
        throw new FetchError('PATH_NOT_FOUND', `source.path ${JSON.stringify(source.path)} is not a folder in ${source.repo} at ${source.commit.slice(0, 12)}. Give the folder that holds SKILL.md.`, { where: 'source.path' });
      }
    }
    const treeish = skillPath === '' ? source.commit : `${source.commit}:${skillPath}`;
    const listing = await this.#run(() => streamLsTree(repoDir, env, ['-r', '--long', '--full-tree', treeish], this.#limits.maxFiles, true, controller.signal), source, controller);
    if (listing.overflow) {
      throw new FetchError('TOO_LARGE', `The skill folder holds more than ${this.#limits.maxFiles} files, over the limit. Remove what the skill does not need.`, { where: 'source.path' });
    }
    const entries = listing.records.map(parseLsTreeLine);
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
    if (entries.length > this.#limits.maxFiles) {
      throw new FetchError('TOO_LARGE', `The skill folder holds ${entries.length} files, over the ${this.#limits.maxFiles}-file limit. Remove what the skill does not need.`, { where: 'source.path' });
    }
    if (total > this.#limits.maxSkillBytes) {
      throw new FetchError('TOO_LARGE', `The skill folder holds ${total} bytes, over the ${this.#limits.maxSkillBytes}-byte limit. Remove large assets.`, { where: 'source.path' });
    }
    return entries;
  }

  async #extract(git: SimpleGit, entries: TreeEntry[], destination: string, controller: AbortController, source: Source): Promise<void> {
    const staging = `${destination}.partial-${process.pid}`;
    await rm(staging, { recursive: true, force: true });
    await mkdir(staging, { recursive: true });
    for (const entry of entries) {
      const reason = unsafePathReason(entry.path);
      if (reason) throw new FetchError('PATH_ESCAPES', `The skill holds a file with an unsafe path ${JSON.stringify(entry.path)} (${reason}). Rename it.`, { where: entry.path });
      const content = await this.#run(() => catBlob(git, entry.object), source, controller);
      const target = join(staging, entry.path);
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, content);
      await chmod(target, entry.mode === '100755' ? 0o755 : 0o644);
    }
    await rm(destination, { recursive: true, force: true });
    await mkdir(dirname(destination), { recursive: true });
    await rename(staging, destination);
  }
}

async function catBlob(git: SimpleGit, object: string): Promise<Buffer> {
  // simple-git returns text from raw(); read blobs as bytes through an output handler instead.
  const chunks: Buffer[] = [];
  await git.outputHandler((_command, stdout) => {
    stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
  }).raw(['cat-file', 'blob', object]);
  git.outputHandler(() => undefined);
  return Buffer.concat(chunks);
}

function firstLine(error: unknown): string {
  return String((error as Error).message ?? error).split('\n').find((line) => line.trim().length > 0)?.trim() ?? 'unknown error';
}

/** The fetcher a registry's config asks for; skill-level caps are the tree digest's. */
export function fetcherFor(config: RegistryConfig, registryDir: string): Fetcher {
  return new GitFetcher(
    { allowLocal: config.sources.allowLocal, allowedHosts: config.sources.allowedHosts, baseDir: registryDir },
    {
      maxRepoBytes: config.limits.maxRepoBytes,
      maxRepoFiles: config.limits.maxRepoFiles,
      maxFiles: DEFAULT_TREE_LIMITS.maxFiles,
      maxSkillBytes: DEFAULT_TREE_LIMITS.maxTotalBytes,
      timeoutMs: config.limits.fetchTimeoutSeconds * 1000,
    },
  );
}
