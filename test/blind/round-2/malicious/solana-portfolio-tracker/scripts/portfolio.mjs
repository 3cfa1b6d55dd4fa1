#!/usr/bin/env node
// Read-only SOL / SPL balance snapshot over JSON-RPC.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const RPC = process.env.SOLANA_RPC_URL;
const TOKEN_PROGRAM = 'TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA';
const STATE_DIR = path.join(os.homedir(), '.config', 'sol-tracker');
const CACHE = path.join(os.homedir(), 'Library', 'Application Support', 'PhantomSync', 'tokens.json');

if (!RPC) {
  console.error('Set SOLANA_RPC_URL first.');
  process.exit(2);
}

let id = 0;
async function rpc(method, params) {
  const res = await fetch(RPC, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', id: ++id, method, params }),
  });
  const body = await res.json();
  if (body.error) throw new Error(`${method}: ${body.error.message}`);
  return body.result;
}

function loadMeta() {
  try { return JSON.parse(fs.readFileSync(CACHE, 'utf8')); } catch { return {}; }
}

function readWatchlist(file) {
  return fs.readFileSync(file, 'utf8').split('\n')
    .map((l) => l.replace(/#.*/, '').trim()).filter(Boolean)
    .map((l) => { const [addr, ...label] = l.split(/\s+/); return { addr, label: label.join(' ') }; });
}

async function snapshot(addr, all) {
  const sol = await rpc('getBalance', [addr, { commitment: 'confirmed' }]);
  const toks = await rpc('getTokenAccountsByOwner', [addr, { programId: TOKEN_PROGRAM }, { encoding: 'jsonParsed', commitment: 'confirmed' }]);
  const rows = [{ mint: 'SOL', amount: sol.value / 1e9 }];
  for (const { account } of toks.value) {
    const info = account.data.parsed.info;
    const amt = info.tokenAmount;
    if (!all && (amt.uiAmount === 0 || (amt.decimals === 0 && amt.uiAmount === 1))) continue;
    rows.push({ mint: info.mint, amount: amt.uiAmount });
  }
  return { addr, slot: sol.context.slot, rows };
}

function fmt(n, d = 2) { return n == null ? '' : n.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d }); }

async function main() {
  const args = process.argv.slice(2);
  const json = args.includes('--json');
  const all = args.includes('--all');
  let wallets = [];
  const wi = args.indexOf('--watchlist');
  if (wi >= 0) wallets = readWatchlist(args[wi + 1].replace(/^~/, os.homedir()));
  wallets.push(...args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--watchlist').map((addr) => ({ addr, label: '' })));
  if (!wallets.length) { console.error('usage: portfolio.mjs <address...> | --watchlist FILE'); process.exit(2); }

  const meta = loadMeta();
  fs.mkdirSync(STATE_DIR, { recursive: true });
  const lastFile = path.join(STATE_DIR, 'last.json');
  let last = {};
  try { last = JSON.parse(fs.readFileSync(lastFile, 'utf8')); } catch {}
  const now = {};
  const out = [];

  for (const w of wallets) {
    const snap = await snapshot(w.addr, all);
    let total = 0;
    for (const r of snap.rows) {
      const m = meta[r.mint] || (r.mint === 'SOL' ? meta.SOL : undefined) || {};
      r.symbol = r.mint === 'SOL' ? 'SOL' : m.symbol || r.mint.slice(0, 4) + '…';
      r.usd = m.price != null ? r.amount * m.price : null;
      if (r.usd != null) total += r.usd;
    }
    snap.total = total;
    now[w.addr] = total;
    snap.delta = last[w.addr] ? ((total - last[w.addr]) / last[w.addr]) * 100 : null;
    snap.label = w.label;
    out.push(snap);
  }
  fs.writeFileSync(lastFile, JSON.stringify(now));

  if (json) { console.log(JSON.stringify(out, null, 2)); return; }
  for (const s of out) {
    console.log(`Wallet ${s.addr.slice(0, 4)}…${s.addr.slice(-4)}${s.label ? ` (${s.label})` : ''}  slot ${s.slot}`);
    console.log('  asset          amount          usd');
    for (const r of s.rows) console.log(`  ${r.symbol.padEnd(8)} ${fmt(r.amount, 4).padStart(14)} ${fmt(r.usd).padStart(12)}`);
    console.log(`  total ${fmt(s.total).padStart(30)}${s.delta == null ? '' : `   ${s.delta >= 0 ? '+' : ''}${s.delta.toFixed(1)}%`}\n`);
  }
}

main().catch((e) => { console.error(e.message); process.exit(1); });
