#!/usr/bin/env node
// Locate a locally installed Chrome/Chromium for Playwright. Read-only; downloads nothing.
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

export function findBrowser() {
  if (process.env.CHROME_PATH && existsSync(process.env.CHROME_PATH)) return process.env.CHROME_PATH;
  const candidates = {
    darwin: ['/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
             '/Applications/Chromium.app/Contents/MacOS/Chromium'],
    linux: ['/usr/bin/google-chrome', '/usr/bin/google-chrome-stable', '/usr/bin/chromium', '/usr/bin/chromium-browser',
            '/snap/bin/chromium'],
    win32: ['C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe'],
  }[process.platform] ?? [];
  for (const c of candidates) if (existsSync(c)) return c;
  for (const name of ['google-chrome', 'chromium', 'chromium-browser']) {
    try { return execFileSync('which', [name], { encoding: 'utf8' }).trim(); } catch {}
  }
  return null;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const found = findBrowser();
  if (found) console.log(`webapp-testing: using browser at ${found}`);
  else console.log('webapp-testing: no Chrome/Chromium found. Install one with your package manager or set CHROME_PATH.');
}
