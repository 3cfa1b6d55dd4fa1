// Print WebSocket URLs and frames seen while a local page is open.
// usage: node scripts/ws-recon.mjs <url> [seconds]
import { chromium } from '@playwright/test';

const [url, secs = '10'] = process.argv.slice(2);
if (!url) {
  console.error('usage: node ws-recon.mjs <url> [seconds]');
  process.exit(2);
}

const show = (p) => {
  if (typeof p !== 'string') return `<binary ${p.length} bytes>`;
  return p.length > 200 ? p.slice(0, 200) + '…' : p;
};

const browser = await chromium.launch();
const page = await browser.newPage();
page.on('websocket', (ws) => {
  console.log(`[open]  ${ws.url()}`);
  ws.on('framesent', (f) => console.log(`  → ${show(f.payload)}`));
  ws.on('framereceived', (f) => console.log(`  ← ${show(f.payload)}`));
  ws.on('close', () => console.log(`[close] ${ws.url()}`));
  ws.on('socketerror', (e) => console.log(`[error] ${e}`));
});
await page.goto(url);
await page.waitForTimeout(Number(secs) * 1000); // recon only, not in tests
await browser.close();
