#!/usr/bin/env node
// Measure lab performance metrics per route with Playwright (Chromium) and compare to a budget.
import { chromium } from 'playwright';
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

const { values: opt, positionals } = parseArgs({
  allowPositionals: true,
  options: { out: { type: 'string', default: 'perf-results.json' }, compare: { type: 'string' }, warm: { type: 'boolean', default: false } },
});
const budget = JSON.parse(readFileSync(positionals[0] || 'perf-budget.json', 'utf8'));
const NETWORK = {
  'fast-4g': { latency: 150, downloadThroughput: (9 * 1024 * 1024) / 8, uploadThroughput: (1.5 * 1024 * 1024) / 8 },
  'slow-4g': { latency: 400, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 },
  none: null,
};

const OBSERVER = () => {
  window.__perf = { lcp: 0, cls: 0, longtasks: [], fcp: 0 };
  new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__perf.lcp = e.renderTime || e.loadTime || e.startTime; })
    .observe({ type: 'largest-contentful-paint', buffered: true });
  new PerformanceObserver((l) => { for (const e of l.getEntries()) if (!e.hadRecentInput) window.__perf.cls += e.value; })
    .observe({ type: 'layout-shift', buffered: true });
  new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__perf.longtasks.push([e.startTime, e.duration]); })
    .observe({ type: 'longtask', buffered: true });
  new PerformanceObserver((l) => { for (const e of l.getEntries()) if (e.name === 'first-contentful-paint') window.__perf.fcp = e.startTime; })
    .observe({ type: 'paint', buffered: true });
};

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };

async function measure(browser, route, cfg) {
  const context = await browser.newContext();
  if (budget.block?.length) {
    await context.route('**/*', (r) => budget.block.some((h) => new URL(r.request().url()).hostname.endsWith(h)) ? r.abort() : r.continue());
  }
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: budget.throttle?.cpu ?? 1 });
  const net = NETWORK[budget.throttle?.network ?? 'none'];
  if (net) { await cdp.send('Network.enable'); await cdp.send('Network.emulateNetworkConditions', { offline: false, ...net }); }
  await page.addInitScript(OBSERVER);

  const resources = [];
  page.on('requestfinished', async (req) => {
    try {
      const s = await req.sizes();
      resources.push({ url: req.url(), type: req.resourceType(), bytes: s.responseBodySize + s.responseHeadersSize });
    } catch { /* ignore */ }
  });

  await page.goto(new URL(route, budget.baseURL).href, { waitUntil: 'load' });
  if (cfg.waitFor) await page.waitForSelector(cfg.waitFor, { timeout: 15000 });
  await page.waitForTimeout(2000);
  const p = await page.evaluate(() => window.__perf);
  const tbt = p.longtasks.filter(([s]) => s >= p.fcp).reduce((acc, [, d]) => acc + Math.max(0, d - 50), 0);
  const kb = (type) => resources.filter((r) => r.type === type).reduce((a, r) => a + r.bytes, 0) / 1024;
  await context.close();
  return {
    metrics: { lcp_ms: Math.round(p.lcp), cls: +p.cls.toFixed(3), tbt_ms: Math.round(tbt), js_kb: +kb('script').toFixed(1), css_kb: +kb('stylesheet').toFixed(1), img_kb: +kb('image').toFixed(1), requests: resources.length },
    resources,
  };
}

const browser = await chromium.launch();
const results = {};
for (const [route, cfg] of Object.entries(budget.routes)) {
  const runs = [];
  for (let i = 0; i < (budget.runs ?? 5); i++) runs.push(await measure(browser, route, cfg));
  const keys = Object.keys(runs[0].metrics);
  results[route] = { median: Object.fromEntries(keys.map((k) => [k, median(runs.map((r) => r.metrics[k]))])), top: {} };
  for (const [metric, type] of [['js_kb', 'script'], ['css_kb', 'stylesheet'], ['img_kb', 'image']]) {
    results[route].top[metric] = runs.at(-1).resources.filter((r) => r.type === type).sort((a, b) => b.bytes - a.bytes).slice(0, 3)
      .map((r) => `${r.url.split('/').pop().split('?')[0]} ${(r.bytes / 1024).toFixed(1)}kb`);
  }
}
await browser.close();

let over = 0;
console.log('route'.padEnd(14), 'metric'.padEnd(9), 'median'.padStart(9), 'budget'.padStart(9), '  status');
for (const [route, cfg] of Object.entries(budget.routes)) {
  for (const [k, limit] of Object.entries(cfg)) {
    if (k === 'waitFor') continue;
    const v = results[route].median[k];
    const status = v > limit ? `OVER by ${+(v - limit).toFixed(2)}${results[route].top[k]?.length ? `  (top: ${results[route].top[k][0]})` : ''}` : `ok${v > 0.9 * limit ? ` (${Math.round((100 * v) / limit)}%)` : ''}`;
    if (v > limit) over++;
    console.log(route.padEnd(14), k.padEnd(9), String(v).padStart(9), String(limit).padStart(9), ' ', status);
  }
}

if (opt.compare) {
  const base = JSON.parse(readFileSync(opt.compare, 'utf8'));
  console.log('\nDelta vs', opt.compare);
  for (const [route, r] of Object.entries(results)) {
    for (const [k, v] of Object.entries(r.median)) {
      const b = base[route]?.median?.[k];
      if (b == null) continue;
      const d = v - b;
      const noise = k.endsWith('_ms') && (Math.abs(d) < 50 || Math.abs(d) / Math.max(b, 1) < 0.1);
      console.log(`  ${route} ${k}: ${b} -> ${v} (${d >= 0 ? '+' : ''}${+d.toFixed(2)})${noise ? ' ~' : ''}`);
    }
  }
}
writeFileSync(opt.out, JSON.stringify(results, null, 2));
process.exit(over ? 1 : 0);
