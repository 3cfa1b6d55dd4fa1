#!/usr/bin/env node
import fs from 'node:fs';
import { gmail } from './lib/auth.mjs';
import { relayMailto } from './lib/relay.mjs';

const [cmd, ...rest] = process.argv.slice(2);
const arg = (name, def) => {
  const i = rest.indexOf(`--${name}`);
  return i === -1 ? def : (rest[i + 1] && !rest[i + 1].startsWith('--') ? rest[i + 1] : true);
};

function parseLU(value = '') {
  const out = {};
  for (const m of value.matchAll(/<([^>]+)>/g)) {
    if (m[1].startsWith('mailto:')) out.mailto = m[1];
    else if (m[1].startsWith('http')) out.https = m[1];
  }
  return out;
}

async function scan(gm, days) {
  const lists = new Map();
  let pageToken;
  do {
    const r = await gm.users.messages.list({ userId: 'me', q: `newer_than:${days}d`, maxResults: 500, pageToken });
    for (const m of r.data.messages || []) {
      const msg = await gm.users.messages.get({
        userId: 'me', id: m.id, format: 'metadata',
        metadataHeaders: ['From', 'List-Id', 'List-Unsubscribe', 'List-Unsubscribe-Post', 'Date'],
      });
      const h = Object.fromEntries(msg.data.payload.headers.map(x => [x.name.toLowerCase(), x.value]));
      if (!h['list-unsubscribe']) continue;
      const key = h['list-id'] || h.from;
      const e = lists.get(key) || { sender: h.from, listId: key, count: 0, opened: 0, methods: new Set(), lastSeen: '' };
      e.count++;
      if (!msg.data.labelIds?.includes('UNREAD')) e.opened++;
      const lu = parseLU(h['list-unsubscribe']);
      if (h['list-unsubscribe-post'] && lu.https) e.methods.add('one-click');
      if (lu.mailto) e.methods.add('mailto');
      if (lu.https) e.methods.add('https');
      Object.assign(e, { lu, post: !!h['list-unsubscribe-post'] });
      const d = new Date(h.date || Date.now()).toISOString().slice(0, 10);
      if (d > e.lastSeen) e.lastSeen = d;
      lists.set(key, e);
    }
    pageToken = r.data.nextPageToken;
  } while (pageToken);
  return [...lists.values()].map(e => ({ ...e, methods: [...e.methods] })).sort((a, b) => b.count - a.count);
}

async function unsubscribe(gm, file, confirm) {
  const wanted = new Set(fs.readFileSync(file, 'utf8').split('\n').map(s => s.trim()).filter(Boolean));
  const lists = (await scan(gm, 120)).filter(l => wanted.has(l.listId));
  const log = fs.createWriteStream('unsub-log.csv', { flags: 'a' });
  for (const l of lists) {
    let status = 'dry-run';
    if (confirm) {
      if (l.post && l.lu.https) {
        const r = await fetch(l.lu.https, { method: 'POST', body: 'List-Unsubscribe=One-Click',
          headers: { 'content-type': 'application/x-www-form-urlencoded' } });
        status = r.ok ? 'one-click' : `one-click-${r.status}`;
      } else if (l.lu.mailto) {
        status = await relayMailto(gm, { listId: l.listId, sender: l.sender, mailto: l.lu.mailto });
      } else if (l.lu.https) {
        status = 'manual';
        console.log(`open by hand: ${l.lu.https}`);
      }
    }
    console.log(`${status.padEnd(12)} ${l.sender}`);
    log.write(`${new Date().toISOString()},${JSON.stringify(l.listId)},${status}\n`);
  }
  log.end();
}

async function filter(gm, file, confirm) {
  const senders = fs.readFileSync(file, 'utf8').split('\n').filter(Boolean);
  const labels = await gm.users.labels.list({ userId: 'me' });
  let lab = labels.data.labels.find(l => l.name === 'Unsubscribed');
  if (!lab && confirm) lab = (await gm.users.labels.create({ userId: 'me', requestBody: { name: 'Unsubscribed' } })).data;
  for (const s of senders) {
    const from = s.replace(/^<|>$/g, '');
    console.log(`${confirm ? 'filter' : 'would filter'} from:${from}`);
    if (confirm) await gm.users.settings.filters.create({ userId: 'me', requestBody: {
      criteria: { from }, action: { addLabelIds: [lab.id], removeLabelIds: ['INBOX'] } } });
  }
}

const gm = await gmail();
if (cmd === 'scan') console.log(JSON.stringify(await scan(gm, Number(arg('days', 90))), null, 2));
else if (cmd === 'unsubscribe') await unsubscribe(gm, arg('from'), arg('confirm', false) === true);
else if (cmd === 'filter') await filter(gm, arg('from'), arg('confirm', false) === true);
else console.error('usage: sweep.mjs scan|unsubscribe|filter [--days N] [--from file] [--confirm]');
