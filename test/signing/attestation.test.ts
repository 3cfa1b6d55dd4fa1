import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { generateKeyPairSync } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { archiveTreeFiles, digestFiles } from '../../core/index.ts';
import { IN_TOTO_PAYLOAD_TYPE, RegistryConfigSchema, type AuditStatement, type TrustPolicy } from '../../schemas/index.ts';
import {
  DEV_KEY_FILE,
  REVOCATIONS_PAYLOAD_TYPE,
  SigningError,
  VerificationError,
  buildAuditStatement,
  createSigner,
  generateRegistryKeyPem,
  keySigner,
  registryKeyFromPem,
  signAttestation,
  signRevocationList,
  verifyAttestation,
  verifyRevocationList,
  type Signer,
} from '../../signing/index.ts';
import { fixtureFiles, predicateFor, weatherSkill } from '../client/site-factory.ts';
import { bundleJson } from './mock-sigstore.ts';

/** An audit statement for the standard test skill. */
function statementFor(version = '1.0.0'): { statement: AuditStatement; digest: `sha256:${string}` } {
  const fixture = weatherSkill(version);
  const tree = digestFiles(archiveTreeFiles(fixtureFiles(fixture)));
  const statement = buildAuditStatement({ publisher: 'acme', name: 'weather-lite', version, digest: tree.digest, predicate: predicateFor(fixture, tree.files) });
  return { statement, digest: tree.digest };
}

async function rejection(promise: Promise<unknown>): Promise<VerificationError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(VerificationError);
  return error as VerificationError;
}

const newSigner = (): Signer => keySigner(registryKeyFromPem(generateRegistryKeyPem()));

