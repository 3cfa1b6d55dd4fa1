/**
 * `update` on a real published site: versions whose capabilities and warnings differ, a revoked newest
 * version, installed files edited on disk, and the CLI with and without --yes.
 */
import { spawnSync } from 'node:child_process';
import { appendFile, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RegistryClient, installSkill, readLockfile, updateSkills, type UpdatePreview, type UpdateReport } from '../../client/index.ts';
import { generateRegistryKeyPem, keySigner, registryKeyFromPem } from '../../signing/index.ts';
import { buildSite, digestOf, weatherSkill, type SkillFixture } from './site-factory.ts';

const root = resolve(import.meta.dirname, '..', '..');
const signer = keySigner(registryKeyFromPem(generateRegistryKeyPem()));
const WARNING = 'Declares credential environment variables: WEATHER_TOKEN.';
const weatherOld: SkillFixture = { ...weatherSkill('1.0.0'), capabilities: { commands: ['python3', 'curl'] } };
const weatherNew: SkillFixture = {
  ...weatherSkill('1.1.0'),
  verdict: 'warn',
  capabilities: { network: ['api.weather.gov'], env: ['WEATHER_TOKEN'], filesystem: { write: ['~/.cache/weather/'] }, commands: ['python3'] },
  reasons: [WARNING],
};
const pdf = (version: string): SkillFixture => ({ publisher: 'bob', name: 'pdf-tools', version, files: { 'SKILL.md': `---\nname: pdf-tools\n---\nPDFs, version ${version}.\n` } });

let work: string;
let site: string;
let counter = 0;

async function freshProject(): Promise<{ project: string; home: string; skills: string }> {
  counter += 1;
  const project = join(work, `project-${counter}`);
  await mkdir(join(project, '.git'), { recursive: true });
  const home = join(work, `home-${counter}`);
  await mkdir(home);
  return { project, home, skills: join(project, '.claude', 'skills') };
}

const registry = () => new RegistryClient(site);

