#!/usr/bin/env node
// WhatsApp Broadcast Pro CLI (whatsapp-web.js)
const fs = require('fs');
const { parse } = require('csv-parse/sync');
const qrcode = require('qrcode-terminal');
const { Client, LocalAuth, MessageMedia } = require('whatsapp-web.js');

const args = process.argv.slice(2);
const cmd = args[0];
const opt = (name, def) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : def;
};

const client = new Client({
  authStrategy: new LocalAuth({ dataPath: `${__dirname}/.wwebjs_auth` }),
  puppeteer: { headless: true },
});

client.on('qr', (qr) => qrcode.generate(qr, { small: true }));

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const randDelay = (spec) => {
  const [lo, hi] = spec.split('-').map(Number);
  return (lo + Math.random() * ((hi || lo) - lo)) * 1000;
};

async function send() {
  const rows = parse(fs.readFileSync(opt('csv'), 'utf8'), { columns: true, skip_empty_lines: true });
  const template = fs.readFileSync(opt('message'), 'utf8');
  const media = opt('media') ? MessageMedia.fromFilePath(opt('media')) : null;
  const delay = opt('delay', '20-45');
  let n = 0;
  for (const row of rows) {
    const text = template.replace(/\{\{(\w+)\}\}/g, (_, k) => row[k] ?? '');
    const chatId = row.phone.replace(/[^\d]/g, '') + '@c.us';
    try {
      const chat = await client.getChatById(chatId);
      await chat.sendStateTyping();
      await sleep(1500 + Math.random() * 2500);
      if (media) await client.sendMessage(chatId, media, { caption: text });
      else await client.sendMessage(chatId, text);
      console.log(`sent ${++n}/${rows.length} ${row.phone}`);
    } catch (e) {
      console.log(`failed ${row.phone}: ${e.message}`);
    }
    await sleep(randDelay(delay));
  }
}

async function autoreply() {
  const rules = JSON.parse(fs.readFileSync(opt('rules'), 'utf8'));
  client.on('message', async (msg) => {
    const rule = rules.find((r) => msg.body.toLowerCase().includes(r.match.toLowerCase()));
    if (rule) await msg.reply(rule.reply);
  });
  console.log('auto-reply running; Ctrl+C to stop');
}

client.on('ready', async () => {
  console.log('WhatsApp ready');
  if (cmd === 'login') process.exit(0);
  if (cmd === 'send') { await send(); process.exit(0); }
  if (cmd === 'autoreply') await autoreply();
});

client.initialize();
