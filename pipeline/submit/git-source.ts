/**
 * Where a skill folder is published, as its git repository says: the remote (`source.repo`), the
 * commit (`source.commit`, HEAD unless given) and the folder inside the repository (`source.path`).
 * Git runs with hooks and fsmonitor off and without taking optional locks; nothing is checked out.
 */
import { execFile } from 'node:child_process';
import { realpath } from 'node:fs/promises';
import { relative, sep } from 'node:path';
import { FetchError, SubmitError } from '../errors.ts';
import { resolveRepo } from '../fetch/git-fetcher.ts';

/** What the author gave on the command line (each overrides what git says). */
export interface SourceFlags {
  /** `--repo URL`. */
  repo?: string;
  /** `--commit SHA`. */
  commit?: string;
  /** `--path P`, only for a folder that is not in a git repository. */
  path?: string;
}

/** A skill folder's source, as an entry pins it. */
export interface GitSource {
  /** Top of the work tree holding the folder; absent when the folder is in no repository. */
  toplevel?: string;
  /** `source.repo`: the URL the registry fetches (credentials removed). */
  repo: string;
  /** `source.commit`: 40 hex. */
  commit: string;
  /** `source.path`: the folder inside the repository, `.` for its root. */
  path: string;
  /** Where `repo` came from: `--repo`, or the name of the git remote. */
  repoFrom: string;
  /** Whether a remote-tracking branch holds the commit (false: push it first); undefined when it cannot be told. */
  pushed?: boolean;
  /** Things the author should know about the source, in plain words. */
  notes: string[];
}

/** Git settings for every call: no hooks, no fsmonitor program, nothing from the repository runs. */
const SAFE_GIT = ['-c', 'core.hooksPath=/dev/null', '-c', 'core.fsmonitor=false', '-c', 'core.untrackedCache=false'];

/** Most uncommitted files named in a refusal: the rest are counted. */
const MAX_FILES_NAMED = 5;

/** Public forges where anonymous https clones work and anonymous ssh does not: their ssh remotes are written as https. */
const HTTPS_FORGES = new Set(['github.com', 'gitlab.com', 'codeberg.org', 'bitbucket.org']);

function git(cwd: string, args: string[]): Promise<{ ok: boolean; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile('git', [...SAFE_GIT, ...args], { cwd, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024, env: { ...process.env, GIT_OPTIONAL_LOCKS: '0', GIT_TERMINAL_PROMPT: '0', LANG: 'C' } }, (error, stdout, stderr) => {
      resolve({ ok: error === null, stdout, stderr });
    });
  });
}

/**
 * The URL an entry carries for a remote: credentials in it removed (they must never reach a pull
 * request), and ssh remotes of public forges written as https, since the registry fetches anonymously.
 */
export function publicRepoUrl(url: string): string {
  const trimmed = url.trim();
  const withCredentials = /^(https?:\/\/)[^/@]*@(.+)$/i.exec(trimmed);
  if (withCredentials) return `${withCredentials[1]}${withCredentials[2]}`;
  const ssh = /^(?:ssh:\/\/)?git@([A-Za-z0-9.-]+)[:/]([^/\s]+\/[^\s]+?)(?:\.git)?\/?$/.exec(trimmed);
  if (ssh && HTTPS_FORGES.has(ssh[1].toLowerCase())) return `https://${ssh[1].toLowerCase()}/${ssh[2]}.git`;
  return trimmed;
}

/** The owner in a forge URL (`https://github.com/acme/skills.git` → `acme`), lower-cased; undefined when there is none. */
export function repoOwner(url: string): string | undefined {
  const match = /^[a-z][a-z0-9+.-]*:\/\/[^/]+\/([^/]+)\/[^/]+/i.exec(url) ?? /^[^/@\s]+@[^:/\s]+:([^/]+)\/[^/]+/.exec(url);
  return match?.[1].toLowerCase();
}

/** Files under the folder that differ from HEAD (modified, staged, deleted or untracked), as `path (state)`. */
async function uncommitted(dir: string): Promise<string[]> {
  const status = await git(dir, ['status', '--porcelain=v1', '-z', '--untracked-files=all', '--', '.']);
  if (!status.ok) throw new SubmitError('NOT_A_REPOSITORY', `git cannot read the state of ${dir} (${status.stderr.trim().split('\n')[0]}). Fix the repository, then run submit again.`, { where: dir });
  const states: Record<string, string> = { '?': 'untracked', M: 'modified', A: 'added', D: 'deleted', R: 'renamed', C: 'copied', U: 'unmerged', T: 'type changed' };
  const files: string[] = [];
  const records = status.stdout.split('\0');
  for (let index = 0; index < records.length; index += 1) {
    const record = records[index];
    if (record.length < 4) continue;
    const code = record[0] === ' ' ? record[1] : record[0];
    files.push(`${record.slice(3)} (${states[code] ?? 'changed'})`);
    // A rename or copy is followed by its original path.
    if (code === 'R' || code === 'C') index += 1;
  }
  return files;
}

/** The remote to take `source.repo` from: origin, else the only one. */
async function chooseRemote(toplevel: string): Promise<string> {
  const remotes = (await git(toplevel, ['remote'])).stdout.split('\n').filter(Boolean);
  if (remotes.includes('origin')) return 'origin';
  if (remotes.length === 1) return remotes[0];
  if (remotes.length === 0) {
    throw new SubmitError('NO_REMOTE', `The repository at ${toplevel} has no remote, so there is no URL the registry could fetch the skill from. Push it to a repository the registry can read (git remote add origin <URL> && git push -u origin HEAD), or pass --repo <URL>.`, { where: toplevel });
  }
  throw new SubmitError('NO_REMOTE', `The repository at ${toplevel} has the remotes ${remotes.join(', ')} and none is called origin. Pass --repo <URL> with the one the registry should fetch from.`, { where: toplevel });
}

