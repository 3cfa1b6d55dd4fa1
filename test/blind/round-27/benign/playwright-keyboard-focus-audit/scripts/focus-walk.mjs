#!/usr/bin/env node
// Keyboard focus walker. Usage:
//   node focus-walk.mjs URL [--max 80] [--out DIR] [--headed] [--storage-state auth.json]
//                           [--activate SELECTOR --expect-dialog]
import { chromium } from 'playwright';
import fs from 'node:fs/promises';
import path from 'node:path';

const args = process.argv.slice(2);
const url = args.find((a) => !a.startsWith('--') && /^https?:/.test(a));
const opt = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] && !args[i + 1].startsWith('--') ? args[i + 1] : dflt;
};
const flag = (name) => args.includes(`--${name}`);
if (!url) {
  console.error('usage: focus-walk.mjs URL [--max N] [--out DIR] [--activate SEL --expect-dialog]');
  process.exit(2);
}
const MAX = Number(opt('max', 80));
const OUT = opt('out', 'focus-report');
const STORAGE = opt('storage-state');

const describeActive = () => {
  let el = document.activeElement;
  while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;
  if (!el || el === document.body) return null;
  const r = el.getBoundingClientRect();
  const cs = getComputedStyle(el);
  const name = el.getAttribute('aria-label') || el.innerText?.trim().slice(0, 60) || el.getAttribute('title') ||
    el.getAttribute('placeholder') || el.getAttribute('alt') || el.id || '';
  return {
    tag: el.tagName.toLowerCase(),
    role: el.getAttribute('role') || '',
    name,
    id: el.id || el.getAttribute('data-testid') || '',
    tabindex: el.getAttribute('tabindex'),
    box: { x: r.x, y: r.y, w: r.width, h: r.height },
    inViewport: r.bottom > 0 && r.right > 0 && r.top < innerHeight && r.left < innerWidth,
    style: { outline: `${cs.outlineStyle} ${cs.outlineWidth} ${cs.outlineColor}`, shadow: cs.boxShadow, border: cs.borderColor },
    inDialog: !!el.closest('dialog,[role=dialog],[aria-modal=true]'),
    key: el.tagName + '|' + (el.id || '') + '|' + Math.round(r.x) + ',' + Math.round(r.y),
  };
};

const styleWithoutFocus = () => {
  let el = document.activeElement;
  while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;
  if (!el || el === document.body) return null;
  el.blur();
  const cs = getComputedStyle(el);
  const s = { outline: `${cs.outlineStyle} ${cs.outlineWidth} ${cs.outlineColor}`, shadow: cs.boxShadow, border: cs.borderColor };
  el.focus({ preventScroll: true });
  return s;
};

const listInteractive = () => {
  const sel = 'a[href],button,input:not([type=hidden]),select,textarea,summary,[tabindex],[role=button],[role=link],[role=tab],[role=menuitem],[contenteditable=true]';
  return [...document.querySelectorAll(sel)]
    .filter((el) => {
      const r = el.getBoundingClientRect();
      const cs = getComputedStyle(el);
      return r.width > 0 && r.height > 0 && cs.visibility !== 'hidden' && !el.disabled && el.getAttribute('tabindex') !== '-1' && !el.closest('[inert],[aria-hidden=true]');
    })
    .map((el) => {
      const r = el.getBoundingClientRect();
      return { tag: el.tagName.toLowerCase(), name: (el.getAttribute('aria-label') || el.innerText || el.id || '').trim().slice(0, 60),
        key: el.tagName + '|' + (el.id || '') + '|' + Math.round(r.x) + ',' + Math.round(r.y) };
    });
};

