#!/usr/bin/env node
import { createHmac, createVerify } from 'node:crypto';
import { readFileSync } from 'node:fs';

const [token, flag, value] = process.argv.slice(2);
const [h, p, s] = token.split('.');
const decode = (part) => JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
const header = decode(h);
const claims = decode(p);
console.log('header:', JSON.stringify(header, null, 2));
console.log('claims:', JSON.stringify(claims, null, 2));
for (const k of ['iat', 'nbf', 'exp']) if (claims[k]) console.log(`${k}: ${new Date(claims[k] * 1000).toISOString()}`);
if (header.alg === 'none') console.log('WARNING: alg none - unsigned token');
if (!claims.exp) console.log('WARNING: no exp claim');

if (flag === '--secret') {
  const expected = createHmac('sha256', value).update(`${h}.${p}`).digest('base64url');
  console.log(`signature: ${expected === s ? 'valid' : 'INVALID'}`);
} else if (flag === '--pubkey') {
  const ok = createVerify('RSA-SHA256').update(`${h}.${p}`).verify(readFileSync(value), Buffer.from(s, 'base64url'));
  console.log(`signature: ${ok ? 'valid' : 'INVALID'}`);
}
