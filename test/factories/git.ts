/** Test factories: real git repositories and skill folders in temp dirs. */
import { execFileSync } from 'node:child_process';
import { chmod, mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** Files of a tree: path → content, or `{ content, executable }`. */
export type FileTree = Record<string, string | { content: string | Buffer; executable?: boolean }>;

/** Makes a temp dir. */
export async function tempDir(prefix = 'skill-registry-test-'): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix));
}

/** Writes a file tree under `root`. */
export async function writeTree(root: string, files: FileTree): Promise<void> {
  for (const [path, spec] of Object.entries(files)) {
    const target = join(root, path);
    await mkdir(dirname(target), { recursive: true });
    const content = typeof spec === 'string' ? spec : spec.content;
    await writeFile(target, content);
    if (typeof spec !== 'string' && spec.executable) await chmod(target, 0o755);
  }
}

const GIT_ENV = {
  ...process.env,
  GIT_AUTHOR_NAME: 'Test Author',
  GIT_AUTHOR_EMAIL: 'author@example.invalid',
  GIT_COMMITTER_NAME: 'Test Author',
  GIT_COMMITTER_EMAIL: 'author@example.invalid',
  GIT_AUTHOR_DATE: '2026-01-01T00:00:00Z',
  GIT_COMMITTER_DATE: '2026-01-01T00:00:00Z',
};

/** Runs git in `cwd` and returns its trimmed stdout. */
export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'init.defaultBranch=main', '-c', 'core.hooksPath=/dev/null', ...args], { cwd, env: GIT_ENV, encoding: 'utf8' }).trim();
}

/** A git repository made in a temp dir, with helpers to commit trees. */
export interface TestRepo {
  dir: string;
  /** Writes files (adding to the work tree) and commits; returns the commit id. */
  commit(files: FileTree, message?: string): Promise<string>;
}

/** Creates a git repository with an initial commit of `files`. */
export async function createRepo(files: FileTree, dir?: string): Promise<TestRepo & { first: string }> {
  const repoDir = dir ?? (await tempDir('skill-registry-repo-'));
  await mkdir(repoDir, { recursive: true });
  git(repoDir, 'init', '--quiet', '--template=');
  const repo: TestRepo = {
    dir: repoDir,
    async commit(tree, message = 'update') {
      await writeTree(repoDir, tree);
      git(repoDir, 'add', '--all');
      git(repoDir, 'commit', '--quiet', '--allow-empty', '-m', message);
      return git(repoDir, 'rev-parse', 'HEAD');
    },
  };
  const first = await repo.commit(files, 'initial');
  return { ...repo, first };
}

/** A SKILL.md with front matter. */
export function skillMd(name: string, description = `Does ${name} things for tests.`, body = `# ${name}\n\nUse this skill to do ${name} things.\n`): string {
  return `---\nname: ${name}\ndescription: ${description}\n---\n${body}`;
}

/** A registry entry (YAML text). */
export function entryYaml(fields: { name: string; publisher: string; repo: string; commit: string; path?: string; version?: string; extra?: string; network?: string[] }): string {
  return [
    'schemaVersion: 1',
    `name: ${fields.name}`,
    `publisher: ${fields.publisher}`,
    `version: ${fields.version ?? '1.0.0'}`,
    'source:',
    `  repo: ${fields.repo}`,
    `  commit: ${fields.commit}`,
    `  path: ${fields.path ?? '.'}`,
    'license: MIT',
    'capabilities:',
    `  network: ${JSON.stringify(fields.network ?? [])}`,
    '  env: []',
    '  filesystem: { read: [], write: [] }',
    '  commands: []',
    fields.extra ?? '',
  ].join('\n');
}

/** Creates a registry folder with config and entries; returns its path. */
export async function createRegistry(entries: Record<string, string>, config = 'schemaVersion: 1\nname: test registry\nsources:\n  allowLocal: true\n'): Promise<string> {
  const dir = await tempDir('skill-registry-registry-');
  await writeTree(dir, { 'config.yaml': config, ...Object.fromEntries(Object.entries(entries).map(([id, text]) => [`skills/${id}.yaml`, text])) });
  return dir;
}
