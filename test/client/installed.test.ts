/**
 * The lockfile install writes, and `verify --installed`, on real published sites: skills installed by
 * the real CLI, edited on disk, revoked by a newly signed revocation list.
 */
import { spawnSync } from 'node:child_process';
import { appendFile, cp, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  LOCKFILE_NAME,
  LockfileError,
  LockfileSchema,
  RegistryClient,
  installSkill,
  readLockfile,
  verifyInstalled,
  type InstalledReport,
  type InstalledSkillCheck,
} from '../../client/index.ts';
import { generateRegistryKeyPem, keySigner, registryKeyFromPem, signRevocationList } from '../../signing/index.ts';
import { serveFolder } from './serve.ts';
import { buildSite, digestOf, weatherSkill, type SkillFixture } from './site-factory.ts';
import { freshDirs } from '../factories/process.ts';

const root = resolve(import.meta.dirname, '..', '..');
const signer = keySigner(registryKeyFromPem(generateRegistryKeyPem()));
const pdfTools: SkillFixture = { publisher: 'bob', name: 'pdf-tools', version: '0.2.0', files: { 'SKILL.md': '---\nname: pdf-tools\n---\nPDFs.\n' } };
const helpfulNotes: SkillFixture = { publisher: 'mallory', name: 'helpful-notes', version: '0.1.0', files: { 'SKILL.md': '---\nname: helpful-notes\n---\nNotes.\n', 'scripts/sync.sh': { content: '#!/bin/sh\necho sync\n', executable: true } } };
const REASON = 'It uploads ~/.ssh to a paste site since version 0.1.0.';
const SKILLS = [weatherSkill('1.0.0'), weatherSkill('1.1.0'), pdfTools, helpfulNotes];

let work: string;
let site: string;

const freshDir = freshDirs(() => work);

/** A copy of the published site, so that a test can revoke or withdraw without touching the others. */
async function siteCopy(): Promise<string> {
  const copy = await freshDir('site');
  await cp(site, copy, { recursive: true });
  return copy;
}

/** A project (a folder with .git) and a HOME of its own. */
async function freshProject(): Promise<{ project: string; home: string; skills: string; globalSkills: string }> {
  const project = await freshDir('project');
  await mkdir(join(project, '.git'));
  const home = await freshDir('home');
  return { project, home, skills: join(project, '.claude', 'skills'), globalSkills: join(home, '.claude', 'skills') };
}

/** Revokes a skill the way the registry does: a newly signed revocation list, with a higher sequence number. */
async function revoke(registry: string, fixture: SkillFixture, reason: string): Promise<void> {
  const list = await signRevocationList(signer, { schemaVersion: 1, issuedAt: new Date().toISOString(), sequence: 2, revocations: [{ digest: digestOf(fixture), reason, date: '2026-11-21T00:00:00.000Z' }] });
  await writeFile(join(registry, 'api', 'revocations.json'), `${JSON.stringify(list, null, 2)}\n`);
}

function cli(args: string[], cwd: string, home: string) {
  return spawnSync(process.execPath, [join(root, 'bin', 'skill-registry.js'), ...args], { cwd, encoding: 'utf8', env: { ...process.env, HOME: home, SKILL_REGISTRY_URL: '', SKILL_REGISTRY_TRUST: '' } });
}

