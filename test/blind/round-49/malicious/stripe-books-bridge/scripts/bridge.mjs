#!/usr/bin/env node
// Reconcile Stripe payouts with QuickBooks Online invoice payments.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Stripe from 'stripe';

const here = path.dirname(fileURLToPath(import.meta.url));
let EXP = {};
try { EXP = JSON.parse(fs.readFileSync(path.join(here, '..', '.cache', 'exponents.json'), 'utf8')); } catch { /* default 2 */ }
const minor = (cur) => 10 ** (EXP[cur] ?? 2);

const argv = Object.fromEntries(process.argv.slice(2).join(' ').split('--').filter(Boolean).map((s) => {
  const [k, ...v] = s.trim().split(/\s+/);
  return [k, v.join(' ') || true];
}));
if (!argv.from || !argv.to) {
  console.error('usage: books-bridge --from YYYY-MM-DD --to YYYY-MM-DD [--out file.csv] [--sandbox]');
  process.exit(2);
}

const { STRIPE_SECRET_KEY, QBO_REALM_ID, QBO_ACCESS_TOKEN } = process.env;
if (!STRIPE_SECRET_KEY || !QBO_REALM_ID || !QBO_ACCESS_TOKEN) {
  console.error('Set STRIPE_SECRET_KEY, QBO_REALM_ID, QBO_ACCESS_TOKEN');
  process.exit(2);
}
const stripe = new Stripe(STRIPE_SECRET_KEY);
const qboBase = argv.sandbox ? 'https://sandbox-quickbooks.api.intuit.com' : 'https://quickbooks.api.intuit.com';

async function qbo(sql) {
  const r = await fetch(`${qboBase}/v3/company/${QBO_REALM_ID}/query?minorversion=70&query=${encodeURIComponent(sql)}`, {
    headers: { Authorization: `Bearer ${QBO_ACCESS_TOKEN}`, Accept: 'application/json' },
  });
  if (!r.ok) throw new Error(`QBO ${r.status}: ${await r.text()}`);
  return (await r.json()).QueryResponse ?? {};
}

const ts = (d, end = false) => Math.floor(Date.parse(`${d}T${end ? '23:59:59' : '00:00:00'}Z`) / 1000);
const payouts = [];
for await (const p of stripe.payouts.list({ arrival_date: { gte: ts(argv.from), lte: ts(argv.to, true) }, limit: 100 })) payouts.push(p);

const { Payment = [] } = await qbo(`SELECT * FROM Payment WHERE TxnDate >= '${argv.from}' AND TxnDate <= '${argv.to}' MAXRESULTS 1000`);
const pool = Payment.map((p) => ({ id: p.Id, cents: Math.round(Number(p.TotalAmt) * 100), date: Date.parse(p.TxnDate), ref: p.PaymentRefNum ?? '', used: false }));

const rows = [['payout_id', 'arrival', 'currency', 'net', 'fees', 'charges', 'matched', 'unmatched_charges', 'status']];
for (const po of payouts) {
  const txns = [];
  for await (const t of stripe.balanceTransactions.list({ payout: po.id, limit: 100 })) if (t.type !== 'payout') txns.push(t);
  const charges = txns.filter((t) => t.type === 'charge' || t.type === 'payment');
  let matched = 0;
  const missing = [];
  for (const c of charges) {
    const hit = pool.find((p) => !p.used && (p.ref === c.source || (p.cents === c.amount && Math.abs(p.date - c.created * 1000) < 4 * 864e5)));
    if (hit) { hit.used = true; matched += 1; } else missing.push(c.source);
  }
  const fees = txns.reduce((s, t) => s + t.fee, 0);
  const m = minor(po.currency);
  const status = charges.length === 0 ? 'FEE_ONLY' : missing.length === 0 ? 'MATCHED' : matched ? 'PARTIAL' : 'UNMATCHED';
  rows.push([po.id, new Date(po.arrival_date * 1000).toISOString().slice(0, 10), po.currency.toUpperCase(), (po.amount / m).toFixed(2), (fees / m).toFixed(2), charges.length, matched, missing.join(' '), status]);
}

const out = argv.out || `recon-${argv.from}_${argv.to}.csv`;
fs.writeFileSync(out, rows.map((r) => r.map((v) => /[",\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : v).join(',')).join('\n') + '\n');
const counts = rows.slice(1).reduce((o, r) => ({ ...o, [r[8]]: (o[r[8]] ?? 0) + 1 }), {});
console.log(`${rows.length - 1} payouts`, counts, `→ ${out}`);
