/**
 * TLS interception: reads the server name from a ClientHello (so a client that refuses our
 * certificate is still recorded with the host it wanted), and issues certificates from a per-run CA
 * made with `openssl`: one CA per run, one leaf per server name, made on demand and cached.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { isIP } from 'node:net';
import { join } from 'node:path';
import { SinkholeError } from './errors.ts';

/** What the first TLS record told us. */
export interface ClientHello {
  /** Server name (SNI), lower-cased, when the client sent one. */
  serverName: string | undefined;
  /** Protocols offered with ALPN (`h2`, `http/1.1` …). */
  alpn: string[];
}

/** Result of reading the start of a stream as a TLS ClientHello. */
export type ClientHelloParse = { status: 'need-more' } | { status: 'not-tls' } | { status: 'ok'; hello: ClientHello };

/** TLS record payloads are at most 16 KiB (plus slack for compression/padding the spec allows). */
const MAX_TLS_RECORD_BYTES = 16 * 1024 + 2048;

/** Whether a stream starting with these bytes is TLS (a handshake record of TLS 1.0 to 1.3). */
export function looksLikeTls(bytes: Buffer): boolean {
  return bytes.length >= 1 && bytes[0] === 0x16 && (bytes.length < 2 || bytes[1] === 0x03);
}

/** Reads the ClientHello in the first TLS record of a stream. */
export function parseClientHello(bytes: Buffer): ClientHelloParse {
  if (!looksLikeTls(bytes)) return { status: 'not-tls' };
  if (bytes.length < 5) return { status: 'need-more' };
  const recordLength = bytes.readUInt16BE(3);
  if (recordLength > MAX_TLS_RECORD_BYTES) return { status: 'not-tls' };
  if (bytes.length < 5 + recordLength) return { status: 'need-more' };
  const record = bytes.subarray(5, 5 + recordLength);
  const hello: ClientHello = { serverName: undefined, alpn: [] };
  try {
    if (record[0] !== 0x01) return { status: 'not-tls' };
    let offset = 4 + 2 + 32;
    offset += 1 + record[offset]!;
    offset += 2 + record.readUInt16BE(offset);
    offset += 1 + record[offset]!;
    if (offset + 2 > record.length) return { status: 'ok', hello };
    const extensionsEnd = Math.min(record.length, offset + 2 + record.readUInt16BE(offset));
    offset += 2;
    while (offset + 4 <= extensionsEnd) {
      const type = record.readUInt16BE(offset);
      const length = record.readUInt16BE(offset + 2);
      const data = record.subarray(offset + 4, offset + 4 + length);
      offset += 4 + length;
      if (type === 0 && data.length >= 5 && data[2] === 0) {
        const nameLength = data.readUInt16BE(3);
        hello.serverName = data.subarray(5, 5 + nameLength).toString('latin1').toLowerCase();
      } else if (type === 16 && data.length >= 2) {
        let position = 2;
        while (position < data.length) {
          const protocolLength = data[position]!;
          hello.alpn.push(data.subarray(position + 1, position + 1 + protocolLength).toString('latin1'));
          position += 1 + protocolLength;
        }
      }
    }
  } catch {
    // A truncated extension: keep what was read; the handshake itself will fail or not.
  }
  return { status: 'ok', hello };
}

/** Leaf certificates live this long; a dry run lasts minutes, and no client minds a short validity. */
const LEAF_VALIDITY_DAYS = 30;

/** The CA outlives every leaf it signs. */
const CA_VALIDITY_DAYS = 60;

/**
 * Subject of the per-run CA: it reads like a company's TLS-inspection root, which developer
 * laptops commonly trust, rather than announcing a sandbox.
 */
const CA_SUBJECT = '/C=US/O=Internal Infrastructure/OU=Network Security/CN=Internal Infrastructure Root CA';

/** openssl does more than this in one certificate only when something is wrong. */
const OPENSSL_TIMEOUT_MS = 20_000;

/**
 * openssl processes issuing leaves at once: a burst of TLS connections to many names (a scanner, a
 * flood) then queues instead of forking hundreds of processes on a 2-core machine.
 */
const MAX_CONCURRENT_ISSUES = 4;

/** Names a leaf may carry; anything else (an SNI is client-controlled) gets the fallback leaf. */
const SAFE_DNS_NAME = /^[a-z0-9_*](?:[a-z0-9_.*-]{0,251}[a-z0-9_])?$/;

/** Name of the leaf used when the client sent no usable name and connected to no usable address. */
const FALLBACK_LEAF_NAME = 'localhost';

const OPENSSL_CONFIG = `[ req ]
distinguished_name = dn
prompt = no
[ dn ]
CN = unused
[ ca_ext ]
basicConstraints = critical, CA:TRUE
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
[ leaf_ext ]
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature, keyEncipherment
extendedKeyUsage = serverAuth
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid:always
`;

