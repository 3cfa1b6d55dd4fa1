#!/usr/bin/env node
// Offline/PWA check for a locally served production build.
// Usage: node offline_check.mjs --url http://localhost:4173 --route / --route /about [--out dir]
import { chromium, webkit, firefox } from 'playwright';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';

const { values: opts } = parseArgs({
  options: {
    url: { type: 'string' },
    route: { type: 'string', multiple: true, default: ['/'] },
    out: { type: 'string', default: 'pwa-report' },
    browser: { type: 'string', default: 'chromium' },
    'ready-selector': { type: 'string', default: 'body *' },
    timeout: { type: 'string', default: '15000' },
    'block-third-party': { type: 'boolean', default: false },
    'check-update': { type: 'boolean', default: false },
  },
});

if (!opts.url) {
  console.error('--url is required (e.g. http://localhost:4173)');
  process.exit(2);
}
const base = new URL(opts.url);
if (!['localhost', '127.0.0.1', '[::1]'].includes(base.hostname) && base.protocol !== 'https:') {
  console.error('Service workers need https or localhost; got', base.href);
  process.exit(2);
}
const timeout = Number(opts.timeout);
const results = [];
const record = (check, status, detail = '') => {
  results.push({ check, status, detail });
  console.log(`${check.padEnd(20)} ${status.padEnd(4)} ${detail}`);
};

const engines = { chromium, webkit, firefox };
const browser = await engines[opts.browser].launch();
const context = await browser.newContext({ serviceWorkers: 'allow' });
await mkdir(opts.out, { recursive: true });

if (opts['block-third-party']) {
  await context.route('**/*', (route) => {
    const u = new URL(route.request().url());
    return u.origin === base.origin ? route.continue() : route.abort();
  });
}

const page = await context.newPage();
const failed = [];
page.on('requestfailed', (r) => failed.push({ url: r.url(), error: r.failure()?.errorText }));

// 1. Manifest
await page.goto(base.href, { waitUntil: 'load', timeout });
const manifestHref = await page.evaluate(() => document.querySelector('link[rel="manifest"]')?.href ?? null);
if (!manifestHref) {
  record('manifest', 'FAIL', 'no <link rel="manifest">');
} else {
  try {
    const res = await page.request.get(manifestHref);
    const m = await res.json();
    const problems = [];
    if (!m.name && !m.short_name) problems.push('name/short_name missing');
    if (!m.start_url) problems.push('start_url missing');
    if (!['standalone', 'fullscreen', 'minimal-ui'].includes(m.display)) problems.push(`display=${m.display}`);
    const sizes = (m.icons ?? []).flatMap((i) => (i.sizes ?? '').split(' ')).map((s) => parseInt(s, 10));
    if (!sizes.some((s) => s >= 192)) problems.push('no icon >= 192px');
    if (!sizes.some((s) => s >= 512)) problems.push('no icon >= 512px');
    for (const icon of m.icons ?? []) {
      const iconUrl = new URL(icon.src, manifestHref).href;
      const r = await page.request.get(iconUrl);
      if (!r.ok()) problems.push(`icon ${icon.src} -> ${r.status()}`);
    }
    record('manifest', problems.length ? 'FAIL' : 'ok', problems.join('; ') || `display=${m.display}`);
  } catch (e) {
    record('manifest', 'FAIL', `could not load/parse: ${e.message}`);
  }
}

// 2. Registration + control
const reg = await page
  .evaluate(async (ms) => {
    if (!('serviceWorker' in navigator)) return { error: 'serviceWorker API unavailable' };
    const ready = await Promise.race([
      navigator.serviceWorker.ready.then((r) => ({ scope: r.scope, state: r.active?.state })),
      new Promise((res) => setTimeout(() => res({ error: 'timeout waiting for ready' }), ms)),
    ]);
    return ready;
  }, timeout)
  .catch((e) => ({ error: e.message }));
if (reg.error) {
  record('service worker', 'FAIL', reg.error);
} else {
  await page.reload({ waitUntil: 'load' });
  const controlled = await page.evaluate(() => navigator.serviceWorker.controller !== null);
  record('service worker', controlled ? 'ok' : 'FAIL', `scope=${new URL(reg.scope).pathname} ${controlled ? 'controlled after reload' : 'NOT controlling page'}`);
}

// 3. Precache contents
const cacheInfo = await page.evaluate(async () => {
  const out = {};
  for (const name of await caches.keys()) {
    const c = await caches.open(name);
    out[name] = (await c.keys()).map((r) => r.url);
  }
  return out;
});
const cachedUrls = new Set(Object.values(cacheInfo).flat().map((u) => u.split('?')[0]));
const total = [...cachedUrls].length;
record('precache', total ? 'ok' : 'FAIL', `${total} entries in ${Object.keys(cacheInfo).join(', ') || '(no caches)'}`);
await writeFile(path.join(opts.out, 'caches.json'), JSON.stringify(cacheInfo, null, 2));

// 4. Offline reloads
await context.setOffline(true);
for (const route of opts.route) {
  const target = new URL(route, base).href;
  const before = failed.length;
  const label = `offline ${route}`;
  try {
    await page.goto(target, { waitUntil: 'load', timeout });
    await page.waitForSelector(opts['ready-selector'], { timeout });
    const shot = path.join(opts.out, `offline-${route.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '') || 'root'}.png`);
    await page.screenshot({ path: shot, fullPage: true });
    const misses = failed.slice(before).map((f) => f.url);
    record(label, misses.length ? 'warn' : 'ok', misses.length ? `${misses.length} failed requests (see report.json)` : `screenshot ${shot}`);
  } catch (e) {
    const hint = cachedUrls.has(target) ? '' : ' hint: route HTML not cached; check navigateFallback';
    record(label, 'FAIL', `${e.message.split('\n')[0]}${hint}`);
  }
}
await context.setOffline(false);

// 5. Optional update check
if (opts['check-update'] && !reg.error) {
  const waiting = await page.evaluate(async () => {
    const r = await navigator.serviceWorker.getRegistration();
    await r?.update();
    return Boolean(r?.waiting);
  });
  record('update', 'info', waiting ? 'a waiting worker exists (update prompt should show)' : 'no waiting worker (build unchanged)');
}

await writeFile(path.join(opts.out, 'report.json'), JSON.stringify({ url: base.href, results, failed }, null, 2));
await browser.close();
process.exit(results.some((r) => r.status === 'FAIL') ? 1 : 0);
