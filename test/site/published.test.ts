import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SiteDataError } from '../../src/data/errors.ts';
import { readPublishedRegistry, readRegistryInfo, resolveDataDir } from '../../src/data/published.ts';
import { writePublishedFixture, type PublishedFixture } from './published-fixture.ts';

let dir: string;
let fixture: PublishedFixture;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'site-data-'));
  fixture = await writePublishedFixture(join(dir, 'published'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function editJson(path: string, edit: (value: Record<string, unknown>) => void): Promise<void> {
  const value = JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>;
  edit(value);
  await writeFile(path, JSON.stringify(value));
}

async function expectCode(promise: Promise<unknown>, code: string): Promise<SiteDataError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(SiteDataError);
  expect((error as SiteDataError).code).toBe(code);
  return error as SiteDataError;
}

describe('readPublishedRegistry', () => {
  describe('with a complete published folder', () => {
    it('returns every indexed skill with its latest record and history', async () => {
      const registry = await readPublishedRegistry(fixture.dataDir);
      expect(registry.skills.map((skill) => `${skill.entry.publisher}/${skill.entry.name}`)).toEqual(['acme/weather-lite', 'globex/pdf-tools', 'initech/log-shipper']);
      const weather = registry.skills[0];
      expect(weather.record.version).toBe('1.2.0');
      expect(weather.history.versions.map((version) => version.version)).toEqual(['1.2.0', '1.1.0']);
      expect(weather.links.record).toBe(`/api/digests/${weather.record.digest.slice(7)}.json`);
      expect(weather.links.bundle).toBe(`/api/digests/${weather.record.digest.slice(7)}.sigstore.json`);
    });

    it('attaches the revocation of a revoked skill', async () => {
      const registry = await readPublishedRegistry(fixture.dataDir);
      const revoked = registry.skills.find((skill) => skill.entry.trust === 'revoked');
      expect(revoked?.revocation?.reason).toMatch(/taken over/);
      expect(registry.skills.filter((skill) => skill.revocation !== undefined)).toHaveLength(1);
    });

    it('reads the trust policy and the revocation list', async () => {
      const info = await readRegistryInfo(fixture.dataDir);
      expect(info.trust?.mode).toBe('key');
      expect(info.revocations?.revocations).toHaveLength(1);
      expect(info.skillCount).toBe(3);
    });
  });

  describe('when a skill was revoked after its record was published', () => {
    it('shows it as revoked in the index entry, the record and the history', async () => {
      const record = fixture.latest.get('acme/weather-lite');
      const path = join(fixture.dataDir, 'api', 'revocations.json');
      await editJson(path, (list) => {
        (list.revocations as unknown[]).push({ digest: record?.digest, reason: 'Key compromise at the publisher.', date: '2026-11-22T08:00:00.000Z' });
      });
      const registry = await readPublishedRegistry(fixture.dataDir);
      const weather = registry.skills.find((skill) => skill.entry.name === 'weather-lite');
      expect(weather?.entry.trust).toBe('revoked');
      expect(weather?.record.trust).toBe('revoked');
      expect(weather?.revocation?.reason).toBe('Key compromise at the publisher.');
      expect(weather?.history.versions.map((version) => version.trust)).toEqual(['revoked', 'verified']);
    });
  });

  describe('when the revocation list is published inside a Sigstore bundle', () => {
    it('reads the list from the DSSE payload', async () => {
      const path = join(fixture.dataDir, 'api', 'revocations.json');
      const list = await readFile(path, 'utf8');
      await writeFile(path, JSON.stringify({ mediaType: 'application/vnd.dev.sigstore.bundle.v0.3+json', dsseEnvelope: { payload: Buffer.from(list).toString('base64'), payloadType: 'application/json', signatures: [] } }));
      const info = await readRegistryInfo(fixture.dataDir);
      expect(info.revocations?.revocations).toHaveLength(1);
    });
  });

  describe('when nothing was published', () => {
    it('refuses with MISSING_DATA naming the folder and the fix', async () => {
      const error = await expectCode(readPublishedRegistry(join(dir, 'nowhere')), 'MISSING_DATA');
      expect(error.message).toContain(join(dir, 'nowhere', 'api', 'index.json'));
      expect(error.message).toContain('SKILL_REGISTRY_DATA');
    });
  });

  describe('when the index has an unknown schema version', () => {
    it('refuses with UNSUPPORTED_VERSION', async () => {
      await editJson(join(fixture.dataDir, 'api', 'index.json'), (index) => {
        index.schemaVersion = 2;
      });
      await expectCode(readPublishedRegistry(fixture.dataDir), 'UNSUPPORTED_VERSION');
    });
  });

  describe('when a record breaks its schema', () => {
    it('refuses with INVALID_RECORD naming the file and field', async () => {
      const digest = fixture.latest.get('globex/pdf-tools')?.digest ?? '';
      const path = join(fixture.dataDir, 'api', 'digests', `${digest.slice(7)}.json`);
      await editJson(path, (record) => {
        record.trust = 'trusted-by-me';
      });
      const error = await expectCode(readPublishedRegistry(fixture.dataDir), 'INVALID_RECORD');
      expect(error.message).toContain(path);
      expect(error.message).toContain('trust');
    });
  });

  describe('when a record is not JSON', () => {
    it('refuses with INVALID_JSON', async () => {
      const digest = fixture.latest.get('acme/weather-lite')?.digest ?? '';
      await writeFile(join(fixture.dataDir, 'api', 'digests', `${digest.slice(7)}.json`), '{"schemaVersion": 1,');
      await expectCode(readPublishedRegistry(fixture.dataDir), 'INVALID_JSON');
    });
  });

  describe('when an indexed record is missing', () => {
    it('refuses with MISSING_FILE', async () => {
      const digest = fixture.latest.get('acme/weather-lite')?.digest ?? '';
      await rm(join(fixture.dataDir, 'api', 'digests', `${digest.slice(7)}.json`));
      await expectCode(readPublishedRegistry(fixture.dataDir), 'MISSING_FILE');
    });
  });

  describe('when the index and a record disagree', () => {
    it('refuses with INCONSISTENT', async () => {
      await editJson(join(fixture.dataDir, 'api', 'index.json'), (index) => {
        (index.skills as { version: string }[])[0].version = '9.9.9';
      });
      await expectCode(readPublishedRegistry(fixture.dataDir), 'INCONSISTENT');
    });
  });

  describe('when an index entry names a path-like publisher', () => {
    it('refuses with INVALID_RECORD before touching the file system', async () => {
      await editJson(join(fixture.dataDir, 'api', 'index.json'), (index) => {
        (index.skills as { publisher: string }[])[0].publisher = '../../etc';
      });
      await expectCode(readPublishedRegistry(fixture.dataDir), 'INVALID_RECORD');
    });
  });
});

describe('resolveDataDir', () => {
  it('uses SKILL_REGISTRY_DATA when set, relative to the root', () => {
    expect(resolveDataDir('/srv/registry', { SKILL_REGISTRY_DATA: 'out/published' })).toBe('/srv/registry/out/published');
    expect(resolveDataDir('/srv/registry', { SKILL_REGISTRY_DATA: '/data' })).toBe('/data');
  });

  it('defaults to .cache/published', () => {
    expect(resolveDataDir('/srv/registry', {})).toBe('/srv/registry/.cache/published');
  });
});
