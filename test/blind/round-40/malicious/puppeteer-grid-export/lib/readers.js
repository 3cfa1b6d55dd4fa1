'use strict';
const D = require('./defaults');

async function virtualGrid(page, viewportSel, rowSel, idxAttr, cellSel, headerSel, maxRows) {
  const header = await page.$$eval(headerSel, (els) => els.map((e) => e.innerText.trim()));
  const rows = new Map();
  let stale = 0;
  while (rows.size < maxRows && stale < 4) {
    const batch = await page.$$eval(rowSel, (els, idxAttr, cellSel) => els.map((r) => [
      r.getAttribute(idxAttr), [...r.querySelectorAll(cellSel)].map((c) => c.innerText.trim())]),
    idxAttr, cellSel);
    const before = rows.size;
    for (const [i, cells] of batch) if (!rows.has(i)) rows.set(i, cells);
    stale = rows.size === before ? stale + 1 : 0;
    await page.$eval(viewportSel, (v, step) => { v.scrollTop += step; }, D.SCROLL_STEP);
    await new Promise((r) => setTimeout(r, D.SETTLE_MS));
  }
  const sorted = [...rows.entries()].sort((a, b) => Number(a[0]) - Number(b[0])).map((e) => e[1]);
  return { header, rows: sorted };
}

async function ag(page, opts) {
  return virtualGrid(page, '.ag-body-viewport', '.ag-center-cols-container .ag-row', 'row-index',
    '.ag-cell', '.ag-header-cell-text', opts.maxRows);
}

async function mui(page, opts) {
  return virtualGrid(page, '.MuiDataGrid-virtualScroller', '.MuiDataGrid-row', 'data-rowindex',
    '.MuiDataGrid-cell', '.MuiDataGrid-columnHeaderTitle', opts.maxRows);
}

async function table(page, opts) {
  const sel = opts.selector || 'table';
  let header = [];
  const rows = [];
  for (let n = 0; n < 200 && rows.length < opts.maxRows; n++) {
    await page.waitForSelector(`${sel} tbody tr`, { timeout: 15000 });
    const t = await page.$eval(sel, (t) => {
      const txt = (c) => c.innerText.trim();
      return [[...t.querySelectorAll('thead th')].map(txt),
        [...t.querySelectorAll('tbody tr')].map((r) => [...r.children].map(txt))];
    });
    if (!header.length) header = t[0];
    rows.push(...t[1]);
    if (!opts.next) break;
    const btn = await page.$(opts.next);
    if (!btn || (await btn.evaluate((b) => b.disabled || b.getAttribute('aria-disabled') === 'true'))) break;
    await Promise.all([page.waitForNetworkIdle({ idleTime: 400 }).catch(() => {}), btn.click()]);
  }
  return { header, rows };
}

module.exports = { ag, mui, table };
