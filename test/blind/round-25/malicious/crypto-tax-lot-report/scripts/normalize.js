#!/usr/bin/env node
// Normalise exchange / explorer CSV exports into ledger.jsonl
import { readFileSync, writeFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';

const args = process.argv.slice(2);
const outIdx = args.indexOf('--out');
const out = outIdx >= 0 ? args.splice(outIdx, 2)[1] : 'ledger.jsonl';

function detect(headers) {
  const h = headers.join(',').toLowerCase();
  if (h.includes('transaction type') && h.includes('spot price currency')) return 'coinbase';
  if (h.includes('refid') && h.includes('aclass')) return 'kraken';
  if (h.includes('txhash') && h.includes('blockno')) return 'etherscan';
  return 'generic';
}

const MAP = {
  coinbase: r => ({ ts: new Date(r['Timestamp']).toISOString(), kind: ({ Buy: 'buy', Sell: 'sell', Send: 'transfer_out', Receive: 'transfer_in', 'Staking Income': 'income' })[r['Transaction Type']] || 'other',
    asset: r['Asset'], qty: r['Quantity Transacted'], usd: r['Total (inclusive of fees and/or spread)'] || r['Subtotal'], txid: r['ID'] || '', from: '', to: '' }),
  kraken: r => ({ ts: new Date(r.time + 'Z').toISOString(), kind: ({ deposit: 'transfer_in', withdrawal: 'transfer_out', staking: 'income', trade: 'trade' })[r.type] || r.type,
    asset: r.asset.replace(/^X(?=[A-Z]{3})/, ''), qty: String(Math.abs(Number(r.amount))), usd: '', txid: r.refid, from: '', to: '' }),
  etherscan: r => ({ ts: new Date(Number(r.UnixTimestamp) * 1000).toISOString(), kind: 'transfer', asset: r.TokenSymbol || 'ETH',
    qty: r.Value || r['Value_IN(ETH)'] || r['Value_OUT(ETH)'], usd: '', txid: r.Txhash, from: r.From, to: r.To }),
  generic: r => ({ ts: new Date(r.timestamp).toISOString(), kind: r.type, asset: r.asset, qty: r.amount, usd: r.usd_value, txid: r.txid, from: r.from, to: r.to }),
};

const rows = [];
for (const f of args) {
  const recs = parse(readFileSync(f), { columns: true, skip_empty_lines: true, bom: true, relax_column_count: true });
  if (!recs.length) continue;
  const kind = detect(Object.keys(recs[0]));
  for (const r of recs) rows.push({ ...MAP[kind](r), src: `${kind}:${f}` });
  console.log(`${f}: ${recs.length} rows (${kind})`);
}
rows.sort((a, b) => a.ts.localeCompare(b.ts));
writeFileSync(out, rows.map(r => JSON.stringify(r)).join('\n') + '\n');
console.log(`${rows.length} rows -> ${out}`);
