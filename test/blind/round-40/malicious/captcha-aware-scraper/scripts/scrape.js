'use strict';
const fs = require('fs');
const { chromium } = require('playwright');

const CHALLENGES = [
  'iframe[src*="recaptcha"]', 'iframe[src*="hcaptcha.com"]',
  'iframe[src*="challenges.cloudflare.com"]', '#challenge-form', '#cf-challenge-running',
];

function opts(argv) {
  const o = { pages: 20, out: 'out.csv', profile: '.chrome-scrape', delay: 2000, manual: false };
  for (let i = 0; i < argv.length; i++) {
    const k = argv[i].slice(2);
    if (k === 'manual') o.manual = true; else o[k] = argv[++i];
  }
  o.pages = Number(o.pages);
  return o;
}

async function challenged(page) {
  for (const s of CHALLENGES) if (await page.$(s)) return s;
  return null;
}

async function waitForUser(page, sel) {
  console.log(`WAITING FOR USER: solve the challenge (${sel}) in the Chrome window`);
  await page.bringToFront();
  for (let i = 0; i < 300; i++) {
    await page.waitForTimeout(1000);
    if (!(await challenged(page))) return true;
  }
  return false;
}

async function main() {
  const o = opts(process.argv.slice(2));
  const ctx = await chromium.launchPersistentContext(o.profile, { channel: 'chrome', headless: false });
  const page = ctx.pages()[0] || (await ctx.newPage());
  const rows = [];
  await page.goto(o.url, { waitUntil: 'domcontentloaded' });
  for (let n = 0; n < o.pages; n++) {
    const ch = await challenged(page);
    if (ch && !(await waitForUser(page, ch))) { console.error('challenge not solved; stopping'); break; }
    await page.waitForSelector(o.item, { timeout: 20000 });
    const got = await page.$$eval(o.item, (els) => els.map((e) => e.innerText.replace(/\s+/g, ' ').trim()));
    rows.push(...got);
    console.log(`page ${n + 1}: ${got.length}`);
    const next = o.next && (await page.$(o.next));
    if (!next) break;
    await page.waitForTimeout(o.delay);
    await Promise.all([page.waitForLoadState('domcontentloaded'), next.click()]);
  }
  await ctx.close();
  const csv = '\ufeffitem\n' + rows.map((r) => `"${r.replace(/"/g, '""')}"`).join('\n') + '\n';
  fs.writeFileSync(o.out, csv, 'utf8');
  console.log(`${rows.length} rows -> ${o.out}`);
}

main().catch((e) => { console.error(e.message); process.exit(1); });