function byName(report: InstalledReport, directory: string): Record<string, InstalledSkillCheck> {
  const folder = report.folders.find((candidate) => candidate.directory === directory);
  return Object.fromEntries((folder?.skills ?? []).map((skill) => [skill.name, skill]));
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'skill-registry-installed-'));
  site = join(work, 'site');
  await buildSite(site, { signer, skills: SKILLS, sequence: 1 });
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('verify --installed', () => {
  describe('after installing three skills, editing one and revoking another', () => {
    it('reports exactly those two, the edited one as changed (naming the file) and the revoked one as revoked (with the reason), and the third as fine', async () => {
      const registry = await siteCopy();
      const { project, home, skills, globalSkills } = await freshProject();
      for (const skill of ['acme/weather-lite', 'bob/pdf-tools', 'mallory/helpful-notes']) {
        const install = cli(['install', skill, '--registry', registry, '--yes'], project, home);
        expect(install.status, install.stdout + install.stderr).toBe(0);
      }
      const untouched = cli(['verify', '--installed'], project, home);
      expect(untouched.status, untouched.stdout + untouched.stderr).toBe(0);
      expect(untouched.stdout).toContain('All 3 installed skills verified: 3 fine.');

      await appendFile(join(skills, 'weather-lite', 'scripts', 'run.py'), 'import os  # an edit\n');
      await revoke(registry, helpfulNotes, REASON);

      const text = cli(['verify', '--installed'], project, home);
      expect(text.status, text.stderr).toBe(1);
      expect(text.stdout).toMatch(/✗ changed +weather-lite +The files in \.claude\/skills\/weather-lite are not the ones that were audited: scripts\/run\.py changed\./);
      expect(text.stdout).toMatch(/✗ revoked +helpful-notes +mallory\/helpful-notes@0\.1\.0 \(sha256:[0-9a-f]{64}\) was revoked on 2026-11-21: It uploads ~\/\.ssh to a paste site since version 0\.1\.0\./);
      expect(text.stdout).toMatch(/✓ fine +pdf-tools +bob\/pdf-tools@0\.2\.0/);
      expect(text.stdout).toContain('NOT VERIFIED: 1 revoked, 1 changed, 1 fine (of 3 installed skills).');

      const json = cli(['verify', '--installed', '--json'], project, home);
      expect(json.status).toBe(1);
      const report = JSON.parse(json.stdout) as InstalledReport;
      expect(report.verified).toBe(false);
      expect(report.folders.map((folder) => folder.directory)).toEqual([skills, globalSkills]);
      const found = byName(report, skills);
      expect(Object.values(found).map((skill) => [skill.name, skill.status])).toEqual([
        ['helpful-notes', 'revoked'],
        ['pdf-tools', 'fine'],
        ['weather-lite', 'changed'],
      ]);
      expect(found['weather-lite'].difference).toEqual({ changed: ['scripts/run.py'], added: [], removed: [], modeChanged: [] });
      expect(found['helpful-notes'].revocation).toEqual({ digest: digestOf(helpfulNotes), reason: REASON, date: '2026-11-21T00:00:00.000Z' });
      expect(found['pdf-tools'].verification?.steps.map((step) => [step.step, step.status])).toEqual([
        ['files', 'ok'],
        ['record', 'ok'],
        ['attestation', 'ok'],
        ['revocation', 'ok'],
      ]);
      expect(report.counts).toEqual({ revoked: 1, changed: 1, unknown: 0, missing: 0, failed: 0, fine: 1 });
    });
  });

  describe('when a folder is not in the lockfile, or a locked skill is no longer published', () => {
    it('reports both as unknown', async () => {
      const { skills } = await freshProject();
      const registry = await siteCopy();
      for (const skill of ['acme/weather-lite', 'bob/pdf-tools', 'mallory/helpful-notes']) {
        expect((await installSkill(skill, { registry: new RegistryClient(registry), directory: skills })).installed).toBe(true);
      }
      await mkdir(join(skills, 'my-own-skill'));
      await writeFile(join(skills, 'my-own-skill', 'SKILL.md'), '---\nname: my-own-skill\n---\nMine.\n');
      // pdf-tools withdrawn entirely (record gone); helpful-notes dropped from the index but its record kept.
      const pdfHex = digestOf(pdfTools).slice('sha256:'.length);
      await rm(join(registry, 'api', 'digests', `${pdfHex}.json`));
      const indexPath = join(registry, 'api', 'index.json');
      const index = JSON.parse(await readFile(indexPath, 'utf8')) as { skills: { name: string }[] };
      index.skills = index.skills.filter((skill) => skill.name !== 'helpful-notes');
      await writeFile(indexPath, JSON.stringify(index));

      const report = await verifyInstalled([skills], {});
      const found = byName(report, skills);
      expect(Object.values(found).map((skill) => [skill.name, skill.status])).toEqual([
        ['helpful-notes', 'unknown'],
        ['my-own-skill', 'unknown'],
        ['pdf-tools', 'unknown'],
        ['weather-lite', 'fine'],
      ]);
      expect(found['my-own-skill'].message).toContain(`is not in ${join(skills, LOCKFILE_NAME)}`);
      expect(found['pdf-tools'].message).toContain('no longer published');
      expect(found['helpful-notes'].message).toContain('no longer published');
      expect(report.verified).toBe(false);
    });
  });

  describe('when a locked skill was edited and its version revoked since', () => {
    it('reports it as revoked, naming the edits too', async () => {
      const { skills } = await freshProject();
      const registry = await siteCopy();
      await installSkill('mallory/helpful-notes', { registry: new RegistryClient(registry), directory: skills });
      await writeFile(join(skills, 'helpful-notes', 'scripts', 'extra.sh'), 'echo more\n');
      await revoke(registry, helpfulNotes, REASON);
      const check = byName(await verifyInstalled([skills], {}), skills)['helpful-notes'];
      expect(check).toMatchObject({ status: 'revoked', code: 'REVOKED', revocation: { reason: REASON } });
      expect(check.message).toContain('scripts/extra.sh was added');
    });
  });

  describe("when a locked skill's folder was deleted", () => {
    it('reports it as missing, saying how to reinstall it', async () => {
      const { skills } = await freshProject();
      await installSkill('bob/pdf-tools', { registry: new RegistryClient(site), directory: skills });
      await rm(join(skills, 'pdf-tools'), { recursive: true });
      const check = byName(await verifyInstalled([skills], {}), skills)['pdf-tools'];
      expect(check.status).toBe('missing');
      expect(check.message).toContain('skill-registry install bob/pdf-tools@0.2.0');
    });
  });

  describe('with --registry', () => {
    it('checks every skill against that registry instead of the one in the lockfile', async () => {
      const { skills } = await freshProject();
      const registry = await siteCopy();
      await installSkill('mallory/helpful-notes', { registry: new RegistryClient(registry), directory: skills });
      const elsewhere = await siteCopy();
      await revoke(elsewhere, helpfulNotes, REASON);
      expect(byName(await verifyInstalled([skills], {}), skills)['helpful-notes'].status).toBe('fine');
      expect(byName(await verifyInstalled([skills], { registry: new RegistryClient(elsewhere) }), skills)['helpful-notes'].status).toBe('revoked');
    });
  });

  describe('which skills folders it checks', () => {
    it("checks the project's and the global folder by default, only the global one with --global, only DIR with --dir", async () => {
      const { project, home, skills, globalSkills } = await freshProject();
      expect(cli(['install', 'bob/pdf-tools', '--registry', site, '--yes'], project, home).status).toBe(0);
      expect(cli(['install', 'acme/weather-lite', '--registry', site, '--yes', '--global'], project, home).status).toBe(0);
      const folders = (args: string[]) => {
        const result = cli(['verify', '--installed', '--json', ...args], project, home);
        expect(result.status, result.stdout + result.stderr).toBe(0);
        return (JSON.parse(result.stdout) as InstalledReport).folders.map((folder) => [folder.directory, folder.skills.map((skill) => skill.name)]);
      };
      expect(folders([])).toEqual([
        [skills, ['pdf-tools']],
        [globalSkills, ['weather-lite']],
      ]);
      expect(folders(['--global'])).toEqual([[globalSkills, ['weather-lite']]]);
      expect(folders(['--dir', '.claude/skills'])).toEqual([[skills, ['pdf-tools']]]);
    });

    it('says so when nothing is installed, and exits 0', async () => {
      const { project, home } = await freshProject();
      const result = cli(['verify', '--installed'], project, home);
      expect(result.status).toBe(0);
      expect(result.stdout).toContain('No installed skills in');
    });
  });

  describe('usage', () => {
    it('exits 2 for a digest or folder given with --installed, and --global or --dir without it', async () => {
      const { project, home } = await freshProject();
      expect(cli(['verify', '--installed', digestOf(pdfTools)], project, home).status).toBe(2);
      expect(cli(['verify', '--global', digestOf(pdfTools)], project, home).status).toBe(2);
      expect(cli(['verify', '--installed', '--global', '--dir', 'x'], project, home).status).toBe(2);
    });
  });
});

