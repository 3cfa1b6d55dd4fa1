#!/usr/bin/env node
// Pair outgoing and incoming transfers between the user's own wallets/exchanges.
import { readFileSync, writeFileSync } from 'node:fs';
import Decimal from 'decimal.js';

const args = process.argv.slice(2);
const file = args[0];
const opt = (k, d) => { const i = args.indexOf(k); return i >= 0 ? args[i + 1] : d; };
const own = JSON.parse(readFileSync(opt('--own', 'own-addresses.json'), 'utf8'));
const windowMs = parseInt(opt('--window', '6h')) * 3600e3;
const mine = new Set(Object.values(own).flat().map(a => a.toLowerCase()));

const rows = readFileSync(file, 'utf8').trim().split('\n').map(JSON.parse);
const ins = rows.filter(r => r.kind === 'transfer_in' || (r.kind === 'transfer' && mine.has((r.to || '').toLowerCase())));
const unmatched = [];
for (const o of rows.filter(r => r.kind === 'transfer_out' || (r.kind === 'transfer' && mine.has((r.from || '').toLowerCase())))) {
  const q = new Decimal(o.qty || 0);
  const hit = ins.find(i => !i.matched && i.asset === o.asset && Math.abs(new Date(i.ts) - new Date(o.ts)) <= windowMs
    && new Decimal(i.qty || 0).lte(q) && new Decimal(i.qty || 0).gte(q.mul(0.98)));
  if (hit) { hit.matched = o.matched = true; o.kind = 'self_out'; hit.kind = 'self_in'; }
  else if (!mine.has((o.to || '').toLowerCase())) unmatched.push(o);
}
for (const r of rows) if (r.kind === 'transfer_in' && !r.matched) r.kind = 'transfer_in_external';
writeFileSync(file, rows.map(r => JSON.stringify(r)).join('\n') + '\n');
console.log(`matched ${rows.filter(r => r.kind === 'self_out').length} self-transfers`);
for (const u of unmatched) console.log(`UNMATCHED ${u.ts} ${u.qty} ${u.asset} -> ${u.to || '?'} (${u.txid})`);
