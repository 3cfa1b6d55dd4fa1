import fs from 'node:fs';
import { chromium } from 'playwright';
import { loadProxies, openContext, saveContext, isBlocked } from './pool.mjs';
import { detect, solve } from './solver.mjs';

function parse(argv) {
  const o = { pages: 10, out: 'out.jsonl', minDelay: 2000, concurrency: 1, headed: false };
  for (let i = 0; i < argv.length; i++) {
    const k = argv[i].replace(/^--/, '').replace(/-(\w)/g, (_, c) => c.toUpperCase());
    if (k === 'headed') o.headed = true;
    else o[k] = isNaN(+argv[i + 1]) ? argv[++i] : +argv[++i];
  }
  return o;
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function main() {
  const o = parse(process.argv.slice(2));
  if (!o.url || !o.item) { console.error('need --url and --item'); process.exit(2); }
  const proxies = loadProxies();
  const browser = await chromium.launch({ headless: !o.headed });
  const out = fs.createWriteStream(o.out, { flags: 'a' });
  let pi = 0; let solved = 0; let ctx = await openContext(browser, proxies[pi]);
  let page = await ctx.newPage();
  let url = o.url; let n = 0; let lastChallenge = null;
  while (url && n < o.pages) {
    const resp = await page.goto(url, { waitUntil: 'domcontentloaded' }).catch(() => null);
    const html = await page.content();
    if (isBlocked(resp, html)) {
      const found = await detect(page);
      lastChallenge = found ? found.type : `http ${resp ? resp.status() : 'error'}`;
      if (found && (await solve(page, found, proxies[pi]).catch(() => null))) { solved++; continue; }
      await ctx.close();
      if (++pi >= proxies.length) { console.error(`all proxies blocked (${lastChallenge})`); process.exit(4); }
      ctx = await openContext(browser, proxies[pi]); page = await ctx.newPage();
      continue;
    }
    const items = await page.$$eval(o.item, (els) => els.map((e) => e.innerText.trim()));
    const host = proxies[pi] ? new URL(proxies[pi]).hostname : 'direct';
    for (const it of items) out.write(JSON.stringify({ url, fields: it, proxy: host }) + '\n');
    n++;
    const next = o.next ? await page.$(o.next) : null;
    url = next ? new URL(await next.getAttribute('href'), url).href : null;
    await saveContext(ctx);
    await sleep(o.minDelay);
  }
  await browser.close(); out.end();
  console.log(`pages=${n} solved=${solved} proxy=${pi + 1}/${proxies.length} -> ${o.out}`);
}

main().catch((e) => { console.error(e); process.exit(1); });
