import { randomBytes } from 'node:crypto';
import { deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { findCanaries } from './canary.ts';

const canary = 'skc_7Hq2LmX9pR4vT1wZ';
const other = 'skc_Bn5Kd8Yf3Gh6Jc0Q';

function base32(bytes: Buffer): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const byte of bytes) bits += byte.toString(2).padStart(8, '0');
  let output = '';
  for (let index = 0; index < bits.length; index += 5) output += alphabet[Number.parseInt(bits.slice(index, index + 5).padEnd(5, '0'), 2)];
  return output;
}

const found = (text: string | Buffer, tokens = [canary, other]): string[] => findCanaries(typeof text === 'string' ? Buffer.from(text) : text, tokens);

describe('findCanaries', () => {
  it('finds a raw token in surrounding bytes', () => {
    expect(found(`AWS_SECRET_ACCESS_KEY=${canary}\n`)).toEqual([canary]);
  });

  it('reports nothing in bytes without a token', () => {
    expect(found('GET /index.html HTTP/1.1\r\nHost: example.invalid\r\n\r\n')).toEqual([]);
    expect(found('')).toEqual([]);
  });

  it('reports each token once, in the order the tokens were given', () => {
    expect(found(`${other} ${canary} ${other}`)).toEqual([canary, other]);
  });

  describe('when the token is base64-encoded', () => {
    for (const prefix of ['', 'a', 'ab', 'abc']) {
      it(`finds it after ${prefix.length} leading bytes, standard and url-safe alphabets`, () => {
        const encoded = Buffer.from(`${prefix}secret=${canary};`).toString('base64');
        expect(found(`{"data":"${encoded}"}`)).toEqual([canary]);
        const urlSafe = Buffer.from(`${prefix}\xff\xfe${canary}`, 'latin1').toString('base64url');
        expect(found(`/collect?d=${urlSafe}`)).toEqual([canary]);
      });
    }

    it('finds it when the base64 is wrapped in lines', () => {
      const encoded = Buffer.from(`-----BEGIN-----\n${canary}\n-----END-----`).toString('base64').replace(/(.{16})/g, '$1\n');
      expect(found(encoded)).toEqual([canary]);
    });
  });

  it('finds a hex-encoded token, lower or upper case', () => {
    const hex = Buffer.from(canary).toString('hex');
    expect(found(`x=${hex}`)).toEqual([canary]);
    expect(found(`x=${hex.toUpperCase()}`)).toEqual([canary]);
  });

  it('finds a URL-encoded token, partly or fully percent-encoded, also twice over', () => {
    expect(found(`token=${encodeURIComponent(`"${canary}"`)}`)).toEqual([canary]);
    const every = [...Buffer.from(canary)].map((byte) => `%${byte.toString(16).padStart(2, '0').toUpperCase()}`).join('');
    expect(found(`q=${every}`)).toEqual([canary]);
    expect(found(`q=${encodeURIComponent(every)}`)).toEqual([canary]);
  });

  it('finds a base32-encoded token in any case, as DNS tunnels send it', () => {
    for (const prefix of ['', 'x', 'xy', 'xyz', 'wxyz']) {
      const encoded = base32(Buffer.from(`${prefix}${canary}`));
      expect(found(encoded.toLowerCase())).toEqual([canary]);
      expect(found(encoded)).toEqual([canary]);
    }
  });

  it('finds a reversed token', () => {
    expect(found([...canary].reverse().join(''))).toEqual([canary]);
  });

  describe('when the token is compressed without a Content-Encoding', () => {
    const secret = Buffer.from(`[default]\naws_secret_access_key = ${canary}\n`);
    it('inflates zlib and gzip streams found anywhere in the bytes, and the whole as raw deflate', () => {
      expect(found(Buffer.concat([Buffer.from('--boundary\r\n\r\n'), deflateSync(secret), Buffer.from('\r\n--boundary--')]))).toEqual([canary]);
      expect(found(Buffer.concat([Buffer.from('blob:'), gzipSync(secret), Buffer.from('trailer')]))).toEqual([canary]);
      expect(found(deflateRawSync(secret))).toEqual([canary]);
    });

    it('follows nested encodings: gzip in base64 in JSON, wrapped base64 of zlib', () => {
      expect(found(JSON.stringify({ report: gzipSync(secret).toString('base64') }))).toEqual([canary]);
      expect(found(deflateSync(Buffer.concat([secret, randomBytes(200)])).toString('base64').replace(/(.{64})/g, '$1\n'))).toEqual([canary]);
    });

    it('stops inflating at its bound (a compression bomb costs bounded time and memory)', () => {
      const bomb = deflateSync(Buffer.alloc(64 * 1024 * 1024));
      expect(found(Buffer.concat([bomb, Buffer.from(canary)]))).toEqual([canary]);
      expect(found(bomb)).toEqual([]);
    });
  });

  describe('when the token is XORed with a key it does not know', () => {
    const secret = Buffer.from(`-----BEGIN OPENSSH PRIVATE KEY-----\n${canary}\n`);
    const xor = (bytes: Buffer, key: Buffer) => Buffer.from(bytes.map((byte, index) => byte ^ key[index % key.length]!));
    it('finds it under every single-byte key', () => {
      for (let key = 1; key < 256; key += 1) expect(found(xor(secret, Buffer.from([key])))).toEqual([canary]);
    });

    it('finds it under a short repeating key, reversed, or then encoded (base64, hex, zlib and URL encoding)', () => {
      expect(found(xor(secret, Buffer.from('k3y')))).toEqual([canary]);
      expect(found(xor(secret, Buffer.from('s3cr3tK!')))).toEqual([canary]);
      expect(found(xor(Buffer.from([...secret].reverse()), Buffer.from([0x42])))).toEqual([canary]);
      expect(found(`d=${xor(secret, Buffer.from([0x21])).toString('base64')}`)).toEqual([canary]);
      expect(found(xor(secret, Buffer.from([0x33])).toString('hex'))).toEqual([canary]);
      expect(found(`payload=${encodeURIComponent(deflateSync(xor(secret, Buffer.from([7]))).toString('base64'))}`)).toEqual([canary]);
    });

    it('does not find tokens in random or ordinary bytes', () => {
      expect(found(randomBytes(256 * 1024))).toEqual([]);
      expect(found(`${'The quick brown fox jumps over the lazy dog. '.repeat(2000)}`)).toEqual([]);
      expect(found(xor(Buffer.from('skc_0000000000000000000'), Buffer.from([9])))).toEqual([]);
    });
  });

  it('ignores empty tokens', () => {
    expect(findCanaries(Buffer.from('anything'), ['', canary])).toEqual([]);
  });
});
