import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, readFile, readdir, rename, rm, symlink, writeFile } from 'node:fs/promises';
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

  describe('with a repository kept per source', () => {
    /** A source of two skills, its second commit changing one, and a fetcher keeping repositories in a folder of its own. */
    async function keptFixture() {
      const repo = await createRepo({ 'skills/tidy/SKILL.md': skillMd('tidy'), 'skills/other/SKILL.md': skillMd('other') });
      const second = await repo.commit({ 'skills/tidy/SKILL.md': skillMd('tidy', 'Changed in the second commit.') });
      const repositories = join(await tempDir(), 'repos');
      const fetcher = new GitFetcher({ allowLocal: true, allowedHosts: [], baseDir: '/' }, limits, { repositories });
      const fetchInto = async (commit: string, path: string) => {
        const out = join(await tempDir(), 'skill');
        await fetcher.fetch({ repo: repo.dir, commit, path }, out);
        return readFile(join(out, 'SKILL.md'), 'utf8');
      };
      return { repo, second, repositories, fetcher, fetchInto };
    }

    it('fetches every commit of a source into one repository, and reads a commit already there without the source', async () => {
      const { repo, second, repositories, fetcher, fetchInto } = await keptFixture();
      expect(await fetchInto(repo.first, 'skills/tidy')).toBe(skillMd('tidy'));
      expect(await fetchInto(second, 'skills/tidy')).toBe(skillMd('tidy', 'Changed in the second commit.'));
      const kept = await readdir(repositories);
      expect(kept).toHaveLength(1);
      expect(kept[0]).toMatch(/^[0-9a-f]{64}\.git$/);
      // With the source gone, both commits are still read from the kept repository.
      await rename(repo.dir, `${repo.dir}-gone`);
      expect(await fetchInto(repo.first, 'skills/other')).toBe(skillMd('other'));
      expect(await fetchInto(second, 'skills/tidy')).toBe(skillMd('tidy', 'Changed in the second commit.'));
      // A commit it does not hold needs the source, and a source that is down costs nothing kept.
      await expectFetchError(fetcher.fetch({ repo: repo.dir, commit: 'a'.repeat(40), path: '.' }, join(await tempDir(), 's')), 'REPO_UNREACHABLE');
      expect(await readdir(repositories)).toEqual(kept);
      expect(await fetchInto(repo.first, 'skills/tidy')).toBe(skillMd('tidy'));
    });

    it('serves fetches of one source made at once one after another, each with its own files', async () => {
      const { repo, second, repositories, fetchInto } = await keptFixture();
      const contents = await Promise.all([fetchInto(repo.first, 'skills/tidy'), fetchInto(second, 'skills/tidy'), fetchInto(second, 'skills/other'), fetchInto(repo.first, 'skills/other')]);
      expect(contents).toEqual([skillMd('tidy'), skillMd('tidy', 'Changed in the second commit.'), skillMd('other'), skillMd('other')]);
      expect(await readdir(repositories)).toHaveLength(1);
    });

    it('keeps no repository that grew past limits.maxRepoBytes on disk', async () => {
      const { randomBytes } = await import('node:crypto');
      const repo = await createRepo({ 'SKILL.md': skillMd('x'), 'assets/a.bin': { content: randomBytes(600 * 1024) } });
      const second = await repo.commit({ 'assets/a.bin': { content: randomBytes(600 * 1024) } });
      const repositories = join(await tempDir(), 'repos');
      const fetcher = new GitFetcher({ allowLocal: true, allowedHosts: [], baseDir: '/' }, { ...limits, maxRepoBytes: 1024 * 1024 }, { repositories });
      await fetcher.fetch({ repo: repo.dir, commit: repo.first, path: '.' }, join(await tempDir(), 's'));
      expect(await readdir(repositories)).toHaveLength(1);
      // Each commit's files fit, but the two together do not: the files come out, the repository goes.
      const out = join(await tempDir(), 's');
      await fetcher.fetch({ repo: repo.dir, commit: second, path: '.' }, out);
      expect(existsSync(join(out, 'assets/a.bin'))).toBe(true);
      expect(await readdir(repositories)).toEqual([]);
    });

    describe('when the kept repository is damaged', () => {
      /** The kept repository after one fetch of the first commit. */
      async function damagedFixture() {
        const fixture = await keptFixture();
        await fixture.fetchInto(fixture.repo.first, 'skills/tidy');
        const [name] = await readdir(fixture.repositories);
        return { ...fixture, repoDir: join(fixture.repositories, name) };
      }
      /** The file of an object in a bare repository whose packs were unpacked into loose objects. */
      async function looseObject(repoDir: string, id: string) {
        const packs = join(repoDir, 'objects', 'pack');
        for (const name of (await readdir(packs)).filter((file) => file.endsWith('.pack'))) {
          const pack = await readFile(join(packs, name));
          await rm(join(packs, name.replace(/\.pack$/, '')) + '.idx');
          await rm(join(packs, name));
          execFileSync('git', ['unpack-objects', '-q'], { env: { ...process.env, GIT_DIR: repoDir }, input: pack });
        }
        return join(repoDir, 'objects', id.slice(0, 2), id.slice(2));
      }

      it('fetches afresh when the folder is no repository at all', async () => {
        const { repo, repoDir, fetchInto } = await damagedFixture();
        await rm(repoDir, { recursive: true });
        await mkdir(repoDir);
        expect(await fetchInto(repo.first, 'skills/other')).toBe(skillMd('other'));
        expect(existsSync(join(repoDir, 'HEAD'))).toBe(true);
      });

      it('fetches afresh when git cannot read its configuration', async () => {
        const { repo, repoDir, fetchInto } = await damagedFixture();
        await writeFile(join(repoDir, 'config'), '[core\n\tthis is not a git config\n');
        expect(await fetchInto(repo.first, 'skills/other')).toBe(skillMd('other'));
        expect(await readFile(join(repoDir, 'config'), 'utf8')).not.toContain('this is not a git config');
      });

      it('fetches afresh when objects of the pinned commit are lost', async () => {
        const { repo, repoDir, fetchInto } = await damagedFixture();
        await rm(await looseObject(repoDir, git(repo.dir, 'rev-parse', `${repo.first}:skills/other/SKILL.md`)));
        expect(await fetchInto(repo.first, 'skills/other')).toBe(skillMd('other'));
        await rm(await looseObject(repoDir, git(repo.dir, 'rev-parse', `${repo.first}:skills`)));
        expect(await fetchInto(repo.first, 'skills/tidy')).toBe(skillMd('tidy'));
        await rm(join(repoDir, 'objects'), { recursive: true });
        expect(await fetchInto(repo.first, 'skills/tidy')).toBe(skillMd('tidy'));
      });

      it('fetches afresh, never extracting the wrong bytes, when an object holds another content than its id names', async () => {
        const { repo, repoDir, fetchInto } = await damagedFixture();
        const tidy = await looseObject(repoDir, git(repo.dir, 'rev-parse', `${repo.first}:skills/tidy/SKILL.md`));
        const other = await looseObject(repoDir, git(repo.dir, 'rev-parse', `${repo.first}:skills/other/SKILL.md`));
        // A whole, well-formed object under the wrong name: git reads it without complaint.
        await rm(tidy, { force: true });
        await copyFile(other, tidy);
        expect(await fetchInto(repo.first, 'skills/tidy')).toBe(skillMd('tidy'));
      });
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
