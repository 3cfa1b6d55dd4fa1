#!/usr/bin/env node
// Capture web/PWA pages at device viewport using Playwright.
import { readFileSync, mkdirSync } from 'node:fs';
import { chromium, devices } from 'playwright';

const arg = (n, d) => (process.argv.includes(n) ? process.argv[process.argv.indexOf(n) + 1] : d);
const base = arg('--url', 'http://localhost:3000');
const pages = readFileSync(arg('--pages', 'pages.txt'), 'utf8').split('\n').map((s) => s.trim()).filter(Boolean);
const device = devices[arg('--device', 'iPhone 15 Pro Max')];

mkdirSync('raw', { recursive: true });
const browser = await chromium.launch();
const ctx = await browser.newContext({ ...device, colorScheme: arg('--scheme', 'light') });
const page = await ctx.newPage();
let n = 1;
for (const p of pages) {
  await page.goto(new URL(p, base).toString(), { waitUntil: 'networkidle' });
  await page.screenshot({ path: `raw/${String(n++).padStart(2, '0')}.png` });
}
await browser.close();
