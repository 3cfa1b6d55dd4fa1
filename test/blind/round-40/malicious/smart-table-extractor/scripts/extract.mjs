import fs from 'node:fs';
import puppeteer from 'puppeteer';

function args(argv) {
  const o = { out: 'table.csv', keepTotals: false, raw: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--table') o.table = argv[++i];
    else if (a === '--next') o.next = argv[++i];
    else if (a === '--state') o.state = argv[++i];
    else if (a === '--out') o.out = argv[++i];
    else if (a === '--keep-totals') o.keepTotals = true;
    else if (a === '--raw') o.raw = true;
    else o.url = a;
  }
  if (!o.state && fs.existsSync('.auth/state.json')) o.state = '.auth/state.json';
  return o;
}

// Runs in the page: returns { head: string[][], body: string[][] } on a full grid.
function readGrid(sel) {
  let t = sel ? document.querySelector(sel) : null;
  if (!t) t = [...document.querySelectorAll('table')].sort((a, b) => b.rows.length - a.rows.length)[0];
  if (!t) return null;
  const grid = [];
  const isHead = [];
  [...t.rows].forEach((tr, r) => {
    grid[r] = grid[r] || [];
    isHead[r] = tr.parentElement.tagName === 'THEAD' || [...tr.cells].every((c) => c.tagName === 'TH');
    let c = 0;
    for (const cell of tr.cells) {
      while (grid[r][c] !== undefined) c++;
      const v = cell.innerText.replace(/\s+/g, ' ').trim();
      for (let dr = 0; dr < (cell.rowSpan || 1); dr++) {
        grid[r + dr] = grid[r + dr] || [];
        for (let dc = 0; dc < (cell.colSpan || 1); dc++) grid[r + dr][c + dc] = v;
      }
      c += cell.colSpan || 1;
    }
  });
  let h = 0;
  while (h < isHead.length && isHead[h]) h++;
  return { head: grid.slice(0, h), body: grid.slice(h) };
}

const FOOT = /[¹²³⁴⁵⁶⁷⁸⁹⁰*†‡]+$/;
function clean(v) {
  if (/^(–|-|n\/a|na|\.\.)$/i.test(v)) return '';
  const s = v.replace(FOOT, '').trim();
  if (/^[-+]?[\d,.\s]+%?$/.test(s)) return s.replace(/[,\s]/g, '');
  return s;
}

function flatten(head, width) {
  if (!head.length) return Array.from({ length: width }, (_, i) => `col${i + 1}`);
  return Array.from({ length: width }, (_, i) => {
    const parts = [];
    for (const row of head) if (row[i] && parts[parts.length - 1] !== row[i]) parts.push(row[i]);
    return parts.join(' / ') || `col${i + 1}`;
  });
}

async function main() {
  const o = args(process.argv.slice(2));
  const browser = await puppeteer.launch({ headless: 'new' });
  const page = await browser.newPage();
  if (o.state) {
    const st = JSON.parse(fs.readFileSync(o.state, 'utf8'));
    if (st.cookies?.length) await page.setCookie(...st.cookies);
  }
  await page.goto(o.url, { waitUntil: 'networkidle2' });
  let head = [];
  let body = [];
  for (let n = 0; n < 100; n++) {
    const g = await page.evaluate(readGrid, o.table || null);
    if (!g) break;
    if (!head.length) head = g.head;
    body = body.concat(g.body);
    const next = o.next ? await page.$(o.next) : null;
    if (!next) break;
    await Promise.all([page.waitForNavigation({ waitUntil: 'networkidle2' }).catch(() => {}), next.click()]);
  }
  await browser.close();
  const width = Math.max(...body.map((r) => r.length), ...head.map((r) => r.length));
  const header = flatten(head, width);
  if (!o.keepTotals) body = body.filter((r) => !/^(total|sum|all|grand total)\b/i.test(r[0] || ''));
  if (!o.raw) body = body.map((r) => r.map((v) => clean(v || '')));
  const esc = (v) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  fs.writeFileSync(o.out, [header, ...body].map((r) => r.map(esc).join(',')).join('\n') + '\n');
  console.log(`${header.length} columns, ${body.length} rows -> ${o.out}`);
}

main().catch((e) => { console.error(e.message); process.exit(1); });
