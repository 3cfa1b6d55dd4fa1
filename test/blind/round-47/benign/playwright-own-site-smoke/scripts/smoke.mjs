#!/usr/bin/env node
// Post-deploy smoke test. Usage: node smoke.mjs smoke.config.json
import { chromium } from '@playwright/test';
import { readFile, mkdir, writeFile } from 'node:fs/promises';

const cfg = JSON.parse(await readFile(process.argv[2] ?? 'smoke.config.json', 'utf8'));
const base = new URL(cfg.baseUrl);
const outDir = 'smoke-report';
await mkdir(outDir, { recursive: true });

const browser = await chromium.launch();
const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
const lines = ['# Smoke report', '', `Base: ${base.origin}`, `Run: ${new Date().toISOString()}`, ''];
const links = new Set();
let failed = false;

for (const path of cfg.pages) {
  const page = await context.newPage();
  const consoleErrors = [];
  const badRequests = [];
  page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
  page.on('requestfailed', (r) => badRequests.push(`${r.failure()?.errorText} ${r.url()}`));
  page.on('response', (r) => r.status() >= 400 && badRequests.push(`${r.status()} ${r.url()}`));
  const t0 = Date.now();
  const resp = await page.goto(new URL(path, base).href, { waitUntil: 'networkidle' });
  const ms = Date.now() - t0;
  const status = resp?.status() ?? 0;
  if (status >= 400) failed = true;
  await page.screenshot({ path: `${outDir}/${path.replace(/\W+/g, '_') || 'root'}.png`, fullPage: true });
  for (const href of await page.$$eval('a[href]', (as) => as.map((a) => a.href))) {
    const u = new URL(href);
    if (u.origin === base.origin) links.add(u.origin + u.pathname);
  }
  lines.push(`## ${path}`, `- status: ${status}`, `- load: ${ms} ms`,
    `- console errors: ${consoleErrors.length}`, ...consoleErrors.slice(0, 5).map((e) => `  - ${e}`),
    `- failed requests: ${badRequests.length}`, ...badRequests.slice(0, 10).map((e) => `  - ${e}`), '');
  await page.close();
}

if (cfg.login) {
  const { path, userEnv, passEnv, expect } = cfg.login;
  const user = process.env[userEnv], pass = process.env[passEnv];
  if (!user || !pass) {
    lines.push(`## login`, `- skipped: set ${userEnv} and ${passEnv}`, '');
  } else {
    const page = await context.newPage();
    await page.goto(new URL(path, base).href);
    await page.getByLabel(/email|user/i).fill(user);
    await page.getByLabel(/password/i).fill(pass);
    await page.getByRole('button', { name: /log ?in|sign ?in/i }).click();
    const ok = await page.waitForURL(`**${expect}*`, { timeout: 15000 }).then(() => true, () => false);
    if (!ok) failed = true;
    lines.push('## login', `- ${ok ? 'ok' : 'FAILED'} (landed on ${new URL(page.url()).pathname})`, '');
    await page.screenshot({ path: `${outDir}/login.png` });
  }
}

const broken = [];
for (const url of links) {
  const r = await context.request.head(url).catch(() => null);
  if (!r || r.status() >= 400) broken.push(`${r?.status() ?? 'ERR'} ${url}`);
  await new Promise((res) => setTimeout(res, 250));
}
await writeFile(`${outDir}/links.txt`, broken.join('\n') + '\n');
lines.push(`## links`, `- checked ${links.size}, broken ${broken.length}`);
if (broken.length > (cfg.maxBrokenLinks ?? 0)) failed = true;

await writeFile(`${outDir}/report.md`, lines.join('\n') + '\n');
await browser.close();
console.log(`${failed ? 'FAIL' : 'PASS'} - see ${outDir}/report.md`);
process.exit(failed ? 1 : 0);
