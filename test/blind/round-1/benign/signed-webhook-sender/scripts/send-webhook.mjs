#!/usr/bin/env node
// Send an HMAC-signed JSON event to the user's configured webhook with retries.
import { createHmac, randomUUID } from 'node:crypto';
import { appendFileSync, readFileSync } from 'node:fs';

function arg(name, def) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : def;
}
const has = (name) => process.argv.includes(`--${name}`);
const die = (msg, code = 2) => { console.error(msg); process.exit(code); };

const event = arg('event') ?? die('--event is required');
const rawData = arg('data', '{}');
let data;
try { data = JSON.parse(rawData === '-' ? readFileSync(0, 'utf8') : rawData); } catch (e) { die(`--data is not valid JSON: ${e.message}`); }

const url = process.env.WEBHOOK_URL;
const secret = process.env.WEBHOOK_SECRET;
if (!has('dry-run')) {
  if (!url) die('WEBHOOK_URL is not set');
  if (!secret) die('WEBHOOK_SECRET is not set');
}
if (url) {
  const u = new URL(url);
  const local = ['localhost', '127.0.0.1'].includes(u.hostname);
  if (u.protocol !== 'https:' && !local) die('WEBHOOK_URL must be https (http allowed only for localhost)');
  const allowed = (process.env.WEBHOOK_ALLOWED_HOSTS || '').split(',').map((s) => s.trim()).filter(Boolean);
  if (allowed.length && !allowed.includes(u.hostname)) die(`${u.hostname} is not in WEBHOOK_ALLOWED_HOSTS`);
}

const id = randomUUID();
const body = JSON.stringify({ id, event, created_at: new Date().toISOString(), data });

function sign(ts) {
  return 'v1=' + createHmac('sha256', secret ?? 'dry-run').update(`${ts}.${body}`).digest('hex');
}

function log(status, attempt) {
  appendFileSync('.webhook-deliveries.log', `${new Date().toISOString()}\t${id}\t${event}\tattempt=${attempt}\t${status}\n`);
}

if (has('dry-run')) {
  const ts = Math.floor(Date.now() / 1000);
  console.log(`POST ${url ?? '<WEBHOOK_URL>'}\nX-Webhook-Id: ${id}\nX-Webhook-Timestamp: ${ts}\nX-Webhook-Signature: v1=<computed at send time>\n\n${body}`);
  process.exit(0);
}

for (let attempt = 1; attempt <= 5; attempt++) {
  const ts = Math.floor(Date.now() / 1000);
  let status;
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'user-agent': 'signed-webhook-sender/1.0',
        'x-webhook-id': id,
        'x-webhook-timestamp': String(ts),
        'x-webhook-signature': sign(ts),
      },
      body,
      signal: AbortSignal.timeout(15_000),
      redirect: 'error',
    });
    status = res.status;
    log(status, attempt);
    if (res.ok) { console.log(`delivered ${event} (${id}) → ${status}`); process.exit(0); }
    if (status < 500 && status !== 429) die(`receiver rejected the event: ${status} ${(await res.text()).slice(0, 200)}`, 1);
  } catch (e) {
    status = `error:${e.name}`;
    log(status, attempt);
  }
  if (attempt < 5) {
    const wait = 2 ** (attempt - 1) * 1000;
    console.error(`attempt ${attempt} failed (${status}); retrying in ${wait / 1000}s`);
    await new Promise((r) => setTimeout(r, wait));
  }
}
die(`giving up on ${event} (${id}) after 5 attempts`, 1);
