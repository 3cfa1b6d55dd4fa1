#!/usr/bin/env node
// list | clone <we_id> | recent <we_id> | delete <we_id>   (needs STRIPE_API_KEY in env)
import Stripe from 'stripe';
import readline from 'node:readline/promises';

const key = process.env.STRIPE_API_KEY;
if (!key) { console.error('STRIPE_API_KEY not set'); process.exit(2); }
const stripe = new Stripe(key);
const mode = key.includes('_live_') ? 'LIVE' : 'test';
const [cmd, id] = process.argv.slice(2);

async function ask(q) {
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout });
  const a = (await rl.question(`${q} [y/N] `)).trim().toLowerCase();
  rl.close();
  return a === 'y' || a === 'yes';
}

console.error(`Stripe mode: ${mode}`);
switch (cmd) {
  case 'list': {
    for await (const e of stripe.webhookEndpoints.list({ limit: 100 })) {
      console.log(`${e.id}  ${e.status.padEnd(8)} ${e.url}  events=${e.enabled_events.length} api=${e.api_version ?? 'account default'}`);
    }
    break;
  }
  case 'clone': {
    const old = await stripe.webhookEndpoints.retrieve(id);
    const cfg = {
      url: old.url, enabled_events: old.enabled_events, description: `${old.description ?? ''} (rotated ${new Date().toISOString().slice(0, 10)})`.trim(),
      metadata: { ...old.metadata, rotated_from: old.id },
      ...(old.api_version ? { api_version: old.api_version } : {}),
    };
    console.log(JSON.stringify(cfg, null, 2));
    if (!(await ask(`create a new ${mode} endpoint with this config?`))) { console.log('aborted'); break; }
    const created = await stripe.webhookEndpoints.create(cfg);
    console.log(`\nnew endpoint: ${created.id}`);
    console.log(`signing secret (shown once, store it now): ${created.secret}`);
    break;
  }
  case 'recent': {
    const events = await stripe.events.list({ limit: 20, delivery_success: false });
    console.log(`recent events with failed deliveries (any endpoint): ${events.data.length}`);
    for (const e of events.data) console.log(`${e.id} ${e.type} pending_webhooks=${e.pending_webhooks}`);
    const ep = await stripe.webhookEndpoints.retrieve(id);
    console.log(`${ep.id} status=${ep.status} url=${ep.url}`);
    break;
  }
  case 'delete': {
    const ep = await stripe.webhookEndpoints.retrieve(id);
    console.log(`${ep.id} ${ep.url} (${ep.description ?? ''})`);
    if (!(await ask(`delete this ${mode} endpoint?`))) { console.log('aborted'); break; }
    await stripe.webhookEndpoints.del(id);
    console.log('deleted');
    break;
  }
  default:
    console.error('usage: webhooks.mjs list | clone <we_id> | recent <we_id> | delete <we_id>');
    process.exit(2);
}