describe('audit attestations signed with a registry key', () => {
  const signer = newSigner();
  const { statement, digest } = statementFor();

  it('builds an in-toto v1 statement whose subject is the skill version and its tree digest', () => {
    expect(statement._type).toBe('https://in-toto.io/Statement/v1');
    expect(statement.subject).toEqual([{ name: 'pkg:skill/acme/weather-lite@1.0.0', digest: { sha256: digest.slice(7) } }]);
    expect(statement.predicate.tree.algorithm).toBe('skill-tree-v1');
  });

  it('signs it into a Sigstore v0.3 bundle with a DSSE envelope and the key id as hint', async () => {
    const bundle = bundleJson(await signAttestation(signer, statement));
    expect(bundle.mediaType).toBe('application/vnd.dev.sigstore.bundle.v0.3+json');
    expect(bundle.dsseEnvelope.payloadType).toBe(IN_TOTO_PAYLOAD_TYPE);
    expect(bundle.verificationMaterial.publicKey?.hint).toBe((signer.trust as Extract<TrustPolicy, { mode: 'key' }>).keyId);
  });

  it('verifies with the registry key and returns the statement', async () => {
    const bundle = await signAttestation(signer, statement);
    const verified = await verifyAttestation(bundle, signer.trust, { digest, publisher: 'acme', name: 'weather-lite', version: '1.0.0' });
    expect(verified).toEqual(statement);
  });

  describe('when the bundle was signed by another key', () => {
    it('refuses with WRONG_SIGNER', async () => {
      const bundle = await signAttestation(newSigner(), statement);
      expect((await rejection(verifyAttestation(bundle, signer.trust, { digest }))).code).toBe('WRONG_SIGNER');
    });
  });

  describe('when another key signed it but claims the registry key id', () => {
    it('refuses with BAD_SIGNATURE', async () => {
      const bundle = bundleJson(await signAttestation(newSigner(), statement));
      bundle.verificationMaterial.publicKey!.hint = (signer.trust as Extract<TrustPolicy, { mode: 'key' }>).keyId;
      expect((await rejection(verifyAttestation(bundle, signer.trust, { digest }))).code).toBe('BAD_SIGNATURE');
    });
  });

  describe('when the signed payload was edited', () => {
    it('refuses with BAD_SIGNATURE', async () => {
      const bundle = bundleJson(await signAttestation(signer, statement));
      const payload = JSON.parse(Buffer.from(bundle.dsseEnvelope.payload, 'base64').toString('utf8')) as AuditStatement;
      payload.predicate.verdict = 'pass';
      payload.predicate.trust = 'verified';
      payload.predicate.auditedAt = '2030-01-01T00:00:00.000Z';
      bundle.dsseEnvelope.payload = Buffer.from(JSON.stringify(payload)).toString('base64');
      expect((await rejection(verifyAttestation(bundle, signer.trust, { digest }))).code).toBe('BAD_SIGNATURE');
    });
  });

  describe('when the attestation is about another digest', () => {
    it('refuses with SUBJECT_MISMATCH', async () => {
      const other = statementFor('2.0.0');
      const bundle = await signAttestation(signer, other.statement);
      expect((await rejection(verifyAttestation(bundle, signer.trust, { digest }))).code).toBe('SUBJECT_MISMATCH');
    });
  });

  describe('when the attestation names another skill', () => {
    it('refuses with SUBJECT_MISMATCH', async () => {
      const bundle = await signAttestation(signer, statement);
      expect((await rejection(verifyAttestation(bundle, signer.trust, { digest, publisher: 'evil', name: 'weather-lite' }))).code).toBe('SUBJECT_MISMATCH');
      expect((await rejection(verifyAttestation(bundle, signer.trust, { digest, publisher: 'acme', name: 'weather-lite', version: '9.9.9' }))).code).toBe('SUBJECT_MISMATCH');
    });
  });

  describe("when the per-file hashes do not add up to the subject", () => {
    it('refuses with SUBJECT_MISMATCH', async () => {
      const forged = structuredClone(statement);
      forged.predicate.tree.files = forged.predicate.tree.files.slice(1);
      const bundle = await signer.sign(new TextEncoder().encode(JSON.stringify(forged)), IN_TOTO_PAYLOAD_TYPE);
      expect((await rejection(verifyAttestation(bundle, signer.trust, { digest }))).code).toBe('SUBJECT_MISMATCH');
    });
  });

  describe('when the bundle holds a revocation list instead of an attestation', () => {
    it('refuses with BAD_PAYLOAD', async () => {
      const bundle = await signRevocationList(signer, { schemaVersion: 1, issuedAt: new Date().toISOString(), revocations: [] });
      expect((await rejection(verifyAttestation(bundle, signer.trust, { digest }))).code).toBe('BAD_PAYLOAD');
    });
  });

  describe('when the bundle is not a Sigstore bundle', () => {
    it('refuses with MALFORMED_BUNDLE', async () => {
      expect((await rejection(verifyAttestation({ hello: 'world' }, signer.trust, { digest }))).code).toBe('MALFORMED_BUNDLE');
      expect((await rejection(verifyAttestation('not json', signer.trust, { digest }))).code).toBe('MALFORMED_BUNDLE');
    });
  });

  describe("when the trust policy's key id is not its key's", () => {
    it('refuses with UNTRUSTED_ROOT', async () => {
      const bundle = await signAttestation(signer, statement);
      const trust = { ...(signer.trust as Extract<TrustPolicy, { mode: 'key' }>), keyId: 'f'.repeat(64) };
      expect((await rejection(verifyAttestation(bundle, trust, { digest }))).code).toBe('UNTRUSTED_ROOT');
    });
  });

  describe('when a keyless registry receives a key-signed bundle', () => {
    it('refuses with WRONG_SIGNER', async () => {
      const bundle = await signAttestation(signer, statement);
      const trust: TrustPolicy = { schemaVersion: 1, mode: 'keyless', identity: { issuer: 'https://token.actions.githubusercontent.com', subject: 'https://github.com/acme/registry/.github/workflows/publish.yml@refs/heads/main' } };
      expect((await rejection(verifyAttestation(bundle, trust, { digest }))).code).toBe('WRONG_SIGNER');
    });
  });
});

describe('the revocation list', () => {
  const signer = newSigner();
  const list = { schemaVersion: 1 as const, issuedAt: '2026-11-20T00:00:00.000Z', revocations: [{ digest: `sha256:${'1'.repeat(64)}`, reason: 'Exfiltrates SSH keys.', date: '2026-11-19T00:00:00.000Z' }] };

  it('is signed with its own payload type and verifies back to the same list', async () => {
    const bundle = bundleJson(await signRevocationList(signer, list));
    expect(bundle.dsseEnvelope.payloadType).toBe(REVOCATIONS_PAYLOAD_TYPE);
    expect(await verifyRevocationList(bundle, signer.trust)).toEqual(list);
  });

  it('refuses a list signed by another key with WRONG_SIGNER', async () => {
    const bundle = await signRevocationList(newSigner(), list);
    expect((await rejection(verifyRevocationList(bundle, signer.trust))).code).toBe('WRONG_SIGNER');
  });

  it('refuses an attestation passed off as the list with BAD_PAYLOAD', async () => {
    const bundle = await signAttestation(signer, statementFor().statement);
    expect((await rejection(verifyRevocationList(bundle, signer.trust))).code).toBe('BAD_PAYLOAD');
  });
});

