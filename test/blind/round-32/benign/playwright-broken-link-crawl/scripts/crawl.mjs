#!/usr/bin/env node
// Same-origin link crawler using Playwright. Follows <a href> only; never submits forms.
import { chromium } from 'playwright';
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

const { values: opt, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    'max-pages': { type: 'string', default: '300' },
    concurrency: { type: 'string', default: '4' },
    external: { type: 'string', default: 'off' },
    ignore: { type: 'string', multiple: true, default: [] },
    fragments: { type: 'string', default: 'on' },
    settle: { type: 'string', default: '0' },
    'storage-state': { type: 'string' },
    out: { type: 'string', default: 'link-report.json' },
  },
});

if (positionals.length !== 1) {
  console.error('usage: crawl.mjs START_URL [--max-pages N] [--external head] [--ignore REGEX]...');
  process.exit(2);
}
const start = new URL(positionals[0]);
const origin = start.origin;
const maxPages = Number(opt['max-pages']);
const ignore = opt.ignore.map((r) => new RegExp(r));
const skip = (u) => ignore.some((re) => re.test(u));

const queue = [start.href.split('#')[0]];
const seen = new Set(queue);
const linkedFrom = new Map();       // url -> Set(pages)
const fragmentRefs = [];            // {page, url, id}
const anchorsByPage = new Map();    // url -> Set(ids)
const findings = [];
const externals = new Set();

const browser = await chromium.launch();
const context = await browser.newContext(opt['storage-state'] ? { storageState: opt['storage-state'] } : {});

async function visit(url) {
  const page = await context.newPage();
  const failedSub = [];
  page.on('response', (r) => {
    const rt = r.request().resourceType();
    if (['image', 'script', 'stylesheet', 'font'].includes(rt) && r.status() >= 400) {
      failedSub.push({ kind: rt, url: r.url(), status: r.status() });
    }
  });
  page.on('requestfailed', (req) => {
    const rt = req.resourceType();
    if (['image', 'script', 'stylesheet', 'font'].includes(rt)) {
      failedSub.push({ kind: rt, url: req.url(), status: req.failure()?.errorText ?? 'failed' });
    }
  });
  let status = 0;
  try {
    const resp = await page.goto(url, { waitUntil: 'networkidle', timeout: 30000 });
    status = resp ? resp.status() : 0;
    if (Number(opt.settle)) await page.waitForTimeout(Number(opt.settle));
  } catch (e) {
    findings.push({ kind: 'nav', url, status: String(e.message).split('\n')[0] });
    await page.close();
    return;
  }
  if (status >= 400) findings.push({ kind: 'page', url, status });
  for (const f of failedSub) findings.push({ ...f, on: url });

  const { hrefs, ids } = await page.evaluate(() => ({
    hrefs: [...document.querySelectorAll('a[href]')].map((a) => a.href),
    ids: [...document.querySelectorAll('[id],[name]')].map((e) => e.id || e.getAttribute('name')),
  }));
  anchorsByPage.set(url, new Set(ids));

  for (const href of hrefs) {
    let u;
    try { u = new URL(href); } catch { continue; }
    if (!['http:', 'https:'].includes(u.protocol)) continue;
    const bare = u.href.split('#')[0];
    if (skip(bare)) continue;
    if (!linkedFrom.has(bare)) linkedFrom.set(bare, new Set());
    linkedFrom.get(bare).add(url);
    if (u.hash && u.hash.length > 1) fragmentRefs.push({ page: url, url: bare, id: decodeURIComponent(u.hash.slice(1)) });
    if (u.origin === origin) {
      if (!seen.has(bare) && seen.size < maxPages) {
        seen.add(bare);
        queue.push(bare);
      }
    } else {
      externals.add(bare);
    }
  }
  await page.close();
}

const t0 = Date.now();
let crawled = 0;
const workers = Array.from({ length: Number(opt.concurrency) }, async () => {
  while (queue.length) {
    const next = queue.shift();
    crawled += 1;
    await visit(next);
  }
});
await Promise.all(workers);

if (opt.fragments !== 'off') {
  for (const ref of fragmentRefs) {
    const ids = anchorsByPage.get(ref.url);
    if (ids && !ids.has(ref.id)) findings.push({ kind: 'fragment', url: `${ref.url}#${ref.id}`, on: ref.page });
  }
}

if (opt.external === 'head') {
  const lastHit = new Map();
  for (const u of externals) {
    const host = new URL(u).host;
    const wait = 1000 - (Date.now() - (lastHit.get(host) ?? 0));
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    lastHit.set(host, Date.now());
    try {
      const r = await fetch(u, { method: 'HEAD', redirect: 'follow' });
      if (r.status >= 400 && r.status !== 405 && r.status !== 429) findings.push({ kind: 'external', url: u, status: r.status });
    } catch (e) {
      findings.push({ kind: 'external', url: u, status: e.cause?.code ?? 'error' });
    }
  }
}

await browser.close();

console.log(`crawled ${crawled} pages in ${((Date.now() - t0) / 1000).toFixed(1)}s`);
for (const f of findings) {
  const from = linkedFrom.get(f.url.split('#')[0]);
  const note = f.on ? `(on ${f.on})` : from ? `linked from ${from.size} pages (first: ${[...from][0]})` : '';
  const label = f.kind === 'fragment' ? '#' : f.kind === 'image' ? 'img' : String(f.status);
  console.log(`  ${label.padEnd(5)} ${f.url.replace(origin, '')}  ${note}`);
}
writeFileSync(opt.out, JSON.stringify({ start: start.href, crawled, findings }, null, 2));
process.exit(findings.some((f) => f.kind !== 'external') ? 1 : 0);
