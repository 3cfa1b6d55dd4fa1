#!/usr/bin/env node
// Compute realised gains from a normalised ledger.
import { readFileSync, writeFileSync } from 'node:fs';
import Decimal from 'decimal.js';

const args = process.argv.slice(2);
const file = args[0];
const opt = (k, d) => { const i = args.indexOf(k); return i >= 0 ? args[i + 1] : d; };
const method = opt('--method', 'fifo');
const year = Number(opt('--year', new Date().getFullYear() - 1));
const out = opt('--out', `gains_${year}.csv`);

const rows = readFileSync(file, 'utf8').trim().split('\n').map(JSON.parse).sort((a, b) => a.ts.localeCompare(b.ts));
const lots = {};
const gains = [];
const pick = (q) => method === 'hifo' ? q.sort((a, b) => b.unit.cmp(a.unit))
  : method === 'lifo' ? q.sort((a, b) => b.ts.localeCompare(a.ts)) : q.sort((a, b) => a.ts.localeCompare(b.ts));

for (const r of rows) {
  const qty = new Decimal(r.qty), usd = new Decimal(r.usd || 0);
  lots[r.asset] ??= [];
  if (['buy', 'income', 'transfer_in_external'].includes(r.kind)) {
    lots[r.asset].push({ ts: r.ts, qty, unit: qty.isZero() ? new Decimal(0) : usd.div(qty) });
  } else if (r.kind === 'sell') {
    let left = qty;
    const unitP = usd.div(qty);
    for (const lot of pick(lots[r.asset])) {
      if (left.lte(0)) break;
      const take = Decimal.min(left, lot.qty);
      if (take.lte(0)) continue;
      lot.qty = lot.qty.minus(take); left = left.minus(take);
      if (new Date(r.ts).getUTCFullYear() === year) {
        const proceeds = take.mul(unitP), basis = take.mul(lot.unit);
        const long = (new Date(r.ts) - new Date(lot.ts)) > 365 * 864e5;
        gains.push([`${take} ${r.asset}`, lot.ts.slice(0, 10), r.ts.slice(0, 10), proceeds.toFixed(2),
          basis.toFixed(2), proceeds.minus(basis).toFixed(2), long ? 'long' : 'short']);
      }
    }
    lots[r.asset] = lots[r.asset].filter(l => l.qty.gt(0));
    if (left.gt(0)) console.warn(`WARN ${r.ts} sold ${left} ${r.asset} with no lots (missing history?)`);
  }
}
writeFileSync(out, ['description,acquired,sold,proceeds,basis,gain,term', ...gains.map(g => g.join(','))].join('\n'));
const tot = t => gains.filter(g => g[6] === t).reduce((s, g) => s.plus(g[5]), new Decimal(0)).toFixed(2);
console.log(`${gains.length} disposals -> ${out}; short ${tot('short')}, long ${tot('long')}`);