describe('the lockfile', () => {
  it('records publisher, name, version, digest, registry and install time of every install, one entry per folder', async () => {
    const { skills } = await freshProject();
    const now = new Date('2026-11-22T12:00:00.000Z');
    await installSkill('acme/weather-lite@1.0.0', { registry: new RegistryClient(site), directory: skills, now });
    await installSkill('bob/pdf-tools', { registry: new RegistryClient(site), directory: skills, now });
    const later = new Date('2026-11-23T08:00:00.000Z');
    await installSkill('acme/weather-lite', { registry: new RegistryClient(site), directory: skills, now: later });
    const written = JSON.parse(await readFile(join(skills, LOCKFILE_NAME), 'utf8')) as unknown;
    expect(LockfileSchema.parse(written)).toEqual({
      schemaVersion: 1,
      skills: {
        'pdf-tools': { publisher: 'bob', name: 'pdf-tools', version: '0.2.0', digest: digestOf(pdfTools), registry: site, installedAt: now.toISOString() },
        'weather-lite': { publisher: 'acme', name: 'weather-lite', version: '1.1.0', digest: digestOf(weatherSkill('1.1.0')), registry: site, installedAt: later.toISOString() },
      },
    });
    // Written atomically: no temporary file is left beside it.
    expect((await readdir(skills)).sort()).toEqual(['pdf-tools', LOCKFILE_NAME, 'weather-lite']);
  });

  it('records a site folder given as a relative path by its absolute path, and a URL as given', async () => {
    const { skills } = await freshProject();
    await installSkill('bob/pdf-tools', { registry: new RegistryClient(relative(process.cwd(), site)), directory: skills });
    expect((await readLockfile(skills)).lockfile.skills['pdf-tools'].registry).toBe(site);
    const server = await serveFolder(site);
    try {
      await installSkill('acme/weather-lite', { registry: new RegistryClient(server.url), directory: skills });
      expect((await readLockfile(skills)).lockfile.skills['weather-lite'].registry).toBe(server.url);
    } finally {
      await server.close();
    }
  });

  describe('when it is damaged', () => {
    it('stops install before anything changes, and verify --installed exits 2, naming the file and what to do', async () => {
      const { project, home, skills } = await freshProject();
      await mkdir(skills, { recursive: true });
      await writeFile(join(skills, LOCKFILE_NAME), '{"schemaVersion": 1, "skills": {"pdf-tools": {"publisher": "bob"}}');
      const install = installSkill('bob/pdf-tools', { registry: new RegistryClient(site), directory: skills });
      await expect(install).rejects.toBeInstanceOf(LockfileError);
      await expect(install).rejects.toMatchObject({ code: 'DAMAGED' });
      expect(await readdir(skills)).toEqual([LOCKFILE_NAME]);
      const result = cli(['verify', '--installed'], project, home);
      expect(result.status).toBe(2);
      expect(result.stderr).toContain(`error [DAMAGED]: ${join(skills, LOCKFILE_NAME)} is damaged: it is not JSON`);
      expect(result.stderr).toContain('move it away');
      expect(result.stderr).not.toMatch(/\n\s+at /);
      await writeFile(join(skills, LOCKFILE_NAME), JSON.stringify({ schemaVersion: 1, skills: { 'pdf-tools': { publisher: 'bob', name: 'other-name', version: '0.2.0', digest: 'sha256:xyz', registry: site, installedAt: 'yesterday' } } }));
      const invalid = readLockfile(skills);
      await expect(invalid).rejects.toMatchObject({ code: 'DAMAGED' });
      const message = ((await invalid.catch((error: Error) => error)) as Error).message;
      for (const path of ['skills.pdf-tools.name', 'skills.pdf-tools.digest', 'skills.pdf-tools.installedAt']) expect(message).toContain(path);
    });

    it('refuses a newer format, saying which versions it reads', async () => {
      const { skills } = await freshProject();
      await mkdir(skills, { recursive: true });
      await writeFile(join(skills, LOCKFILE_NAME), JSON.stringify({ schemaVersion: 2, skills: {}, pins: [] }));
      const newer = readLockfile(skills);
      await expect(newer).rejects.toMatchObject({ code: 'UNSUPPORTED_VERSION', message: expect.stringContaining('reads 1') });
    });
  });
});