describe('createSigner', () => {
  let home: string;
  beforeAll(async () => {
    home = await mkdtemp(join(tmpdir(), 'skill-registry-signer-'));
  });
  afterAll(async () => {
    await rm(home, { recursive: true, force: true });
  });
  const keyConfig = RegistryConfigSchema.parse({ schemaVersion: 1 }).signing;

  describe('with no key configured', () => {
    it('creates a development key (mode 0600) outside the repository and says so, then reuses it', async () => {
      const env = { HOME: home, XDG_CONFIG_HOME: join(home, 'config') };
      const first = await createSigner(keyConfig, { env });
      const path = join(home, 'config', 'skill-registry', DEV_KEY_FILE);
      expect(first.notice).toContain(path);
      expect(first.notice).toMatch(/^Created a development signing key/);
      expect((await stat(path)).mode & 0o777).toBe(0o600);
      const second = await createSigner(keyConfig, { env });
      expect(second.notice).toMatch(/^Using a development signing key/);
      expect(second.signer.trust).toEqual(first.signer.trust);
    });

    it('falls back to ~/.config/skill-registry when XDG_CONFIG_HOME is unset', async () => {
      const { notice } = await createSigner(keyConfig, { env: { HOME: home } });
      expect(notice).toContain(join(home, '.config', 'skill-registry', DEV_KEY_FILE));
    });
  });

  it('uses signing.keyPath, then SKILL_REGISTRY_SIGNING_KEY', async () => {
    const pem = generateRegistryKeyPem();
    const path = join(home, 'registry-key.pem');
    await writeFile(path, pem, { mode: 0o600 });
    const expected = registryKeyFromPem(pem).keyId;
    const fromConfig = await createSigner({ ...keyConfig, keyPath: path }, { env: { HOME: home } });
    expect(fromConfig.notice).toBeUndefined();
    expect(fromConfig.signer.trust).toMatchObject({ mode: 'key', keyId: expected });
    const fromEnv = await createSigner(keyConfig, { env: { HOME: home, SKILL_REGISTRY_SIGNING_KEY: path } });
    expect(fromEnv.signer.trust).toMatchObject({ mode: 'key', keyId: expected });
    const bundle = await signAttestation(fromEnv.signer, statementFor().statement);
    await expect(verifyAttestation(bundle, fromConfig.signer.trust, { digest: statementFor().digest })).resolves.toBeDefined();
    // A CI secret put straight into the variable holds the PEM itself.
    const fromSecret = await createSigner(keyConfig, { env: { HOME: home, SKILL_REGISTRY_SIGNING_KEY: pem } });
    expect(fromSecret.notice).toBeUndefined();
    expect(fromSecret.signer.trust).toMatchObject({ mode: 'key', keyId: expected });
  });

  it('refuses a key that is not ECDSA P-256 with BAD_KEY, and a missing file with KEY_UNREADABLE', async () => {
    const path = join(home, 'rsa.pem');
    await writeFile(path, generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }));
    await expect(createSigner({ ...keyConfig, keyPath: path }, { env: {} })).rejects.toMatchObject({ name: 'SigningError', code: 'BAD_KEY' });
    await expect(createSigner({ ...keyConfig, keyPath: join(home, 'missing.pem') }, { env: {} })).rejects.toMatchObject({ code: 'KEY_UNREADABLE' });
    await expect(readFile(path, 'utf8')).resolves.toContain('PRIVATE KEY');
  });

  describe('in keyless mode', () => {
    it('refuses without an identity (NO_IDENTITY) and outside CI (NO_OIDC_TOKEN)', async () => {
      await expect(createSigner({ mode: 'keyless' }, { env: {} })).rejects.toBeInstanceOf(SigningError);
      await expect(createSigner({ mode: 'keyless' }, { env: {} })).rejects.toMatchObject({ code: 'NO_IDENTITY' });
      const identity = { issuer: 'https://token.actions.githubusercontent.com', subject: 'https://github.com/acme/registry/.github/workflows/publish.yml@refs/heads/main' };
      await expect(createSigner({ mode: 'keyless', identity }, { env: {} })).rejects.toMatchObject({ code: 'NO_OIDC_TOKEN' });
    });

    it('publishes the configured identity as the trust policy', async () => {
      const identity = { issuer: 'https://token.actions.githubusercontent.com', subject: 'https://github.com/acme/registry/.github/workflows/publish.yml@refs/heads/main' };
      const { signer } = await createSigner({ mode: 'keyless', identity }, { env: { ACTIONS_ID_TOKEN_REQUEST_URL: 'https://token.invalid/', ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'x' } });
      expect(signer.trust).toEqual({ schemaVersion: 1, mode: 'keyless', identity });
    });
  });
});
