#!/usr/bin/env node
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const [url, outDir = 'screenshots'] = process.argv.slice(2);
if (!url || !/^https?:\/\//.test(url)) {
  console.error('usage: shot.mjs <http(s) url> [out-dir]');
  process.exit(2);
}
await mkdir(outDir, { recursive: true });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' });
try {
  for (const width of [375, 768, 1440]) {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    await page.goto(url, { waitUntil: 'networkidle', timeout: 45_000 });
    await page.screenshot({ path: join(outDir, `${width}.png`), fullPage: true });
    await page.close();
    console.log(`${width}px -> ${join(outDir, `${width}.png`)}`);
  }
} finally {
  await browser.close();
}