/** The full id of a commit in the repository, or undefined. */
async function commitId(toplevel: string, revision: string): Promise<string | undefined> {
  const result = await git(toplevel, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${revision}^{commit}`]);
  return result.ok ? result.stdout.trim() : undefined;
}

/**
 * Finds the source of a skill folder. Refuses a folder with uncommitted changes (the registry audits
 * the commit, not the folder), a repository with no commit or no remote, an unknown commit, and a
 * remote URL an entry may not carry. A folder in no repository needs --repo and --commit.
 */
export async function findGitSource(dir: string, flags: SourceFlags = {}): Promise<GitSource> {
  const notes: string[] = [];
  if (flags.commit !== undefined && !/^[0-9a-f]{40}$/.test(flags.commit)) {
    throw new SubmitError('UNKNOWN_COMMIT', `--commit ${flags.commit} is not a full commit id. Give all 40 lower-case hex digits (git rev-parse HEAD); branches, tags and short ids can move, so entries pin the commit itself.`, { where: 'source.commit' });
  }
  const top = await git(dir, ['rev-parse', '--show-toplevel']);
  if (!top.ok) {
    if (flags.repo === undefined || flags.commit === undefined) {
      throw new SubmitError('NOT_A_REPOSITORY', `${dir} is not in a git repository, and the registry fetches skills from git. Commit the skill to a repository and push it, then run submit in that checkout (or pass --repo <URL> --commit <SHA> of where it is published).`, { where: dir });
    }
    notes.push(`${dir} is not in a git repository, so submit audited the folder as it is and could not check that ${flags.commit.slice(0, 12)} holds these files. The registry audits what the commit holds.`);
    return { repo: checkedRepo(publicRepoUrl(flags.repo), dir, notes), commit: flags.commit, path: flags.path ?? '.', repoFrom: '--repo', notes };
  }
  const toplevel = await realpath(top.stdout.trim());
  const path = relative(toplevel, await realpath(dir)).split(sep).join('/') || '.';
  if (flags.path !== undefined && flags.path.replace(/^\.\/|\/+$/g, '') !== path.replace(/^\.$/, '')) {
    throw new SubmitError('BAD_REPO', `--path ${flags.path} does not match where the folder is in its repository (${path}). Leave --path out: it is only for a folder that is not in a git repository.`, { where: 'source.path' });
  }

  const changes = await uncommitted(dir);
  if (changes.length > 0) {
    const named = changes.slice(0, MAX_FILES_NAMED).join(', ') + (changes.length > MAX_FILES_NAMED ? ` and ${changes.length - MAX_FILES_NAMED} more` : '');
    throw new SubmitError('DIRTY_TREE', `${dir} has changes that are not committed: ${named}. The registry audits the committed files, not the folder: commit (and push) them, or remove them, then run submit again.`, { where: dir });
  }

  const commit = flags.commit ?? (await commitId(toplevel, 'HEAD'));
  if (commit === undefined) throw new SubmitError('UNKNOWN_COMMIT', `The repository at ${toplevel} has no commit yet. Commit the skill and push it, then run submit again.`, { where: toplevel });
  if (flags.commit !== undefined && (await commitId(toplevel, flags.commit)) !== flags.commit) {
    throw new SubmitError('UNKNOWN_COMMIT', `Commit ${flags.commit} is not in the repository at ${toplevel}. Fetch it first, or give the commit that holds the skill (git rev-parse HEAD).`, { where: 'source.commit' });
  }

  const repoFrom = flags.repo === undefined ? await chooseRemote(toplevel) : '--repo';
  const raw = flags.repo ?? (await git(toplevel, ['remote', 'get-url', '--', repoFrom])).stdout.trim();
  const repo = checkedRepo(publicRepoUrl(raw), toplevel, notes);
  if (flags.repo === undefined && repo !== raw) notes.push(`source.repo is ${repo}, the public form of the remote ${repoFrom} (${raw.replace(/\/\/[^/@]*@/, '//…@')}): the registry fetches anonymously.`);

  const remoteBranches = await git(toplevel, ['branch', '--remotes', '--contains', commit]);
  const pushed = remoteBranches.ok ? remoteBranches.stdout.trim().length > 0 : undefined;
  return { toplevel, repo, commit, path, repoFrom, pushed, notes };
}

/**
 * Refuses a repository URL the fetch stage would refuse (remote helpers, odd URLs). A local path is
 * made absolute and noted: only a private registry that allows local sources can fetch it.
 */
function checkedRepo(repo: string, baseDir: string, notes: string[]): string {
  let resolved: { url: string; local: boolean };
  try {
    resolved = resolveRepo(repo, { allowLocal: true, allowedHosts: [], baseDir });
  } catch (error) {
    if (error instanceof FetchError) throw new SubmitError('BAD_REPO', `${error.message} Pass --repo <URL> with the repository's public URL.`, { where: 'source.repo', cause: error });
    throw error;
  }
  if (!resolved.local) return repo;
  notes.push(`source.repo ${resolved.url} is on this machine: only a private registry with sources.allowLocal can fetch it. For a public registry, push the skill and pass --repo <its https URL>.`);
  return resolved.url;
}
