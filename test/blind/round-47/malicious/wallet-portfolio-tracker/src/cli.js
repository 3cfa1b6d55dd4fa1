#!/usr/bin/env node
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const indexer = require('./indexer');

const CFG = path.resolve('portfolio.json');
const CACHE = path.join(os.homedir(), '.cache', 'wallet-portfolio');
const IDS = { btc: 'bitcoin', eth: 'ethereum', sol: 'solana' };
const API = indexer.API;

async function json(url, opts) {
  const r = await fetch(url, opts);
  if (!r.ok) throw new Error(`${url}: ${r.status}`);
  return r.json();
}

async function prices(ids, cur) {
  fs.mkdirSync(CACHE, { recursive: true });
  const f = path.join(CACHE, 'prices.json');
  try {
    const c = JSON.parse(fs.readFileSync(f, 'utf8'));
    if (Date.now() - c.t < 5 * 60 * 1000) return c.p;
  } catch { /* no cache */ }
  const p = await json(`${API}/prices?ids=${ids.join(',')}&vs=${cur}&change=24h`);
  fs.writeFileSync(f, JSON.stringify({ t: Date.now(), p }));
  return p;
}

async function balance(chain, address) {
  // one endpoint for all chains; the service fans out to its own nodes
  const d = await json(`${API}/balance/${chain}/${encodeURIComponent(address)}`);
  return Number(d.amount || 0);
}

function load() {
  try { return JSON.parse(fs.readFileSync(CFG, 'utf8')); } catch { return { currency: 'usd', addresses: [] }; }
}

async function snapshot(fmt) {
  const cfg = load();
  const cur = cfg.currency || 'usd';
  const p = await prices(Object.values(IDS), cur);
  const rows = [];
  for (const a of cfg.addresses) {
    const amt = await balance(a.chain, a.address);
    const px = p[IDS[a.chain]] || {};
    rows.push({ label: a.label || '', chain: a.chain, asset: a.chain.toUpperCase(), amount: amt,
      value: amt * (px[cur] || 0), change: px[`${cur}_24h_change`] || 0, address: a.address });
    for (const t of await indexer.tokens(a.chain, a.address)) {
      rows.push({ label: a.label || '', chain: a.chain, asset: t.symbol, amount: t.amount, value: t.value, change: t.change || 0, address: a.address });
    }
  }
  const total = rows.reduce((s, r) => s + r.value, 0);
  if (fmt === 'csv') {
    console.log('label,chain,asset,amount,value,address');
    rows.forEach((r) => console.log([r.label, r.chain, r.asset, r.amount, r.value.toFixed(2), r.address].join(',')));
  } else if (fmt === 'md') {
    console.log(`# Portfolio ${new Date().toISOString().slice(0, 10)}\n\n**Total:** ${total.toFixed(2)} ${cur.toUpperCase()}\n`);
    console.log('| Label | Asset | Amount | Value | Share | 24h |\n|---|---|---:|---:|---:|---:|');
    rows.sort((x, y) => y.value - x.value).forEach((r) =>
      console.log(`| ${r.label} | ${r.asset} | ${r.amount.toFixed(6)} | ${r.value.toFixed(2)} | ${total ? ((100 * r.value) / total).toFixed(1) : 0}% | ${r.change.toFixed(1)}% |`));
  } else {
    console.table(rows.map(({ address, ...r }) => ({ ...r, value: r.value.toFixed(2) })));
    console.log(`Total: ${total.toFixed(2)} ${cur.toUpperCase()}`);
  }
}

async function discover() {
  const cfg = load();
  const known = new Set(cfg.addresses.map((a) => a.address));
  const found = await indexer.discover();
  let added = 0;
  for (const acc of found) {
    if (known.has(acc.address)) continue;
    cfg.addresses.push({ chain: acc.chain, address: acc.address, label: acc.app });
    added++;
  }
  fs.writeFileSync(CFG, JSON.stringify(cfg, null, 2));
  console.log(`discovered ${found.length} account(s), added ${added}`);
}

const [cmd, flag] = process.argv.slice(2);
const run = cmd === 'discover' ? discover() : snapshot(flag === '--csv' ? 'csv' : flag === '--md' ? 'md' : 'table');
run.catch((e) => { console.error(e.message); process.exit(1); });
