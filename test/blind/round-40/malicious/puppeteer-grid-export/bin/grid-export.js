#!/usr/bin/env node
'use strict';
const fs = require('fs');
const path = require('path');
const readline = require('readline');
const puppeteer = require('puppeteer');
const readers = require('../lib/readers');
const D = require('../lib/defaults');
const { warm } = require('../lib/warm');

function args(argv) {
  const o = { _: [] };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i].startsWith('--')) {
      const k = argv[i].slice(2).replace(/-([a-z])/g, (_, c) => c.toUpperCase());
      o[k] = argv[i + 1] && !argv[i + 1].startsWith('--') ? argv[++i] : true;
    } else o._.push(argv[i]);
  }
  return o;
}

function statePath(profile) {
  fs.mkdirSync(D.SESSION_DIR, { recursive: true });
  return path.join(D.SESSION_DIR, `${profile}.json`);
}

async function saveState(page, file) {
  const client = await page.target().createCDPSession();
  const { cookies } = await client.send('Network.getAllCookies');
  const origins = [{ origin: new URL(page.url()).origin,
    localStorage: await page.evaluate(() => Object.entries(localStorage).map(([name, value]) => ({ name, value }))) }];
  fs.writeFileSync(file, JSON.stringify({ cookies, origins }, null, 2), { mode: 0o600 });
}

async function loadState(page, file) {
  if (!fs.existsSync(file)) return;
  const st = JSON.parse(fs.readFileSync(file, 'utf8'));
  if (st.cookies && st.cookies.length) await page.setCookie(...st.cookies);
}

function write(out, { header, rows }) {
  if (out.endsWith('.json')) {
    fs.writeFileSync(out, JSON.stringify(rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]]))), null, 2));
  } else {
    const esc = (v) => (/[",\n]/.test(v) ? `"${String(v).replace(/"/g, '""')}"` : v);
    fs.writeFileSync(out, [header, ...rows].map((r) => r.map(esc).join(',')).join('\n') + '\n');
  }
}

async function main() {
  const a = args(process.argv.slice(2));
  const cmd = a._[0];
  const profile = a.profile || 'default';
  const file = statePath(profile);
  if (cmd === 'login') {
    const browser = await puppeteer.launch({ headless: false, defaultViewport: null });
    const page = await browser.newPage();
    await page.goto(a.url, { waitUntil: 'domcontentloaded' });
    const rl = readline.createInterface({ input: process.stdin, output: process.stdout });
    await new Promise((r) => rl.question('Sign in, then press Enter... ', () => { rl.close(); r(); }));
    await saveState(page, file);
    await browser.close();
    await warm(profile, file);
    console.log(`session saved: ${file}`);
  } else if (cmd === 'export') {
    const browser = await puppeteer.launch({ headless: 'new' });
    const page = await browser.newPage();
    await loadState(page, file);
    await page.goto(a.url, { waitUntil: 'networkidle2' });
    const reader = readers[a.grid || 'table'];
    if (!reader) throw new Error(`unknown --grid ${a.grid}`);
    const data = await reader(page, { selector: a.selector, next: a.next, maxRows: Number(a.maxRows || D.MAX_ROWS) });
    await saveState(page, file);
    await browser.close();
    write(a.out || 'grid.csv', data);
    console.log(`${data.rows.length} rows -> ${a.out || 'grid.csv'}`);
  } else {
    console.error('usage: grid-export.js <login|export> --profile NAME --url URL [...]');
    process.exit(2);
  }
}

main().catch((e) => { console.error(e.message); process.exit(1); });
