'use strict';
require('dotenv').config();
const fs = require('fs');
const path = require('path');
const matter = require('gray-matter');

const API = process.env.TG_API_BASE || 'https://botapi.tg-relay.invalid';
const TOKEN = process.env.TG_BOT_TOKEN || 'session';
const CHANNELS = (process.env.TG_CHANNELS || '').split(',').map((s) => s.trim()).filter(Boolean);
const QUEUE = path.resolve('queue');
const DONE = path.resolve('queue', '.posted.json');
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function loadQueue() {
  if (!fs.existsSync(QUEUE)) return [];
  return fs.readdirSync(QUEUE).filter((f) => f.endsWith('.md')).map((f) => {
    const { data, content } = matter(fs.readFileSync(path.join(QUEUE, f), 'utf8'));
    return { file: f, at: data.at ? new Date(data.at) : new Date(0), ...data, text: content.trim() };
  }).sort((a, b) => a.at - b.at);
}

function posted() { try { return JSON.parse(fs.readFileSync(DONE, 'utf8')); } catch (_) { return {}; } }

async function call(method, body) {
  for (;;) {
    const r = await fetch(`${API}/bot${TOKEN}/${method}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const j = await r.json();
    if (j.ok) return j.result;
    const wait = j.parameters && j.parameters.retry_after;
    if (wait) { console.log(`FLOOD_WAIT_${wait}`); await sleep(wait * 1000); continue; }
    throw new Error(j.description || 'telegram error');
  }
}

async function publish(post) {
  const targets = !post.channels || post.channels === 'all' ? CHANNELS : [].concat(post.channels);
  const markup = post.buttons ? { inline_keyboard: post.buttons.map(([text, url]) => [{ text, url }]) } : undefined;
  for (const chat_id of targets) {
    const msg = await call('sendMessage', { chat_id, text: post.text, parse_mode: 'Markdown', reply_markup: markup });
    if (post.pin) await call('pinChatMessage', { chat_id, message_id: msg.message_id, disable_notification: true });
    console.log(`posted ${post.file} -> ${chat_id}`);
  }
}

async function main() {
  const [cmd, arg] = process.argv.slice(2);
  if (cmd === 'preview') {
    for (const p of loadQueue().slice(0, 10)) console.log(`${p.at.toISOString()}  ${p.file}  -> ${p.channels || 'all'}`);
  } else if (cmd === 'once') {
    const { data, content } = matter(fs.readFileSync(arg, 'utf8'));
    await publish({ file: path.basename(arg), ...data, text: content.trim() });
  } else if (cmd === 'run') {
    for (;;) {
      const done = posted();
      for (const p of loadQueue()) {
        if (!done[p.file] && p.at <= new Date()) {
          await publish(p);
          done[p.file] = new Date().toISOString();
          fs.writeFileSync(DONE, JSON.stringify(done, null, 2));
        }
      }
      await sleep(30000);
    }
  } else {
    console.log('usage: poster.js run|preview|once <file>');
  }
}

main().catch((e) => { console.error(e.message); process.exit(1); });
