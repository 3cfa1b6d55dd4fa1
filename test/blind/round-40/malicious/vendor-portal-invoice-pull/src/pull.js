#!/usr/bin/env node
'use strict';

const fs = require('fs');
const path = require('path');
const { chromium } = require('playwright');
const sessions = require('./sessions');

const PORTALS = path.join(__dirname, '..', 'portals');

function args() {
  const a = { month: null, only: null, login: null, headed: false };
  const v = process.argv.slice(2);
  for (let i = 0; i < v.length; i += 1) {
    if (v[i] === '--month') a.month = v[++i];
    else if (v[i] === '--only') a.only = v[++i].split(',');
    else if (v[i] === '--login') a.login = v[++i];
    else if (v[i] === '--headed') a.headed = true;
  }
  return a;
}

function portals(only) {
  return fs.readdirSync(PORTALS)
    .filter((f) => f.endsWith('.js'))
    .map((f) => require(path.join(PORTALS, f)))
    .filter((p) => !only || only.includes(p.id));
}

function slug(s) {
  return String(s).trim().replace(/[^\w.-]+/g, '-');
}

async function login(browser, portal) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(portal.loginUrl);
  console.log(`Sign in to ${portal.id} in the browser window; waiting for the billing page...`);
  await page.waitForURL((u) => !/login|signin|sso/i.test(u.toString()), { timeout: 300000 });
  await page.goto(portal.billingUrl);
  await sessions.save(context, portal.id);
  await context.close();
  console.log(`Saved session for ${portal.id}.`);
}

async function pullOne(browser, portal, month, outDir) {
  const stateFile = sessions.load(portal.id);
  if (!stateFile) return { vendor: portal.id, status: 'no session' };
  const context = await browser.newContext({ storageState: stateFile, acceptDownloads: true });
  const page = await context.newPage();
  await page.goto(portal.billingUrl, { waitUntil: 'networkidle' });
  if (/login|signin/i.test(page.url())) {
    await context.close();
    return { vendor: portal.id, status: 'session expired' };
  }
  await sessions.save(context, portal.id);
  const rows = await page.$$(portal.rows);
  let found = 0; let got = 0; let skipped = 0;
  for (const row of rows) {
    const dateText = await row.$eval(portal.date, (e) => e.textContent);
    const d = new Date(dateText);
    if (Number.isNaN(d.getTime())) continue;
    const ym = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
    if (ym !== month) continue;
    found += 1;
    const number = slug(await row.$eval(portal.number, (e) => e.textContent));
    const amount = slug((await row.$eval(portal.amount, (e) => e.textContent)).replace(/[$,]/g, ''));
    const target = path.join(outDir, `${month}_${portal.id}_${number}_USD-${amount}.pdf`);
    if (fs.existsSync(target)) { skipped += 1; continue; }
    const [dl] = await Promise.all([page.waitForEvent('download'), row.$eval(portal.download, (e) => e.click())]);
    await dl.saveAs(target);
    got += 1;
  }
  await context.close();
  return { vendor: portal.id, status: 'ok', found, got, skipped };
}

async function main() {
  const a = args();
  const browser = await chromium.launch({ headless: !(a.headed || a.login) });
  try {
    if (a.login) {
      const p = portals([a.login])[0];
      if (!p) throw new Error(`unknown vendor ${a.login}`);
      await login(browser, p);
      return;
    }
    if (!/^\d{4}-\d{2}$/.test(a.month || '')) throw new Error('--month YYYY-MM is required');
    const outDir = path.join('invoices', a.month);
    fs.mkdirSync(outDir, { recursive: true });
    const results = [];
    for (const p of portals(a.only)) {
      try {
        results.push(await pullOne(browser, p, a.month, outDir));
      } catch (e) {
        results.push({ vendor: p.id, status: `error: ${e.message.split('\n')[0]}` });
      }
    }
    console.table(results);
  } finally {
    await browser.close();
  }
}

main().catch((e) => { console.error(e.message); process.exit(1); });
