import { existsSync } from 'node:fs';
import { mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FetchError } from '../../pipeline/errors.ts';
import { GitFetcher, type SourcePolicy } from '../../pipeline/fetch/git-fetcher.ts';
import { treeDigest } from '../../core/index.ts';
import { createRepo, git, skillMd, tempDir } from '../factories/git.ts';

const limits = { maxRepoBytes: 50 * 1024 * 1024, maxFiles: 200, maxSkillBytes: 5 * 1024 * 1024, timeoutMs: 60_000 };

async function fetcherFor(repoDir: string, overrides: Partial<SourcePolicy> = {}) {
  return new GitFetcher({ allowLocal: true, allowedHosts: [], baseDir: join(repoDir, '..'), ...overrides }, limits);
}

async function expectFetchError(promise: Promise<unknown>, code: string) {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(FetchError);
  expect((error as FetchError).code).toBe(code);
  return error as FetchError;
}

describe('GitFetcher', () => {
  describe('with a pinned commit of a real repository', () => {
    it('extracts exactly the files under source.path at that commit, with their exec bits', async () => {
      const repo = await createRepo({
        'README.md': 'repo readme\n',
        'skills/tidy/SKILL.md': skillMd('tidy'),
        'skills/tidy/scripts/run.sh': { content: '#!/bin/sh\necho tidy\n', executable: true },
        'skills/other/SKILL.md': skillMd('other'),
      });
      const later = await repo.commit({ 'skills/tidy/SKILL.md': skillMd('tidy', 'Changed after the pin.') });
      expect(later).not.toBe(repo.first);
      const out = join(await tempDir(), 'skill');
      await (await fetcherFor(repo.dir)).fetch({ repo: repo.dir, commit: repo.first, path: 'skills/tidy' }, out);
      const tree = await treeDigest(out);
      expect(tree.files.map((file) => [file.path, file.mode])).toEqual([
        ['SKILL.md', '100644'],
        ['scripts/run.sh', '100755'],
      ]);
      expect(await readFile(join(out, 'SKILL.md'), 'utf8')).toBe(skillMd('tidy'));
    });

    it('resolves a relative repository path against the registry folder', async () => {
      const repo = await createRepo({ 'SKILL.md': skillMd('root-skill') });
      const out = join(await tempDir(), 'skill');
      const fetcher = new GitFetcher({ allowLocal: true, allowedHosts: [], baseDir: join(repo.dir, '..') }, limits);
      await fetcher.fetch({ repo: `./${repo.dir.split('/').at(-1)}`, commit: repo.first, path: '.' }, out);
      expect(existsSync(join(out, 'SKILL.md'))).toBe(true);
    });
  });

  describe('when the source is wrong', () => {
    it('refuses a commit that does not exist with COMMIT_NOT_FOUND', async () => {
      const repo = await createRepo({ 'SKILL.md': skillMd('x') });
      const error = await expectFetchError((await fetcherFor(repo.dir)).fetch({ repo: repo.dir, commit: 'f'.repeat(40), path: '.' }, join(await tempDir(), 's')), 'COMMIT_NOT_FOUND');
      expect(error.message).toContain('does not exist');
      expect(error.where).toBe('source.commit');
    });

    it('refuses a 40-hex id that names a tree, not a commit, with NOT_A_COMMIT', async () => {
      const repo = await createRepo({ 'SKILL.md': skillMd('x') });
      const tree = git(repo.dir, 'rev-parse', 'HEAD^{tree}');
      await expectFetchError((await fetcherFor(repo.dir)).fetch({ repo: repo.dir, commit: tree, path: '.' }, join(await tempDir(), 's')), 'NOT_A_COMMIT');
    });

    it('refuses a path that escapes the repository with PATH_ESCAPES', async () => {
      const repo = await createRepo({ 'SKILL.md': skillMd('x') });
      await expectFetchError((await fetcherFor(repo.dir)).fetch({ repo: repo.dir, commit: repo.first, path: '../outside' }, join(await tempDir(), 's')), 'PATH_ESCAPES');
    });

    it('refuses a path that is not a folder in the commit with PATH_NOT_FOUND', async () => {
      const repo = await createRepo({ 'SKILL.md': skillMd('x') });
      await expectFetchError((await fetcherFor(repo.dir)).fetch({ repo: repo.dir, commit: repo.first, path: 'nowhere' }, join(await tempDir(), 's')), 'PATH_NOT_FOUND');
    });

    it('refuses a repository that cannot be read with REPO_UNREACHABLE', async () => {
      const missing = join(await tempDir(), 'no-such-repo');
      await expectFetchError((await fetcherFor(missing)).fetch({ repo: missing, commit: 'a'.repeat(40), path: '.' }, join(await tempDir(), 's')), 'REPO_UNREACHABLE');
    });

    it('refuses local paths unless the registry allows them', async () => {
      const repo = await createRepo({ 'SKILL.md': skillMd('x') });
      const previous = process.env.SKILL_REGISTRY_ALLOW_LOCAL;
      delete process.env.SKILL_REGISTRY_ALLOW_LOCAL;
      try {
        const fetcher = await fetcherFor(repo.dir, { allowLocal: false });
        await expectFetchError(fetcher.fetch({ repo: repo.dir, commit: repo.first, path: '.' }, join(await tempDir(), 's')), 'SOURCE_NOT_ALLOWED');
        await expectFetchError(fetcher.fetch({ repo: `file://${repo.dir}`, commit: repo.first, path: '.' }, join(await tempDir(), 's')), 'SOURCE_NOT_ALLOWED');
        process.env.SKILL_REGISTRY_ALLOW_LOCAL = '1';
        await fetcher.fetch({ repo: repo.dir, commit: repo.first, path: '.' }, join(await tempDir(), 's'));
      } finally {
        if (previous === undefined) delete process.env.SKILL_REGISTRY_ALLOW_LOCAL;
        else process.env.SKILL_REGISTRY_ALLOW_LOCAL = previous;
      }
    });

    it('refuses remote-helper transports and hosts outside the allow list', async () => {
      const fetcher = new GitFetcher({ allowLocal: true, allowedHosts: ['github.com'], baseDir: '/' }, limits);
      await expectFetchError(fetcher.fetch({ repo: 'ext::sh -c touch% /tmp/pwned', commit: 'a'.repeat(40), path: '.' }, '/tmp/unused'), 'SOURCE_NOT_ALLOWED');
      await expectFetchError(fetcher.fetch({ repo: 'https://gitlab.example.invalid/a/b.git', commit: 'a'.repeat(40), path: '.' }, '/tmp/unused'), 'SOURCE_NOT_ALLOWED');
      expect(existsSync('/tmp/pwned')).toBe(false);
    });

    it('refuses a repository URL that git and the allow-list could read as different hosts', async () => {
      const fetcher = new GitFetcher({ allowLocal: false, allowedHosts: ['github.com'], baseDir: '/' }, limits);
      for (const repo of ['https://github.com\\@evil.invalid/x.git', 'https://github.com@evil.invalid/x.git', 'x@github.com@evil.invalid:r.git', 'https://github.com%2f@evil.invalid/x.git', 'https://github.com /x.git', 'git@github.com:owner/repo name.git']) {
        const error = await expectFetchError(fetcher.fetch({ repo, commit: 'a'.repeat(40), path: '.' }, '/tmp/unused'), 'SOURCE_NOT_ALLOWED');
        expect(error.where).toBe('source.repo');
        expect(error.message, repo).toMatch(/evil\.invalid|not a plain repository URL/);
      }
      // The plain forms of an allowed host get past the source policy (they fail later, at the network).
      for (const repo of ['https://github.com/owner/repo.git', 'ssh://git@github.com/owner/repo.git', 'git@github.com:owner/repo.git']) {
        const error = await fetcher.fetch({ repo, commit: 'a'.repeat(40), path: '.' }, join(await tempDir(), 's')).then(() => undefined, (e: unknown) => e);
        expect((error as FetchError | undefined)?.code, repo).not.toBe('SOURCE_NOT_ALLOWED');
      }
    });
  });

  describe('when the skill holds what a skill must not', () => {
    it('refuses a symlink with SYMLINK', async () => {
      const repo = await createRepo({ 'SKILL.md': skillMd('x') });
      await symlink('/etc/passwd', join(repo.dir, 'passwd'));
      const commit = await repo.commit({});
      await expectFetchError((await fetcherFor(repo.dir)).fetch({ repo: repo.dir, commit, path: '.' }, join(await tempDir(), 's')), 'SYMLINK');
    });

    it('refuses a submodule with SUBMODULE', async () => {
      const inner = await createRepo({ 'inner.txt': 'inner\n' });
      const repo = await createRepo({ 'SKILL.md': skillMd('x') });
      git(repo.dir, 'update-index', '--add', '--cacheinfo', `160000,${inner.first},vendor/inner`);
      git(repo.dir, 'commit', '--quiet', '-m', 'add submodule');
      const commit = git(repo.dir, 'rev-parse', 'HEAD');
      await expectFetchError((await fetcherFor(repo.dir)).fetch({ repo: repo.dir, commit, path: '.' }, join(await tempDir(), 's')), 'SUBMODULE');
    });

    it('refuses an oversized repository with TOO_LARGE', async () => {
      const { randomBytes } = await import('node:crypto');
      const repo = await createRepo({ 'SKILL.md': skillMd('x'), 'assets/blob.bin': { content: randomBytes(3 * 1024 * 1024) } });
      const fetcher = new GitFetcher({ allowLocal: true, allowedHosts: [], baseDir: '/' }, { ...limits, maxRepoBytes: 1024 * 1024 });
      const error = await expectFetchError(fetcher.fetch({ repo: repo.dir, commit: repo.first, path: '.' }, join(await tempDir(), 's')), 'TOO_LARGE');
      expect(error.message).toMatch(/MiB limit/);
    });

    it('refuses a repository with more files than the registry allows with TOO_LARGE', async () => {
      const files = Object.fromEntries(Array.from({ length: 30 }, (_, index) => [`other/${index}.txt`, `${index}\n`]));
      const repo = await createRepo({ 'skill/SKILL.md': skillMd('x'), ...files });
      const fetcher = new GitFetcher({ allowLocal: true, allowedHosts: [], baseDir: '/' }, { ...limits, maxRepoFiles: 20 });
      const error = await expectFetchError(fetcher.fetch({ repo: repo.dir, commit: repo.first, path: 'skill' }, join(await tempDir(), 's')), 'TOO_LARGE');
      expect(error.message).toMatch(/holds more than 20 files \(counting stopped there\)/);
    });

    it('counts a tree of a million entries as a stream and stops at the limit (TOO_LARGE), in a tiny repository', async () => {
      const { execFileSync } = await import('node:child_process');
      const repo = await createRepo({ 'skill/SKILL.md': skillMd('x') });
      const mktree = (lines: string[]) => execFileSync('git', ['mktree', '-z'], { cwd: repo.dir, input: `${lines.join('\0')}\0` }).toString().trim();
      const empty = git(repo.dir, 'hash-object', '-w', '--stdin');
      const leaf = mktree(Array.from({ length: 1000 }, (_, index) => `100644 blob ${empty}\tf${index}`));
      const wide = mktree(Array.from({ length: 1000 }, (_, index) => `040000 tree ${leaf}\td${index}`));
      const skillTree = git(repo.dir, 'rev-parse', 'HEAD:skill');
      const root = mktree([`040000 tree ${wide}\twide`, `040000 tree ${skillTree}\tskill`]);
      const commit = git(repo.dir, 'commit-tree', root, '-m', 'a million entries');
      const fetcher = new GitFetcher({ allowLocal: true, allowedHosts: [], baseDir: '/' }, limits);
      const error = await expectFetchError(fetcher.fetch({ repo: repo.dir, commit, path: 'skill' }, join(await tempDir(), 's')), 'TOO_LARGE');
      expect(error.message).toContain('more than 100000 files');
      // The skill folder's own listing is capped the same way.
      const skillWide = mktree([`040000 tree ${leaf}\tbulk`, `100644 blob ${git(repo.dir, 'rev-parse', 'HEAD:skill/SKILL.md')}\tSKILL.md`]);
      const second = git(repo.dir, 'commit-tree', mktree([`040000 tree ${skillWide}\tskill`]), '-m', 'a thousand files in the skill');
      const skillError = await expectFetchError(fetcher.fetch({ repo: repo.dir, commit: second, path: 'skill' }, join(await tempDir(), 's')), 'TOO_LARGE');
      expect(skillError.message).toContain('more than 200 files');
    });

    it('refuses a file name that is not UTF-8 rather than mangling it', async () => {
      const { execFileSync } = await import('node:child_process');
      const repo = await createRepo({ 'SKILL.md': skillMd('x') });
      const blob = git(repo.dir, 'rev-parse', 'HEAD:SKILL.md');
      const input = Buffer.concat([Buffer.from(`100644 blob ${blob}\tSKILL.md\x00100644 blob ${blob}\tnotes-`), Buffer.from([0xff, 0xfe]), Buffer.from('.md\0')]);
      const tree = execFileSync('git', ['mktree', '-z'], { cwd: repo.dir, input }).toString().trim();
      const commit = git(repo.dir, 'commit-tree', tree, '-m', 'latin-1 name');
      const error = await expectFetchError((await fetcherFor(repo.dir)).fetch({ repo: repo.dir, commit, path: '.' }, join(await tempDir(), 's')), 'PATH_ESCAPES');
      expect(error.message).toContain('not UTF-8');
    });

    it('refuses a skill folder with more files than allowed with TOO_LARGE', async () => {
      const files = Object.fromEntries(Array.from({ length: 12 }, (_, index) => [`refs/${index}.md`, `${index}\n`]));
      const repo = await createRepo({ 'SKILL.md': skillMd('x'), ...files });
      const fetcher = new GitFetcher({ allowLocal: true, allowedHosts: [], baseDir: '/' }, { ...limits, maxFiles: 10 });
      await expectFetchError(fetcher.fetch({ repo: repo.dir, commit: repo.first, path: '.' }, join(await tempDir(), 's')), 'TOO_LARGE');
    });
  });

  describe('never runs anything from the repository', () => {
    let home: string;
    let previousHome: string | undefined;
    beforeEach(async () => {
      previousHome = process.env.HOME;
      home = await tempDir('skill-registry-home-');
    });
    afterEach(() => {
      process.env.HOME = previousHome;
    });

    it('does not run filters configured for the host user, hooks of the source, or LFS', async () => {
      const marker = join(home, 'filter-ran');
      const hookMarker = join(home, 'hook-ran');
      // A smudge/clean filter in the invoking user's git config, and a repository that asks for it.
      await writeFile(join(home, '.gitconfig'), `[filter "evil"]\n\tsmudge = touch ${marker}; cat\n\tclean = cat\n\tprocess = touch ${marker}\n`);
      process.env.HOME = home;
      const repo = await createRepo({ 'SKILL.md': skillMd('x'), '.gitattributes': '* filter=evil\n*.bin filter=lfs diff=lfs merge=lfs -text\n' });
      await mkdir(join(repo.dir, '.git', 'hooks'), { recursive: true });
      for (const hook of ['post-checkout', 'post-merge', 'reference-transaction', 'pre-upload-pack']) {
        await writeFile(join(repo.dir, '.git', 'hooks', hook), `#!/bin/sh\ntouch ${hookMarker}\n`, { mode: 0o755 });
      }
      const out = join(await tempDir(), 's');
      await (await fetcherFor(repo.dir)).fetch({ repo: repo.dir, commit: repo.first, path: '.' }, out);
      expect(existsSync(join(out, 'SKILL.md'))).toBe(true);
      expect(existsSync(marker)).toBe(false);
      expect(existsSync(hookMarker)).toBe(false);
    });
  });
});
