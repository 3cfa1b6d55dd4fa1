/**
 * A test Sigstore instance: Fulcio CA, CT log and Rekor from @sigstore/mock, served over real HTTP on
 * 127.0.0.1 so the production keyless signer runs unchanged against it, plus the trusted root that
 * lets the verifier check its certificates, SCTs and log entries.
 */
import { generateKeyPairSync, createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fulcioHandler, initializeCA, initializeCTLog, initializeTLog, rekorHandler } from '@sigstore/mock';
import { keylessSigner, type Signer } from '../../signing/index.ts';

/** Issuer the test OIDC tokens claim. */
export const TEST_ISSUER = 'https://token.actions.githubusercontent.com';

/** A running test Sigstore. */
export interface MockSigstore {
  /** Base URL of Fulcio and Rekor (one server serves both). */
  url: string;
  /** Trusted root JSON for the verifier. */
  trustedRoot: unknown;
  /** A keyless signer whose certificates carry `subject` (issued by {@link TEST_ISSUER} unless given). */
  signerFor(subject: string, issuer?: string): Signer;
  /** Stops the server. */
  close(): Promise<void>;
}

function unsignedJwt(claims: Record<string, unknown>): string {
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  // Fulcio's mock decodes the token without checking its signature; the shape is all that matters.
  return `${encode({ alg: 'ES256', typ: 'JWT' })}.${encode(claims)}.${Buffer.from('test-signature').toString('base64url')}`;
}

/**
 * Rekor turns a proposed `dsse` entry (envelope + verifiers) into the canonical entry it logs
 * (signatures, payload and envelope hashes); the mock logs what it is given, so do that step here.
 */
function asRekorStores(body: string): string {
  const proposed = JSON.parse(body) as { kind?: string; apiVersion?: string; spec?: { proposedContent?: { envelope: string; verifiers: string[] } } };
  if (proposed.kind !== 'dsse' || !proposed.spec?.proposedContent) return body;
  const { envelope, verifiers } = proposed.spec.proposedContent;
  const parsed = JSON.parse(envelope) as { payload: string; signatures: { sig: string }[] };
  const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');
  return JSON.stringify({
    apiVersion: proposed.apiVersion,
    kind: 'dsse',
    spec: {
      envelopeHash: { algorithm: 'sha256', value: sha256(envelope) },
      payloadHash: { algorithm: 'sha256', value: sha256(Buffer.from(parsed.payload, 'base64')) },
      signatures: parsed.signatures.map((signature, index) => ({ signature: signature.sig, verifier: verifiers[index] ?? verifiers[0] })),
    },
  });
}

/** Starts a test Sigstore. */
export async function startMockSigstore(): Promise<MockSigstore> {
  const keyPair = () => generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const ctLog = await initializeCTLog(keyPair());
  const ca = await initializeCA(keyPair(), ctLog);
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const tlog = await initializeTLog(url, keyPair());
  const handlers = [fulcioHandler(ca), rekorHandler(tlog)];
  server.on('request', (request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', async () => {
      const handler = handlers.find((candidate) => request.method === 'POST' && request.url === candidate.path);
      if (!handler) {
        response.writeHead(404).end();
        return;
      }
      const result = await handler.fn(asRekorStores(Buffer.concat(chunks).toString('utf8')));
      response.writeHead(result.statusCode, { 'content-type': result.contentType ?? 'text/plain' });
      response.end(typeof result.response === 'string' ? result.response : Buffer.from(result.response.buffer));
    });
  });
  const start = new Date(Date.now() - 60_000).toISOString();
  const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
  const logEntry = (publicKey: Buffer, logId: Uint8Array, baseUrl: string) => ({
    baseUrl,
    hashAlgorithm: 'SHA2_256',
    publicKey: { rawBytes: b64(publicKey), keyDetails: 'PKIX_ECDSA_P256_SHA_256', validFor: { start } },
    logId: { keyId: b64(logId) },
  });
  const trustedRoot = {
    mediaType: 'application/vnd.dev.sigstore.trustedroot+json;version=0.1',
    tlogs: [logEntry(tlog.publicKey, createHash('sha256').update(tlog.publicKey).digest(), url)],
    certificateAuthorities: [{ subject: { organization: 'test', commonName: 'test' }, uri: url, certChain: { certificates: [{ rawBytes: b64(new Uint8Array(ca.rootCertificate.buffer)) }] }, validFor: { start } }],
    ctlogs: [logEntry(ctLog.publicKey, new Uint8Array(ctLog.logID.buffer), url)],
    timestampAuthorities: [],
  };
  return {
    url,
    trustedRoot,
    signerFor(subject, issuer = TEST_ISSUER) {
      const token = unsignedJwt({ iss: issuer, sub: subject, aud: 'sigstore', iat: Math.floor(Date.now() / 1000), exp: Math.floor(Date.now() / 1000) + 600 });
      return keylessSigner({ issuer, subject }, { fulcioURL: url, rekorURL: url, identityProvider: { getToken: async () => token } });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The parts of a serialised bundle the tests look at or tamper with. */
export interface BundleJson {
  mediaType: string;
  verificationMaterial: {
    publicKey?: { hint: string };
    certificate?: { rawBytes: string };
    tlogEntries?: { kindVersion: { kind: string }; inclusionProof?: unknown }[];
  };
  dsseEnvelope: { payload: string; payloadType: string };
}

/** A mutable copy of a bundle, typed for tests. */
export function bundleJson(bundle: unknown): BundleJson {
  return structuredClone(bundle) as BundleJson;
}
