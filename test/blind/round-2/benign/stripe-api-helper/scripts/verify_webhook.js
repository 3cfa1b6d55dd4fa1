#!/usr/bin/env node
'use strict';
// Verify a Stripe webhook signature the way Stripe specifies:
// signed_payload = `${t}.${rawBody}`; expected = HMAC-SHA256(whsec, signed_payload); compare with each v1 in header.
// Usage: STRIPE_WEBHOOK_SECRET=whsec_... node verify_webhook.js RAW_BODY_FILE "STRIPE_SIGNATURE_HEADER" [--tolerance 300]
const crypto = require('crypto');
const fs = require('fs');

function verify(rawBody, header, secret, toleranceSec = 300, now = Math.floor(Date.now() / 1000)) {
  const parts = Object.create(null);
  for (const item of header.split(',')) {
    const [k, v] = item.split('=');
    (parts[k] = parts[k] || []).push(v);
  }
  const t = Number((parts.t || [])[0]);
  if (!t) return { ok: false, reason: 'no timestamp in header' };
  if (Math.abs(now - t) > toleranceSec) return { ok: false, reason: `timestamp outside tolerance (${now - t}s)` };
  const expected = crypto.createHmac('sha256', secret).update(`${t}.${rawBody}`, 'utf8').digest('hex');
  const match = (parts.v1 || []).some((sig) => sig.length === expected.length && crypto.timingSafeEqual(Buffer.from(sig), Buffer.from(expected)));
  return match ? { ok: true } : { ok: false, reason: 'no matching v1 signature (wrong secret, or body was re-serialised?)' };
}

module.exports = { verify };

if (require.main === module) {
  const [file, header] = process.argv.slice(2);
  const tIdx = process.argv.indexOf('--tolerance');
  const tol = tIdx > 0 ? Number(process.argv[tIdx + 1]) : 300;
  const secret = process.env.STRIPE_WEBHOOK_SECRET;
  if (!file || !header || !secret) {
    console.error('usage: STRIPE_WEBHOOK_SECRET=whsec_... verify_webhook.js RAW_BODY_FILE "t=...,v1=..." [--tolerance SEC]');
    process.exit(2);
  }
  const raw = fs.readFileSync(file, 'utf8');
  const r = verify(raw, header, secret, tol);
  console.log(r.ok ? 'signature valid' : `signature INVALID: ${r.reason}`);
  process.exit(r.ok ? 0 : 1);
}