/** A leaf certificate and its key, PEM. */
export interface LeafCertificate {
  certificatePem: string;
  keyPem: string;
}

/** The per-run certificate authority. */
export class CertificateAuthority {
  /** The CA certificate (PEM) the sandbox trusts. */
  readonly certificatePem: string;
  readonly #directory: string;
  readonly #leafKeyPem: string;
  readonly #leaves = new Map<string, Promise<LeafCertificate>>();
  readonly #queue: Array<() => void> = [];
  #issuing = 0;

  private constructor(directory: string, certificatePem: string, leafKeyPem: string) {
    this.#directory = directory;
    this.certificatePem = certificatePem;
    this.#leafKeyPem = leafKeyPem;
  }

  /** Makes a CA (key, certificate) and one leaf key in `directory` (private to the host side). */
  static async create(directory: string): Promise<CertificateAuthority> {
    await mkdir(directory, { recursive: true, mode: 0o700 });
    await writeFile(join(directory, 'openssl.cnf'), OPENSSL_CONFIG, { mode: 0o600 });
    await openssl(directory, [
      'req', '-x509', '-new', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes',
      '-keyout', 'ca.key', '-out', 'ca.pem', '-subj', CA_SUBJECT, '-days', String(CA_VALIDITY_DAYS),
      '-config', 'openssl.cnf', '-extensions', 'ca_ext', '-set_serial', serial(),
    ]);
    await openssl(directory, ['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', 'leaf.key']);
    const [certificatePem, leafKeyPem] = await Promise.all([
      readFile(join(directory, 'ca.pem'), 'utf8'),
      readFile(join(directory, 'leaf.key'), 'utf8'),
    ]);
    return new CertificateAuthority(directory, certificatePem, leafKeyPem);
  }

  /** A leaf for `host` (a DNS name or an IP address), made once per host and then cached. */
  leafFor(host: string | undefined): Promise<LeafCertificate> {
    const name = normaliseHost(host);
    let leaf = this.#leaves.get(name);
    if (leaf === undefined) {
      leaf = this.#issue(name);
      this.#leaves.set(name, leaf);
      // A failed issue is not cached: the next connection tries again.
      leaf.catch(() => this.#leaves.delete(name));
    }
    return leaf;
  }

  async #issue(name: string): Promise<LeafCertificate> {
    // A finishing issue hands its slot straight to the next waiter, so the count never overshoots.
    if (this.#issuing >= MAX_CONCURRENT_ISSUES) await new Promise<void>((resolve) => this.#queue.push(resolve));
    else this.#issuing += 1;
    try {
      return await this.#sign(name);
    } finally {
      const next = this.#queue.shift();
      if (next !== undefined) next();
      else this.#issuing -= 1;
    }
  }

  async #sign(name: string): Promise<LeafCertificate> {
    const subjectAltName = isIP(name) !== 0 ? `IP:${name}` : `DNS:${name}`;
    const certificatePem = await openssl(this.#directory, [
      'req', '-new', '-key', 'leaf.key', '-subj', `/CN=${name}`, '-config', 'openssl.cnf',
      '-extensions', 'leaf_ext', '-addext', `subjectAltName=${subjectAltName}`,
      '-CA', 'ca.pem', '-CAkey', 'ca.key', '-days', String(LEAF_VALIDITY_DAYS), '-set_serial', serial(),
    ]);
    return { certificatePem: `${certificatePem.trim()}\n${this.certificatePem.trim()}\n`, keyPem: this.#leafKeyPem };
  }
}

function normaliseHost(host: string | undefined): string {
  if (host === undefined) return FALLBACK_LEAF_NAME;
  const lowered = host.toLowerCase().replace(/\.$/, '');
  if (isIP(lowered) !== 0) return lowered;
  return SAFE_DNS_NAME.test(lowered) ? lowered : FALLBACK_LEAF_NAME;
}

function serial(): string {
  // Positive 127-bit serial: random, as the baseline requirements ask, and never negative.
  const bytes = randomBytes(16);
  bytes[0] = bytes[0]! & 0x7f;
  return `0x${bytes.toString('hex')}`;
}

function openssl(directory: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('openssl', args, { cwd: directory, timeout: OPENSSL_TIMEOUT_MS, encoding: 'utf8' }, (error, stdout, stderr) => {
      if (error !== null) {
        const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
        reject(
          new SinkholeError(
            missing ? 'TOOL_MISSING' : 'CERTIFICATE_FAILED',
            missing
              ? 'openssl is not installed, so the sinkhole cannot make its per-run CA. Install it (`apt-get install -y openssl`).'
              : `openssl ${args[0]} failed while making the sinkhole's certificates: ${stderr.trim() || error.message}. Check that \`openssl version\` reports OpenSSL 3.`,
            { cause: error },
          ),
        );
        return;
      }
      resolve(stdout);
    });
  });
}
