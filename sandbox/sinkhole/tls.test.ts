import { execFile } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Duplex } from 'node:stream';
import tls from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CertificateAuthority, parseClientHello } from './tls.ts';

/** Captures the first bytes a real TLS client sends for `serverName`. */
function clientHelloBytes(serverName: string | undefined): Promise<Buffer> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    const wire = new Duplex({
      read() {},
      write(chunk: Buffer, _encoding, callback) {
        chunks.push(chunk);
        callback();
        resolve(Buffer.concat(chunks));
      },
    });
    const socket = tls.connect({ socket: wire, servername: serverName, ALPNProtocols: ['h2', 'http/1.1'], rejectUnauthorized: false });
    socket.on('error', () => undefined);
    setTimeout(() => socket.destroy(), 500);
  });
}

describe('tls', () => {
  describe('parseClientHello', () => {
    it('reads the server name and the ALPN protocols of a real ClientHello', async () => {
      const hello = parseClientHello(await clientHelloBytes('api.example.invalid'));
      expect(hello).toEqual({ status: 'ok', hello: { serverName: 'api.example.invalid', alpn: ['h2', 'http/1.1'] } });
    });

    it('asks for more bytes when the record is cut, and refuses what is not TLS', async () => {
      const bytes = await clientHelloBytes('api.example.invalid');
      expect(parseClientHello(bytes.subarray(0, 30))).toEqual({ status: 'need-more' });
      expect(parseClientHello(Buffer.from('GET / HTTP/1.1\r\n'))).toEqual({ status: 'not-tls' });
    });
  });

  describe('CertificateAuthority', () => {
    let directory: string;
    let authority: CertificateAuthority;

    beforeAll(async () => {
      directory = await mkdtemp(join(tmpdir(), 'sinkhole-ca-'));
      authority = await CertificateAuthority.create(join(directory, 'ca'));
    });

    afterAll(async () => {
      await rm(directory, { recursive: true, force: true });
    });

    it('makes a CA certificate that is a CA and does not say "sandbox"', () => {
      const ca = new X509Certificate(authority.certificatePem);
      expect(ca.ca).toBe(true);
      expect(ca.subject).not.toMatch(/sandbox|sinkhole|test/i);
    });

    it('issues leaves for names and addresses that verify against the CA', async () => {
      for (const [host, altName] of [['api.example.invalid', 'DNS:api.example.invalid'], ['192.0.2.10', 'IP Address:192.0.2.10']] as const) {
        const leaf = await authority.leafFor(host);
        const certificate = new X509Certificate(leaf.certificatePem);
        expect(certificate.subjectAltName).toBe(altName);
        expect(certificate.verify(new X509Certificate(authority.certificatePem).publicKey)).toBe(true);
        const leafFile = join(directory, 'leaf.pem');
        const caFile = join(directory, 'ca.pem');
        await writeFile(leafFile, leaf.certificatePem);
        await writeFile(caFile, authority.certificatePem);
        const verdict = await new Promise<string>((resolve) =>
          execFile('openssl', ['verify', '-x509_strict', '-purpose', 'sslserver', '-CAfile', caFile, leafFile], (_error, stdout, stderr) => resolve(stdout + stderr)),
        );
        expect(verdict).toContain(': OK');
      }
    });

    it('issues each leaf once, also under concurrent requests', async () => {
      const names = Array.from({ length: 10 }, (_, index) => `n${index}.example.invalid`);
      const leaves = await Promise.all([...names, ...names].map((name) => authority.leafFor(name)));
      expect(leaves[0]).toBe(leaves[10]);
      expect(new Set(leaves.map((leaf) => leaf.certificatePem)).size).toBe(10);
    });

    it('gives a client-sent name it cannot put in a certificate the fallback leaf', async () => {
      const leaf = await authority.leafFor('evil/CN=x,O=y');
      expect(new X509Certificate(leaf.certificatePem).subjectAltName).toBe('DNS:localhost');
    });
  });
});