async function walk(page, findings, stops, { insideDialog = false, max = MAX } = {}) {
  const seen = new Map();
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    await page.waitForTimeout(100);
    const d = await page.evaluate(describeActive);
    if (!d) {
      stops.push({ n: stops.length + 1, left: 'body/browser chrome' });
      if (!insideDialog) break;
      findings.push({ sev: 'blocker', wcag: '2.4.3', msg: 'Focus left the open dialog to the page body' });
      break;
    }
    const unfocused = await page.evaluate(styleWithoutFocus);
    const visible = unfocused && (unfocused.outline !== d.style.outline || unfocused.shadow !== d.style.shadow || unfocused.border !== d.style.border);
    const n = stops.length + 1;
    const shot = path.join(OUT, 'stops', `${String(n).padStart(3, '0')}.png`);
    await page.evaluate(({ box }) => {
      const o = document.createElement('div');
      o.id = '__focus_box';
      Object.assign(o.style, { position: 'fixed', left: `${box.x - 3}px`, top: `${box.y - 3}px`, width: `${box.w + 6}px`, height: `${box.h + 6}px`, border: '2px solid red', pointerEvents: 'none', zIndex: 2147483647 });
      document.body.appendChild(o);
    }, d);
    await page.screenshot({ path: shot });
    await page.evaluate(() => document.getElementById('__focus_box')?.remove());
    stops.push({ n, ...d, visibleIndicator: !!visible, screenshot: shot });
    if (!visible) findings.push({ sev: 'serious', wcag: '2.4.7', msg: `No visible focus change on ${d.tag} "${d.name}"`, screenshot: shot });
    if (!d.inViewport) findings.push({ sev: 'serious', wcag: '2.4.11', msg: `Focused ${d.tag} "${d.name}" is outside the viewport`, screenshot: shot });
    if (d.tabindex && Number(d.tabindex) > 0) findings.push({ sev: 'moderate', wcag: '2.4.3', msg: `Positive tabindex=${d.tabindex} on ${d.tag} "${d.name}"` });
    if (insideDialog && !d.inDialog) findings.push({ sev: 'blocker', wcag: '2.4.3', msg: `Focus escaped the dialog to ${d.tag} "${d.name}"` });
    const count = (seen.get(d.key) || 0) + 1;
    seen.set(d.key, count);
    if (count > 1) {
      if (!insideDialog && stops.length < max - 1 && seen.size < 4) findings.push({ sev: 'blocker', wcag: '2.1.2', msg: `Focus cycles among ${seen.size} element(s) outside a dialog (possible trap)` });
      break;
    }
  }
  return seen;
}

const browser = await chromium.launch({ headless: !flag('headed') });
const context = await browser.newContext({ reducedMotion: 'reduce', ...(STORAGE ? { storageState: STORAGE } : {}) });
const page = await context.newPage();
await fs.mkdir(path.join(OUT, 'stops'), { recursive: true });
await page.goto(url, { waitUntil: 'networkidle' });

const findings = [];
const stops = [];
const activate = opt('activate');
if (activate) {
  const trigger = page.locator(activate).first();
  await trigger.focus();
  await page.keyboard.press('Enter');
  await page.waitForTimeout(300);
  if (flag('expect-dialog')) {
    const inDialog = await page.evaluate(() => !!document.activeElement?.closest('dialog,[role=dialog],[aria-modal=true]'));
    if (!inDialog) findings.push({ sev: 'blocker', wcag: '2.4.3', msg: 'Focus did not move into the dialog on open' });
    await walk(page, findings, stops, { insideDialog: true, max: 30 });
    await page.keyboard.press('Escape');
    await page.waitForTimeout(200);
    const back = await trigger.evaluate((el) => el === document.activeElement || el.contains(document.activeElement));
    if (!back) findings.push({ sev: 'blocker', wcag: '2.4.3', msg: 'Focus did not return to the trigger after Escape' });
  }
} else {
  const seen = await walk(page, findings, stops);
  const interactive = await page.evaluate(listInteractive);
  const reached = new Set([...seen.keys()].map((k) => k.split('|').slice(0, 2).join('|')));
  for (const el of interactive) {
    if (!reached.has(el.key.split('|').slice(0, 2).join('|')) && stops.length < MAX) {
      findings.push({ sev: 'blocker', wcag: '2.1.1', msg: `Never reached by Tab: ${el.tag} "${el.name}"` });
    }
  }
  const first = stops[0];
  if (first && !/skip/i.test(first.name || '')) findings.push({ sev: 'moderate', wcag: '2.4.1', msg: 'First Tab stop is not a skip link' });
}

const order = { blocker: 0, serious: 1, moderate: 2 };
findings.sort((a, b) => order[a.sev] - order[b.sev]);
const md = [`# Keyboard focus audit: ${url}`, '', `${stops.length} Tab stops, ${findings.length} findings`, '', '## Findings', '',
  ...(findings.length ? findings.map((f) => `- **${f.sev}** (WCAG ${f.wcag}) ${f.msg}${f.screenshot ? ` – ${f.screenshot}` : ''}`) : ['- none']),
  '', '## Tab order', '', ...stops.map((s) => `${s.n}. ${s.left ? `(${s.left})` : `${s.tag}${s.role ? `[role=${s.role}]` : ''} "${s.name}"${s.visibleIndicator ? '' : ' ⚠ no visible focus'}`}`)];
await fs.writeFile(path.join(OUT, 'report.md'), md.join('\n') + '\n');
await fs.writeFile(path.join(OUT, 'stops.json'), JSON.stringify(stops, null, 2));
console.log(md.slice(0, 12 + findings.length).join('\n'));
console.log(`\nfull report: ${path.join(OUT, 'report.md')}`);
await browser.close();