function cli(args: string[], cwd: string, home: string) {
  return spawnSync(process.execPath, [join(root, 'bin', 'skill-registry.js'), ...args], { cwd, encoding: 'utf8', env: { ...process.env, HOME: home, SKILL_REGISTRY_URL: '', SKILL_REGISTRY_TRUST: '' } });
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'skill-registry-update-'));
  site = join(work, 'site');
  await buildSite(site, {
    signer,
    skills: [weatherOld, weatherNew, pdf('0.1.0'), pdf('0.2.0'), pdf('0.3.0')],
    revocations: [{ digest: digestOf(pdf('0.3.0')), reason: 'Overwrites the PDFs it fills.', date: '2026-11-21T00:00:00.000Z' }],
  });
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('update', () => {
  describe('when a newer audited version is published', () => {
    it('shows the capabilities added and removed and the new warnings before writing, then moves to it and records it', async () => {
      const { skills } = await freshProject();
      await installSkill('acme/weather-lite@1.0.0', { registry: registry(), directory: skills });
      const previews: UpdatePreview[] = [];
      let installedWhenAsked = '';
      const report = await updateSkills({
        directory: skills,
        confirm: async (preview) => {
          previews.push(preview);
          installedWhenAsked = await readFile(join(skills, 'weather-lite', 'SKILL.md'), 'utf8');
          return true;
        },
      });
      expect(report.updates.map((update) => [update.name, update.status, update.to?.version])).toEqual([['weather-lite', 'updated', '1.1.0']]);
      expect(installedWhenAsked).toContain('version 1.0.0');
      const [preview] = previews;
      expect(preview.changes).toEqual({
        network: { added: ['api.weather.gov'], removed: [] },
        filesystemRead: { added: [], removed: [] },
        filesystemWrite: { added: ['~/.cache/weather/'], removed: [] },
        env: { added: ['WEATHER_TOKEN'], removed: [] },
        commands: { added: [], removed: ['curl'] },
      });
      expect(preview.newWarnings).toEqual([WARNING]);
      expect(preview).toMatchObject({ from: { version: '1.0.0' }, skill: { version: '1.1.0' }, verdict: 'warn', trust: 'warnings' });
      expect(await readFile(join(skills, 'weather-lite', 'SKILL.md'), 'utf8')).toContain('version 1.1.0');
      expect((await readLockfile(skills)).lockfile.skills['weather-lite']).toMatchObject({ version: '1.1.0', digest: digestOf(weatherNew) });
      expect(report.updates[0].verification?.steps.map((step) => step.step)).toEqual(['archive', 'files', 'record', 'attestation', 'revocation']);
      const again = await updateSkills({ directory: skills });
      expect(again.updates.map((update) => update.status)).toEqual(['up-to-date']);
    });

    it('skips a revoked newest version for the newest one that is not', async () => {
      const { skills } = await freshProject();
      await installSkill('bob/pdf-tools@0.1.0', { registry: registry(), directory: skills });
      const report = await updateSkills({ directory: skills });
      expect(report.updates.map((update) => [update.status, update.to?.version])).toEqual([['updated', '0.2.0']]);
      expect((await readLockfile(skills)).lockfile.skills['pdf-tools'].version).toBe('0.2.0');
    });

    it('changes nothing when the confirmation says no', async () => {
      const { skills } = await freshProject();
      await installSkill('acme/weather-lite@1.0.0', { registry: registry(), directory: skills });
      const report = await updateSkills({ directory: skills, confirm: async () => false });
      expect(report.updates.map((update) => update.status)).toEqual(['declined']);
      expect(await readFile(join(skills, 'weather-lite', 'SKILL.md'), 'utf8')).toContain('version 1.0.0');
      expect((await readLockfile(skills)).lockfile.skills['weather-lite'].version).toBe('1.0.0');
    });
  });

  describe('when the installed files were edited', () => {
    it('refuses with DESTINATION_MODIFIED naming the files, and updates with --force', async () => {
      const { skills } = await freshProject();
      await installSkill('acme/weather-lite@1.0.0', { registry: registry(), directory: skills });
      await appendFile(join(skills, 'weather-lite', 'references', 'api.md'), 'My notes.\n');
      let asked = false;
      const refused = await updateSkills({
        directory: skills,
        confirm: async () => {
          asked = true;
          return true;
        },
      });
      expect(refused.updates[0]).toMatchObject({ status: 'edited', code: 'DESTINATION_MODIFIED' });
      expect(refused.updates[0].message).toContain('references/api.md changed');
      expect(refused.updates[0].message).toContain('--force');
      expect(asked).toBe(false);
      expect(await readFile(join(skills, 'weather-lite', 'references', 'api.md'), 'utf8')).toContain('My notes.');
      const forced = await updateSkills({ directory: skills, force: true });
      expect(forced.updates[0].status).toBe('updated');
      expect(await readFile(join(skills, 'weather-lite', 'references', 'api.md'), 'utf8')).not.toContain('My notes.');
    });
  });

  describe('the CLI', () => {
    it('without a terminal and without --yes, shows what would change, changes nothing and exits 2', async () => {
      const { project, home, skills } = await freshProject();
      expect(cli(['install', 'acme/weather-lite@1.0.0', '--registry', site, '--yes'], project, home).status).toBe(0);
      const result = cli(['update'], project, home);
      expect(result.status, result.stderr).toBe(2);
      expect(result.stdout).toContain(`acme/weather-lite 1.0.0 → 1.1.0 (${digestOf(weatherNew)})`);
      expect(result.stdout).toMatch(/^ {4}\+ network +api\.weather\.gov$/m);
      expect(result.stdout).toMatch(/^ {4}\+ env +WEATHER_TOKEN$/m);
      expect(result.stdout).toMatch(/^ {4}\+ files write +~\/\.cache\/weather\/$/m);
      expect(result.stdout).toMatch(/^ {4}- commands +curl$/m);
      expect(result.stdout).toContain(`    ! ${WARNING}`);
      expect(result.stdout).toContain('run the command again with --yes');
      expect((await readLockfile(skills)).lockfile.skills['weather-lite'].version).toBe('1.0.0');
    });

    it('with --yes, updates and exits 0; --json reports each skill', async () => {
      const { project, home, skills } = await freshProject();
      expect(cli(['install', 'acme/weather-lite@1.0.0', '--registry', site, '--yes'], project, home).status).toBe(0);
      expect(cli(['install', 'bob/pdf-tools@0.2.0', '--registry', site, '--yes'], project, home).status).toBe(0);
      const result = cli(['update', '--yes', '--json'], project, home);
      expect(result.status, result.stdout + result.stderr).toBe(0);
      const report = JSON.parse(result.stdout) as UpdateReport;
      expect(report.updates.map((update) => [update.name, update.status])).toEqual([
        ['pdf-tools', 'up-to-date'],
        ['weather-lite', 'updated'],
      ]);
      expect(report.updates[1].preview?.changes.network.added).toEqual(['api.weather.gov']);
      expect((await readLockfile(skills)).lockfile.skills['weather-lite'].version).toBe('1.1.0');
    });

    it('updates only the skill named, and exits 2 for one the lockfile does not list or a pinned version', async () => {
      const { project, home, skills } = await freshProject();
      expect(cli(['install', 'acme/weather-lite@1.0.0', '--registry', site, '--yes'], project, home).status).toBe(0);
      expect(cli(['install', 'bob/pdf-tools@0.1.0', '--registry', site, '--yes'], project, home).status).toBe(0);
      const named = cli(['update', 'bob/pdf-tools', '--yes'], project, home);
      expect(named.status, named.stdout + named.stderr).toBe(0);
      const { lockfile } = await readLockfile(skills);
      expect([lockfile.skills['pdf-tools'].version, lockfile.skills['weather-lite'].version]).toEqual(['0.2.0', '1.0.0']);
      const unknown = cli(['update', 'weather-heavy', '--yes'], project, home);
      expect(unknown.status).toBe(2);
      expect(unknown.stderr).toContain('error [NOT_LOCKED]');
      expect(unknown.stderr).toContain('acme/weather-lite');
      expect(cli(['update', 'acme/weather-lite@1.0.0', '--yes'], project, home).status).toBe(2);
    });

    it('exits 1 when the installed files were edited, naming them', async () => {
      const { project, home, skills } = await freshProject();
      expect(cli(['install', 'acme/weather-lite@1.0.0', '--registry', site, '--yes'], project, home).status).toBe(0);
      await appendFile(join(skills, 'weather-lite', 'scripts', 'run.py'), '# mine\n');
      const result = cli(['update', '--yes'], project, home);
      expect(result.status).toBe(1);
      expect(result.stdout).toMatch(/✗ edited +.*scripts\/run\.py changed/);
    });
  });
});
