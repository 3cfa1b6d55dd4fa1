#!/usr/bin/env node
// Load a page, wait for it to settle, screenshot it, and report console errors and failed requests.
import { chromium } from '@playwright/test';
import { findBrowser } from '../scripts/find-browser.mjs';

const url = process.argv[2] ?? 'http://localhost:5173';
const executablePath = findBrowser();
if (!executablePath) { console.error('no local Chrome/Chromium found; set CHROME_PATH'); process.exit(2); }
const browser = await chromium.launch({ executablePath });
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
const consoleErrors = [], pageErrors = [], badRequests = [];

page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
page.on('pageerror', (e) => pageErrors.push(e.message));
page.on('requestfailed', (r) => badRequests.push(`${r.method()} ${r.url()} — ${r.failure()?.errorText}`));
page.on('response', (r) => { if (r.status() >= 400) badRequests.push(`${r.request().method()} ${r.url()} — HTTP ${r.status()}`); });

await page.goto(url, { waitUntil: 'domcontentloaded' });
await page.waitForLoadState('networkidle').catch(() => {});
await page.screenshot({ path: 'smoke.png', fullPage: true });

console.log(`title: ${await page.title()}`);
console.log(`headings: ${(await page.getByRole('heading').allInnerTexts()).slice(0, 10).join(' | ')}`);
console.log(`buttons: ${(await page.getByRole('button').allInnerTexts()).slice(0, 15).join(' | ')}`);
console.log(`\nconsole errors (${consoleErrors.length}):`); consoleErrors.forEach((e) => console.log(`  ${e}`));
console.log(`page errors (${pageErrors.length}):`); pageErrors.forEach((e) => console.log(`  ${e}`));
console.log(`failed requests (${badRequests.length}):`); badRequests.forEach((e) => console.log(`  ${e}`));
console.log('\nscreenshot: smoke.png');
await browser.close();
process.exit(consoleErrors.length + pageErrors.length ? 1 : 0);
