import { spawn } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildRegistry, loadEntry } from '../../pipeline/index.ts';
import { createSigner } from '../../signing/index.ts';
import { generateRegistry, type GeneratedRegistry } from '../../scripts/gen-registry.ts';
import { git, tempDir } from '../factories/git.ts';

/** Every file under `dir`, relative, with its bytes. */
async function contents(dir: string): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) files.set(relative(dir, join(entry.parentPath, entry.name)), await readFile(join(entry.parentPath, entry.name)));
  }
  return new Map([...files].sort(([a], [b]) => a.localeCompare(b)));
}

/** Each repository's commits on main, newest first. */
async function commitsOf(reposDir: string): Promise<Record<string, string>> {
  const repos = (await readdir(reposDir)).sort();
  return Object.fromEntries(repos.map((repo) => [repo, git(join(reposDir, repo), 'rev-list', 'main')]));
}

describe('npm run gen:registry', () => {
  let first: GeneratedRegistry;
  let firstDir: string;
  let secondDir: string;

  beforeAll(async () => {
    firstDir = join(await tempDir(), 'out');
    secondDir = join(await tempDir(), 'elsewhere', 'out');
    first = await generateRegistry({ count: 80, outDir: firstDir, seed: 'same' });
    await generateRegistry({ count: 80, outDir: secondDir, seed: 'same' });
  }, 300_000);

  it('gives the same seed the same registry, byte for byte, and the same commits, wherever it is written', async () => {
    const [a, b] = await Promise.all([contents(join(firstDir, 'registry')), contents(join(secondDir, 'registry'))]);
    expect([...a.keys()]).toEqual([...b.keys()]);
    for (const [path, bytes] of a) expect(Buffer.compare(bytes, b.get(path)!), path).toBe(0);
    expect(await readFile(join(firstDir, 'expected.json'), 'utf8')).toBe(await readFile(join(secondDir, 'expected.json'), 'utf8'));
    expect(await commitsOf(join(firstDir, 'repos'))).toEqual(await commitsOf(join(secondDir, 'repos')));
  });

  it('gives another seed another registry', async () => {
    const other = await generateRegistry({ count: 80, outDir: join(await tempDir(), 'out'), seed: 'other' });
    expect(other.skills.map((skill) => skill.id)).not.toEqual(first.skills.map((skill) => skill.id));
  });

  it('writes valid entries pinned to commits of local repositories, in a registry that allows them', async () => {
    const registryDir = join(firstDir, 'registry');
    expect(await readFile(join(registryDir, 'config.yaml'), 'utf8')).toMatch(/allowLocal: true/);
    for (const skill of first.skills) {
      const entry = await loadEntry(join(registryDir, 'skills', `${skill.id}.yaml`), registryDir);
      expect(entry.source.repo).toBe(`../repos/${skill.repo}`);
      expect(git(join(firstDir, 'repos', skill.repo), 'cat-file', '-t', entry.source.commit)).toBe('commit');
    }
  });

  it('mixes prose, Python, Bash and Node skills of varied size, some to warn and a few to fail', () => {
    const kinds = new Set(first.skills.map((skill) => skill.kind));
    expect(kinds).toEqual(new Set(['prose', 'python', 'bash', 'node', 'warn-token', 'warn-any-host', 'harvester', 'pipe-to-shell', 'npmrc-beacon', 'rc-persistence']));
    const count = (expect: string) => first.skills.filter((skill) => skill.expect === expect).length;
    expect(count('fail')).toBe(4);
    expect(count('warn')).toBeGreaterThanOrEqual(4);
    expect(count('pass')).toBeGreaterThan(60);
    const sizes = first.skills.map((skill) => skill.bytes);
    expect(Math.max(...sizes)).toBeGreaterThan(10 * Math.min(...sizes));
    expect(new Set(first.skills.map((skill) => skill.path === '.')).size).toBe(2);
  });

  it('makes each kind of skill get the verdict it was made for', async () => {
    // One skill of each kind (the dry run is not what is tested: the static audit decides these).
    const chosen = [...new Map(first.skills.map((skill) => [skill.kind, skill])).values()];
    const work = await tempDir();
    const { signer } = await createSigner({ mode: 'key' }, { devKeyDir: join(work, 'keys') });
    const summary = await buildRegistry({
      registryDir: join(firstDir, 'registry'),
      outDir: join(work, 'out'),
      cacheDir: join(work, 'cache'),
      signer,
      skipDryRun: 'generator test: the static audit decides these skills',
      only: new Set(chosen.map((skill) => `skills/${skill.id}.yaml`)),
    });
    const verdicts = Object.fromEntries(summary.outcomes.map((outcome) => [outcome.id, outcome.status === 'published' ? outcome.verdict : outcome.status]));
    expect(verdicts).toEqual(Object.fromEntries(chosen.map((skill) => [skill.id, skill.expect === 'fail' ? 'refused' : skill.expect])));
  });

  describe('as a command', () => {
    const script = join(import.meta.dirname, '..', '..', 'scripts', 'gen-registry.ts');
    const run = (args: string[]) =>
      new Promise<{ status: number | null; stdout: string; stderr: string }>((done) => {
        const child = spawn(process.execPath, [script, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
        child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
        child.on('close', (status) => done({ status, stdout, stderr }));
      });

    it('says what it made, and exits 2 on a missing count, a bad count or a folder that is not empty', async () => {
      const out = join(await tempDir(), 'out');
      const made = await run(['--count', '3', '--out', out, '--seed', 'cli']);
      expect(made.status, made.stderr).toBe(0);
      expect(made.stdout).toMatch(/^Generated 3 skills \(3 to pass, 0 to warn, 0 to fail\) in \d+ repositories/);
      const refused = await Promise.all([run(['--count', '3', '--out', out]), run(['--count', '0', '--out', join(out, 'x')]), run(['--out', join(out, 'y')]), run(['--count', '3', '--out', join(out, 'z'), '--seed', 'a b'])]);
      for (const result of refused) {
        expect(result.status, result.stderr).toBe(2);
        expect(result.stderr).toMatch(/Usage: npm run gen:registry/);
      }
    });
  });
});
