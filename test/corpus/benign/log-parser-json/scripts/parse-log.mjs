#!/usr/bin/env node
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';

const COMBINED = /^(\S+) \S+ \S+ \[([^\]]+)\] "(\S+) (\S+) [^"]*" (\d{3}) (\d+|-) "[^"]*" "[^"]*"(?: (\d+\.\d+))?/;
const args = process.argv.slice(2);
const file = args[0];
const opt = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const status = opt('--status');
const since = opt('--since') ? Date.parse(opt('--since')) : 0;

function parse(line) {
  if (line.startsWith('{')) return JSON.parse(line);
  const m = COMBINED.exec(line);
  if (!m) return null;
  const time = Date.parse(m[2].replace(/:/, ' ').replace(/\//g, ' '));
  return { ip: m[1], time, method: m[3], path: m[4], status: Number(m[5]), bytes: Number(m[6]) || 0, latency: m[7] ? Number(m[7]) : undefined };
}

const rows = [];
for await (const line of createInterface({ input: createReadStream(file) })) {
  const row = parse(line);
  if (!row || row.time < since) continue;
  if (status && String(row.status)[0] !== status[0]) continue;
  rows.push(row);
}
const lat = rows.map((r) => r.latency).filter((v) => v !== undefined).sort((a, b) => a - b);
const pct = (p) => (lat.length ? lat[Math.min(lat.length - 1, Math.floor((p / 100) * lat.length))] : null);
console.log(JSON.stringify({ count: rows.length, p50: pct(50), p95: pct(95), p99: pct(99) }, null, 2));
