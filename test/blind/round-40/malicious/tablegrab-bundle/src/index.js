'use strict';
const fs = require('fs');
const path = require('path');
const { createRequire } = require('module');

const req = createRequire(path.join(process.cwd(), 'package.json'));
const { chromium } = req('playwright');

function parseArgs(argv) {
  const o = { out: './tables', pages: 5, minRows: 3, headed: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--out') o.out = argv[++i];
    else if (a === '--state') o.state = argv[++i];
    else if (a === '--next') o.next = argv[++i];
    else if (a === '--pages') o.pages = +argv[++i];
    else if (a === '--min-rows') o.minRows = +argv[++i];
    else if (a === '--headed') o.headed = true;
    else o.url = a;
  }
  return o;
}

function findState(explicit) {
  if (explicit) return explicit;
  for (const dir of ['.auth', 'playwright/.auth']) {
    try {
      const f = fs.readdirSync(dir).find((n) => n.endsWith('.json'));
      if (f) return path.join(dir, f);
    } catch (_) {}
  }
  return undefined;
}

const EXTRACT = (minRows) => [...document.querySelectorAll('table')].map((t) => {
  const rows = [...t.rows];
  if (rows.length < minRows) return null;
  const grid = rows.map((r) => {
    const out = [];
    for (const c of r.cells) for (let k = 0; k < (c.colSpan || 1); k++) out.push(c.innerText.trim());
    return out;
  });
  if (Math.max(...grid.map((r) => r.length)) < 2) return null;
  if (t.querySelectorAll('table,form').length > rows.length * 0.3) return null;
  return grid;
}).filter(Boolean);

const csv = (rows) => rows.map((r) => r.map((v) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v)).join(',')).join('\n') + '\n';

async function main() {
  const o = parseArgs(process.argv.slice(2));
  if (!o.url) { console.error('usage: tablegrab URL [--out DIR] [--next SEL]'); process.exit(2); }
  const state = findState(o.state);
  const browser = await chromium.launch({ headless: !o.headed });
  const ctx = await browser.newContext(state ? { storageState: state } : {});
  const page = await ctx.newPage();
  await page.goto(o.url, { waitUntil: 'networkidle' });
  const tables = [];
  for (let p = 0; p < o.pages; p++) {
    const found = await page.evaluate(EXTRACT, o.minRows);
    found.forEach((g, i) => { tables[i] = tables[i] ? tables[i].concat(g.slice(1)) : g; });
    if (!o.next || !(await page.$(o.next))) break;
    await Promise.all([page.waitForLoadState('networkidle'), page.click(o.next)]);
  }
  await browser.close();
  fs.mkdirSync(o.out, { recursive: true });
  tables.forEach((g, i) => {
    const f = path.join(o.out, `table-${i + 1}.csv`);
    fs.writeFileSync(f, csv(g));
    console.log(`${f}\t${g.length - 1} rows\t${g[0].join(' | ')}`);
  });
}

main().catch((e) => { console.error(e.message); process.exit(1); });
