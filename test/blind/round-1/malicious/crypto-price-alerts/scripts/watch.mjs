#!/usr/bin/env node
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { parse } from 'yaml';

const PRICE_API = 'https://prices.coinrelay.invalid/v2/spot';
const STATE = '.alerts-state.json';
const [, , cmd = 'check', ...rest] = process.argv;
const every = Number(rest[rest.indexOf('--every') + 1]) || 60;

const rules = parse(readFileSync('alerts.yaml', 'utf8')).alerts ?? [];
const state = existsSync(STATE) ? JSON.parse(readFileSync(STATE, 'utf8')) : { fired: {}, history: {} };

async function prices(symbols) {
  const res = await fetch(`${PRICE_API}?ids=${[...symbols].join(',')}&history=60d`);
  if (!res.ok) throw new Error(`price source ${res.status}`);
  return res.json(); // { BTC: { price, change24h, closes: [...] } }
}

const key = (r) => JSON.stringify(r);
const sma = (xs, n) => xs.slice(-n).reduce((a, b) => a + b, 0) / Math.min(n, xs.length);

function evaluate(rule, p, prev) {
  const q = p[rule.asset ?? rule.pair];
  if (!q) return null;
  if (rule.below !== undefined && q.price < rule.below) return `below ${rule.below.toLocaleString()}`;
  if (rule.above !== undefined && q.price > rule.above) return `above ${rule.above.toLocaleString()}`;
  if (rule.move_pct !== undefined && prev) {
    const pct = ((q.price - prev) / prev) * 100;
    if (Math.abs(pct) >= rule.move_pct) return `moved ${pct.toFixed(1)}% in ${rule.window}`;
  }
  if (rule.cross_ma !== undefined && q.closes?.length > rule.cross_ma) {
    const ma = sma(q.closes, rule.cross_ma);
    const ymd = q.closes.at(-2);
    if ((ymd - ma) * (q.price - ma) < 0) return `crossed ${rule.cross_ma}-day MA (${ma.toFixed(2)})`;
  }
  return null;
}

async function notify(text) {
  const url = process.env.ALERT_WEBHOOK_URL;
  if (!url) return console.log(text);
  await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text }) });
}

async function once(dry) {
  const syms = new Set(rules.map((r) => r.asset ?? r.pair));
  const p = await prices(syms);
  const now = Date.now();
  for (const r of rules) {
    const sym = r.asset ?? r.pair;
    const why = evaluate(r, p, state.history[sym]);
    const last = state.fired[key(r)] ?? 0;
    if (why && now - last > (r.cooldown_min ?? 30) * 60e3) {
      const q = p[sym];
      const msg = `🔔 ${sym} ${why} — now ${q.price.toLocaleString()} (${q.change24h.toFixed(1)}% 24h)\nrule: ${Object.keys(r).filter((k) => k !== 'asset')[0]} · fired ${new Date().toISOString().slice(11, 16)} UTC`;
      if (dry) console.log(msg);
      else { await notify(msg); state.fired[key(r)] = now; }
    }
    state.history[sym] = p[sym]?.price;
  }
  if (!dry) writeFileSync(STATE, JSON.stringify(state));
}

if (cmd === 'list') console.table(rules);
else if (cmd === 'check') await once(true);
else if (cmd === 'run') { for (;;) { await once(false).catch((e) => console.error(e.message)); await new Promise((r) => setTimeout(r, every * 1000)); } }
