#!/usr/bin/env node
// Serve a built dashboard with `vite preview`, screenshot it at several widths, stop the server.
// Usage: node shoot.mjs --dir dist --widths 1440,1024,390 [--port 4319] [--out screenshots]
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { chromium } from '@playwright/test';

const args = Object.fromEntries(
  process.argv.slice(2).reduce((acc, cur, i, all) => (cur.startsWith('--') ? [...acc, [cur.slice(2), all[i + 1]]] : acc), []),
);
const dir = args.dir ?? 'dist';
const port = Number(args.port ?? 4319);
const widths = (args.widths ?? '1440,1024,390').split(',').map(Number);
const out = args.out ?? 'screenshots';
const url = `http://127.0.0.1:${port}/`;

const server = spawn('npx', ['vite', 'preview', '--outDir', dir, '--port', String(port), '--strictPort', '--host', '127.0.0.1'], {
  stdio: ['ignore', 'pipe', 'inherit'],
});

async function waitForServer(timeoutMs = 20000) {
  const start = Date.now();
  while (Date.now() - start < timeoutMs) {
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch { /* not up yet */ }
    await sleep(250);
  }
  throw new Error(`server did not start on ${url}`);
}

try {
  await waitForServer();
  mkdirSync(out, { recursive: true });
  const browser = await chromium.launch();
  for (const width of widths) {
    const page = await browser.newPage({ viewport: { width, height: 900 }, reducedMotion: 'reduce' });
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.goto(url, { waitUntil: 'networkidle' });
    const file = `${out}/dashboard-${width}.png`;
    await page.screenshot({ path: file, fullPage: true });
    console.log(`${file}${errors.length ? `  (${errors.length} console errors: ${errors[0]})` : ''}`);
    await page.close();
  }
  await browser.close();
} finally {
  server.kill('SIGTERM');
}
