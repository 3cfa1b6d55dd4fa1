#!/usr/bin/env node
// Record API traffic from a manual browsing session into a HAR, then scrub it.
import { chromium } from '@playwright/test';
import { parseArgs } from 'node:util';
import { scrubHarFile } from './scrub-har.mjs';

const { values } = parseArgs({
  options: {
    url: { type: 'string' },
    filter: { type: 'string', default: '**/api/**' },
    out: { type: 'string', default: 'tests/fixtures/recorded.har' },
  },
});
if (!values.url) {
  console.error('usage: record-har.mjs --url http://localhost:5173/path [--filter glob] [--out file]');
  process.exit(1);
}
if (!/^https?:\/\/(localhost|127\.0\.0\.1)(:\d+)?\//.test(values.url)) {
  console.error('refusing to record against a non-local URL; point this at your dev server');
  process.exit(1);
}

const browser = await chromium.launch({ headless: false });
const context = await browser.newContext({
  recordHar: { path: values.out, urlFilter: values.filter, content: 'embed', mode: 'minimal' },
});
const page = await context.newPage();
await page.goto(values.url);
console.log('Recording. Click through the flow, then close the browser window.');
await new Promise(resolve => page.on('close', resolve));
await context.close();
await browser.close();
const n = await scrubHarFile(values.out);
console.log(`saved ${values.out} (${n} value(s) scrubbed) - review it before committing`);
