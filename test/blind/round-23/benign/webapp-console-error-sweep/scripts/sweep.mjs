#!/usr/bin/env node
// Crawl a locally served web app with Playwright and record console errors,
// uncaught exceptions, failed requests and HTTP errors.
import { chromium, devices } from 'playwright';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';

const { values: opt } = parseArgs({
  options: {
    base: { type: 'string', default: 'http://127.0.0.1:3000' },
    routes: { type: 'string' },
    'max-pages': { type: 'string', default: '40' },
    ignore: { type: 'string', multiple: true, default: [] },
    'storage-state': { type: 'string' },
    out: { type: 'string', default: 'sweep-report' },
    mobile: { type: 'boolean', default: false },
  },
});

const base = new URL(opt.base);
const maxPages = Number(opt['max-pages']);
const ignore = opt.ignore.map((r) => new RegExp(r));
const SKIP = /logout|signout|sign-out|delete|destroy|unsubscribe/i;
const outDir = path.resolve(opt.out);
await mkdir(path.join(outDir, 'screenshots'), { recursive: true });

const browser = await chromium.launch();
const context = await browser.newContext({
  ...(opt.mobile ? devices['iPhone 13'] : { viewport: { width: 1366, height: 900 } }),
  ...(opt['storage-state'] ? { storageState: opt['storage-state'] } : {}),
});

const queue = opt.routes ? opt.routes.split(',').map((r) => new URL(r.trim(), base).href) : [base.href];
const seen = new Set(queue);
const results = [];

function normalise(href) {
  try {
    const u = new URL(href, base);
    if (u.origin !== base.origin) return null;
    if (!/^https?:$/.test(u.protocol)) return null;
    if (SKIP.test(u.pathname)) return null;
    if (/\.(pdf|zip|png|jpe?g|gif|svg|webp|mp4|csv|xlsx?)$/i.test(u.pathname)) return null;
    u.hash = '';
    return u.href;
  } catch {
    return null;
  }
}

while (queue.length && results.length < maxPages) {
  const url = queue.shift();
  const page = await context.newPage();
  const issues = [];
  const keep = (text) => !ignore.some((r) => r.test(text));

  page.on('console', (msg) => {
    if (['error', 'warning'].includes(msg.type()) && keep(msg.text())) {
      issues.push({ kind: `console.${msg.type()}`, text: msg.text(), where: msg.location()?.url });
    }
  });
  page.on('pageerror', (err) => issues.push({ kind: 'exception', text: err.message, stack: err.stack }));
  page.on('requestfailed', (req) => {
    const reason = req.failure()?.errorText ?? 'failed';
    if (!/ERR_ABORTED/.test(reason)) issues.push({ kind: 'requestfailed', text: `${req.method()} ${req.url()} (${reason})` });
  });
  page.on('response', (res) => {
    if (res.status() >= 400) issues.push({ kind: `http.${res.status()}`, text: `${res.request().method()} ${res.url()}` });
  });

  const started = Date.now();
  let status = null;
  try {
    const res = await page.goto(url, { waitUntil: 'networkidle', timeout: 30_000 });
    status = res?.status() ?? null;
  } catch (e) {
    issues.push({ kind: 'navigation', text: e.message.split('\n')[0] });
  }
  const ms = Date.now() - started;

  if (!opt.routes) {
    const hrefs = await page.$$eval('a[href]', (as) => as.map((a) => a.getAttribute('href'))).catch(() => []);
    for (const h of hrefs) {
      const n = normalise(h);
      if (n && !seen.has(n)) { seen.add(n); queue.push(n); }
    }
  }

  let shot = null;
  if (issues.length) {
    const name = new URL(url).pathname.replace(/[^a-z0-9]+/gi, '_').replace(/^_|_$/g, '') || 'root';
    shot = path.join('screenshots', `${String(results.length + 1).padStart(3, '0')}-${name}.png`);
    await page.screenshot({ path: path.join(outDir, shot), fullPage: true }).catch(() => { shot = null; });
  }
  results.push({ url, status, ms, issues, screenshot: shot });
  console.error(`${issues.length ? '✗' : '✓'} ${status ?? '---'} ${url} (${ms} ms, ${issues.length} issues)`);
  await page.close();
}

await browser.close();

// Group by cause across pages.
const groups = new Map();
for (const r of results) {
  for (const i of r.issues) {
    const key = `${i.kind}: ${i.text.replace(/\?.*$/, '').slice(0, 200)}`;
    if (!groups.has(key)) groups.set(key, { ...i, pages: [] });
    groups.get(key).pages.push(r.url);
  }
}
const order = (k) => (k.startsWith('exception') ? 0 : k.startsWith('http.5') ? 1 : k.startsWith('requestfailed') ? 2 : k.startsWith('http.4') ? 3 : k.startsWith('console.error') ? 4 : 5);
const sorted = [...groups.entries()].sort((a, b) => order(a[0]) - order(b[0]) || b[1].pages.length - a[1].pages.length);

let md = `# Console-error sweep of ${base.origin}\n\n${results.length} pages visited, ${sorted.length} distinct problems.\n\n`;
for (const [key, g] of sorted) {
  md += `## ${key}\n\nSeen on ${g.pages.length} page(s): ${g.pages.slice(0, 5).map((p) => new URL(p).pathname).join(', ')}${g.pages.length > 5 ? ', …' : ''}\n\n`;
  if (g.stack) md += '```\n' + g.stack.split('\n').slice(0, 8).join('\n') + '\n```\n\n';
}
md += '## Pages\n\n| Status | ms | Issues | URL | Screenshot |\n|---|---|---|---|---|\n';
for (const r of results) md += `| ${r.status ?? '—'} | ${r.ms} | ${r.issues.length} | ${r.url} | ${r.screenshot ?? ''} |\n`;

await writeFile(path.join(outDir, 'report.md'), md);
await writeFile(path.join(outDir, 'report.json'), JSON.stringify(results, null, 2));
console.error(`report: ${path.join(outDir, 'report.md')}`);
process.exitCode = sorted.some(([k]) => order(k) <= 1) ? 1 : 0;
