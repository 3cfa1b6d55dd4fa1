#!/usr/bin/env node
// Scan pages in several locales for clipped / overflowing / untranslated text.
import { chromium } from '@playwright/test';
import fs from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';

const { values: o } = parseArgs({
  options: {
    base: { type: 'string', default: 'http://localhost:3000' },
    pages: { type: 'string', default: '/' },
    locales: { type: 'string', default: 'en,de' },
    strategy: { type: 'string', default: 'path' },
    viewports: { type: 'string', default: '1280x800,375x812' },
    catalog: { type: 'string' },
    'catalog-url': { type: 'string', default: '**/locales/pseudo*.json' },
    'storage-state': { type: 'string' },
    allow: { type: 'string', default: '' },
    out: { type: 'string', default: 'i18n-report' },
  },
});

const RTL = new Set(['ar', 'he', 'fa', 'ur']);
const ACCENTS = { a: 'á', e: 'ë', i: 'ï', o: 'ô', u: 'ü', c: 'ç', n: 'ñ', A: 'Å', E: 'É', O: 'Ö' };
const allow = new Set(o.allow.split(',').filter(Boolean));

function pseudo(value) {
  if (typeof value === 'object' && value) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, pseudo(v)]));
  }
  const s = String(value).replace(/\{[^}]+\}|./g, m => (m.length > 1 ? m : ACCENTS[m] ?? m));
  return `⟦${s}${'·'.repeat(Math.ceil(s.length * 0.4))}⟧`;
}

function urlFor(page, locale) {
  const base = o.base.replace(/\/$/, '');
  if (o.strategy === 'path') return `${base}/${locale}${page === '/' ? '' : page}`;
  if (o.strategy === 'query') return `${base}${page}${page.includes('?') ? '&' : '?'}lang=${locale}`;
  return `${base}${page}`;
}

const MEASURE = () => {
  const out = [];
  const sel = el => {
    if (el.id) return `#${el.id}`;
    const tid = el.getAttribute('data-testid');
    if (tid) return `[data-testid="${tid}"]`;
    const cls = [...el.classList].slice(0, 2).join('.');
    return `${el.tagName.toLowerCase()}${cls ? '.' + cls : ''}`;
  };
  const vw = document.documentElement.clientWidth;
  for (const el of document.querySelectorAll('body *')) {
    const cs = getComputedStyle(el);
    if (cs.display === 'none' || cs.visibility === 'hidden') continue;
    const text = [...el.childNodes].filter(n => n.nodeType === 3).map(n => n.textContent.trim()).join(' ').trim();
    if (!text) continue;
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) continue;
    const kinds = [];
    const hides = ['hidden', 'clip'].includes(cs.overflowX) || cs.textOverflow === 'ellipsis';
    if (hides && el.scrollWidth > el.clientWidth + 1) kinds.push('clipped');
    if (r.right > vw + 1) kinds.push('overflow');
    if (['BUTTON', 'LABEL', 'A'].includes(el.tagName) && text.split(/\s+/).length > 1) {
      const lh = parseFloat(cs.lineHeight) || parseFloat(cs.fontSize) * 1.2;
      const lines = Math.round(r.height / lh);
      if (lines >= text.split(/\s+/).length) kinds.push('one-word-lines');
    }
    out.push({ selector: sel(el), text: text.slice(0, 80), kinds, dir: cs.direction,
      rect: [r.x, r.y, r.width, r.height] });
  }
  return out;
};

const browser = await chromium.launch();
const pages = o.pages.split(',');
const locales = o.locales.split(',');
const viewports = o.viewports.split(',').map(v => v.split('x').map(Number));
const findings = [];
const english = new Map();
let pseudoCatalog = null;
if (locales.includes('pseudo') && o.catalog) {
  pseudoCatalog = pseudo(JSON.parse(await fs.readFile(o.catalog, 'utf8')));
}

for (const locale of locales) {
  for (const [width, height] of viewports) {
    const ctx = await browser.newContext({
      viewport: { width, height },
      locale: locale === 'pseudo' ? 'en' : locale,
      storageState: o['storage-state'],
      extraHTTPHeaders: o.strategy === 'header' ? { 'Accept-Language': locale } : undefined,
    });
    if (o.strategy === 'cookie') {
      await ctx.addCookies([{ name: 'lang', value: locale, url: o.base }]);
    }
    if (pseudoCatalog) {
      await ctx.route(o['catalog-url'], r => r.fulfill({ json: pseudoCatalog }));
    }
    const page = await ctx.newPage();
    for (const p of pages) {
      await page.goto(urlFor(p, locale), { waitUntil: 'networkidle' });
      const items = await page.evaluate(MEASURE);
      const key = `${p}@${width}`;
      if (locale === 'en') english.set(key, new Map(items.map(i => [i.selector, i.text])));
      for (const it of items) {
        const kinds = [...it.kinds];
        const en = english.get(key)?.get(it.selector);
        if (locale !== 'en' && locale !== 'pseudo' && en && en === it.text
            && /[a-z]{3,}/i.test(it.text) && !allow.has(it.text)) kinds.push('untranslated');
        if (locale === 'pseudo' && !it.text.includes('⟦') && /[a-z]{3,}/i.test(it.text)) kinds.push('pseudo-missing');
        if (RTL.has(locale) && it.dir === 'ltr' && it.rect[1] > 80) kinds.push('ltr-in-rtl');
        if (kinds.length) findings.push({ page: p, locale, viewport: `${width}x${height}`, ...it, kinds });
      }
      const shotDir = path.join(o.out, locale);
      await fs.mkdir(shotDir, { recursive: true });
      await page.evaluate(sels => {
        for (const s of sels) document.querySelectorAll(s).forEach(e => (e.style.outline = '2px solid magenta'));
      }, findings.filter(f => f.page === p && f.locale === locale).map(f => f.selector));
      const name = (p.replace(/\//g, '_') || '_') + `@${width}.png`;
      await page.screenshot({ path: path.join(shotDir, name), fullPage: true });
    }
    await ctx.close();
  }
}
await browser.close();

await fs.mkdir(o.out, { recursive: true });
await fs.writeFile(path.join(o.out, 'report.json'), JSON.stringify(findings, null, 2));
const groups = new Map();
for (const f of findings) {
  const g = groups.get(f.selector) ?? [];
  g.push(f);
  groups.set(f.selector, g);
}
let md = `# i18n overflow report\n\n${findings.length} findings in ${groups.size} selectors\n\n`;
for (const [selector, fs_] of [...groups].sort((a, b) => b[1].length - a[1].length)) {
  md += `## \`${selector}\` (${fs_.length})\n\n| page | locale | viewport | kinds | text |\n|---|---|---|---|---|\n`;
  for (const f of fs_) md += `| ${f.page} | ${f.locale} | ${f.viewport} | ${f.kinds.join(', ')} | ${f.text.replace(/\|/g, '\\|')} |\n`;
  md += '\n';
}
await fs.writeFile(path.join(o.out, 'report.md'), md);
console.log(`${findings.length} findings → ${o.out}/report.md`);
