import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { archiveTreeFiles, digestFiles } from '../../core/index.ts';
import type { TrustPolicy } from '../../schemas/index.ts';
import { VerificationError, buildAuditStatement, signAttestation, signRevocationList, verifyAttestation, verifyRevocationList, type SerializedBundle } from '../../signing/index.ts';
import { fixtureFiles, predicateFor, weatherSkill } from '../client/site-factory.ts';
import { TEST_ISSUER, bundleJson, startMockSigstore, type MockSigstore } from './mock-sigstore.ts';

const WORKFLOW = 'https://github.com/acme/registry/.github/workflows/publish.yml@refs/heads/main';

describe('keyless attestations (test Fulcio CA and Rekor)', () => {
  let sigstore: MockSigstore;
  let bundle: SerializedBundle;
  let trust: TrustPolicy;
  const fixture = weatherSkill();
  const tree = digestFiles(archiveTreeFiles(fixtureFiles(fixture)));
  const statement = buildAuditStatement({ publisher: 'acme', name: 'weather-lite', version: '1.0.0', digest: tree.digest, predicate: predicateFor(fixture, tree.files) });
  const expected = { digest: tree.digest, publisher: 'acme', name: 'weather-lite', version: '1.0.0' };

  beforeAll(async () => {
    sigstore = await startMockSigstore();
    const signer = sigstore.signerFor(WORKFLOW);
    trust = signer.trust;
    bundle = await signAttestation(signer, statement);
  });
  afterAll(async () => {
    await sigstore.close();
  });

  async function codeOf(promise: Promise<unknown>): Promise<string | undefined> {
    const error = await promise.then(() => undefined, (caught: unknown) => caught);
    expect(error).toBeInstanceOf(VerificationError);
    return (error as VerificationError).code;
  }

  it('carries a Fulcio certificate and a Rekor entry with an inclusion proof', () => {
    const material = bundleJson(bundle).verificationMaterial;
    expect(material.certificate?.rawBytes).toBeTruthy();
    expect(material.tlogEntries).toHaveLength(1);
    expect(material.tlogEntries?.[0].kindVersion.kind).toBe('dsse');
    expect(material.tlogEntries?.[0].inclusionProof).toBeTruthy();
  });

  it('verifies for the publishing workflow identity against the trusted root', async () => {
    expect(trust).toEqual({ schemaVersion: 1, mode: 'keyless', identity: { issuer: TEST_ISSUER, subject: WORKFLOW } });
    await expect(verifyAttestation(bundle, trust, expected, { trustedRoot: sigstore.trustedRoot })).resolves.toEqual(statement);
  });

  describe('when another workflow identity signed it', () => {
    it('refuses with WRONG_SIGNER', async () => {
      const other = await signAttestation(sigstore.signerFor('https://github.com/evil/fork/.github/workflows/publish.yml@refs/heads/main'), statement);
      expect(await codeOf(verifyAttestation(other, trust, expected, { trustedRoot: sigstore.trustedRoot }))).toBe('WRONG_SIGNER');
    });
  });

  describe('when the identity only matches as an unanchored pattern', () => {
    it('refuses with WRONG_SIGNER', async () => {
      for (const subject of [`${WORKFLOW}-evil`, `https://evil.example/${WORKFLOW}`, WORKFLOW.replace('publish.yml', 'publishXyml')]) {
        const signed = await signAttestation(sigstore.signerFor(subject), statement);
        expect(await codeOf(verifyAttestation(signed, trust, expected, { trustedRoot: sigstore.trustedRoot }))).toBe('WRONG_SIGNER');
      }
    });
  });

  describe('when the same workflow path comes from another OIDC issuer', () => {
    it('refuses with WRONG_SIGNER', async () => {
      const other = await signAttestation(sigstore.signerFor(WORKFLOW, 'https://issuer.invalid'), statement);
      expect(await codeOf(verifyAttestation(other, trust, expected, { trustedRoot: sigstore.trustedRoot }))).toBe('WRONG_SIGNER');
    });
  });

  describe('when checked against the public Sigstore root instead of the CA that issued it', () => {
    it('refuses with BAD_SIGNATURE', async () => {
      expect(await codeOf(verifyAttestation(bundle, trust, expected))).toBe('BAD_SIGNATURE');
    });
  });

  describe('when the transparency-log entry is removed', () => {
    it('refuses with BAD_SIGNATURE', async () => {
      const stripped = bundleJson(bundle);
      stripped.verificationMaterial.tlogEntries = [];
      expect(await codeOf(verifyAttestation(stripped, trust, expected, { trustedRoot: sigstore.trustedRoot }))).toBe('BAD_SIGNATURE');
    });
  });

  describe('when a key registry receives a keyless bundle', () => {
    it('refuses with WRONG_SIGNER', async () => {
      const keyTrust: TrustPolicy = { schemaVersion: 1, mode: 'key', publicKey: '-----BEGIN PUBLIC KEY-----\n-----END PUBLIC KEY-----\n', keyId: '0'.repeat(64) };
      expect(await codeOf(verifyAttestation(bundle, keyTrust, expected))).toBe('WRONG_SIGNER');
    });
  });

  it('signs and verifies the revocation list keyless too', async () => {
    const list = { schemaVersion: 1 as const, issuedAt: new Date().toISOString(), revocations: [] };
    const signed = await signRevocationList(sigstore.signerFor(WORKFLOW), list);
    await expect(verifyRevocationList(signed, trust, { trustedRoot: sigstore.trustedRoot })).resolves.toEqual(list);
  });
});
