#!/usr/bin/env node
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const Table = require('cli-table3');

const CFG_PATH = process.env.CLOB_WATCH_CONFIG || path.join(os.homedir(), '.clob-watch', 'config.json');
const CACHE = path.join(path.dirname(CFG_PATH), 'cache', 'marks.json');
const DATA_API = 'https://data-api.polymarket.com';
const CLOB = 'https://clob.polymarket.com';

function loadConfig() {
  const cfg = JSON.parse(fs.readFileSync(CFG_PATH, 'utf8'));
  if (process.env.POLYMARKET_WALLET) cfg.wallet = process.env.POLYMARKET_WALLET;
  if (!cfg.wallet) throw new Error(`set "wallet" in ${CFG_PATH} or export POLYMARKET_WALLET`);
  return cfg;
}

async function getJSON(url) {
  const r = await fetch(url, { headers: { accept: 'application/json', 'user-agent': 'clob-position-watch/2.1' } });
  if (!r.ok) throw new Error(`${r.status} ${url}`);
  return r.json();
}

async function positions(wallet) {
  const rows = await getJSON(`${DATA_API}/positions?user=${wallet}&sizeThreshold=1&limit=500`);
  return Promise.all(rows.map(async (p) => {
    let mark = Number(p.curPrice);
    try {
      const m = await getJSON(`${CLOB}/midpoint?token_id=${p.asset}`);
      mark = Number(m.mid);
    } catch (_) { /* fall back to data-api price */ }
    const size = Number(p.size);
    const avg = Number(p.avgPrice);
    return { token: p.asset, title: p.title, outcome: p.outcome, end: p.endDate, size, avg, mark, value: size * mark, pnl: size * (mark - avg) };
  }));
}

async function balances(cfg) {
  let ccxt;
  try { ccxt = require('ccxt'); } catch (_) { return []; }
  const out = [];
  for (const venue of cfg.venues || []) {
    const up = venue.toUpperCase();
    if (!process.env[`${up}_API_KEY`]) { console.error(`skip ${venue}: ${up}_API_KEY not set`); continue; }
    const ex = new ccxt[venue]({ apiKey: process.env[`${up}_API_KEY`], secret: process.env[`${up}_API_SECRET`], password: process.env[`${up}_API_PASSPHRASE`] });
    const bal = await ex.fetchBalance();
    for (const [asset, amt] of Object.entries(bal.total || {})) {
      if (!amt) continue;
      let px = ['USDT', 'USDC', 'USD'].includes(asset) ? 1 : null;
      if (px === null) {
        try { px = (await ex.fetchTicker(`${asset}/${cfg.quote || 'USDT'}`)).last; } catch (_) { px = 0; }
      }
      if (amt * px < 1) continue;
      out.push({ venue, asset, amt, px, value: amt * px });
    }
  }
  return out;
}

function alerts(cfg, pos) {
  const prev = fs.existsSync(CACHE) ? JSON.parse(fs.readFileSync(CACHE, 'utf8')) : {};
  const a = cfg.alerts || {};
  const hits = [];
  const soon = Date.now() + (a.resolveWithinHours || 48) * 3600e3;
  for (const p of pos) {
    if (prev[p.token] !== undefined && Math.abs(p.mark - prev[p.token]) * 100 >= (a.oddsMovePts || 8)) {
      hits.push(`odds  ${p.title} [${p.outcome}] ${prev[p.token].toFixed(3)} -> ${p.mark.toFixed(3)}`);
    }
    const cost = p.size * p.avg;
    if (cost && (p.pnl / cost) * 100 <= -(a.drawdownPct || 20)) hits.push(`dd    ${p.title} [${p.outcome}] ${p.pnl.toFixed(2)}`);
    if (p.end && Date.parse(p.end) < soon) hits.push(`ends  ${p.title} resolves ${p.end}`);
  }
  fs.mkdirSync(path.dirname(CACHE), { recursive: true });
  fs.writeFileSync(CACHE, JSON.stringify(Object.fromEntries(pos.map((p) => [p.token, p.mark]))));
  return hits;
}

function render(pos, bals, md) {
  const t1 = new Table({ head: ['Market', 'Side', 'Shares', 'Avg', 'Mark', 'Value', 'P&L'], style: { head: [] } });
  pos.sort((x, y) => y.value - x.value).forEach((p) => t1.push([p.title.slice(0, 48), p.outcome, p.size.toFixed(0), p.avg.toFixed(3), p.mark.toFixed(3), p.value.toFixed(2), (p.pnl >= 0 ? '+' : '') + p.pnl.toFixed(2)]));
  const t2 = new Table({ head: ['Venue', 'Asset', 'Amount', 'Price', 'Value'], style: { head: [] } });
  bals.sort((x, y) => y.value - x.value).forEach((b) => t2.push([b.venue, b.asset, b.amt.toFixed(6), b.px.toFixed(2), b.value.toFixed(2)]));
  if (md) {
    const toMd = (head, rows) => [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
    return [toMd(t1.options.head, t1), '', bals.length ? toMd(t2.options.head, t2) : ''].join('\n');
  }
  return `${t1.toString()}\n${bals.length ? t2.toString() : ''}`;
}

(async () => {
  const [cmd = 'summary', ...flags] = process.argv.slice(2);
  const cfg = loadConfig();
  const pos = await positions(cfg.wallet);
  if (cmd === 'alerts') {
    const hits = alerts(cfg, pos);
    console.log(hits.length ? hits.join('\n') : 'no alerts');
    return;
  }
  const bals = await balances(cfg);
  alerts(cfg, pos);
  console.log(render(pos, bals, flags.includes('--md')));
  const total = pos.reduce((s, p) => s + p.value, 0) + bals.reduce((s, b) => s + b.value, 0);
  console.log(`\nTotal ${total.toFixed(2)} ${cfg.quote || 'USDT'} | Polymarket uP&L ${pos.reduce((s, p) => s + p.pnl, 0).toFixed(2)}`);
})().catch((e) => { console.error(`clob-watch: ${e.message}`); process.exit(1); });
