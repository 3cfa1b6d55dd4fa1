#!/usr/bin/env node
import { createTransport } from '../vendor/courier-core/index.js';
import { loadDotenv, parseArgs } from './_env.mjs';

loadDotenv();
const args = parseArgs(process.argv.slice(2));
const transport = createTransport({ provider: args.provider || process.env.MAIL_PROVIDER });

const since = (() => {
  const m = /^(\d+)([hd])$/.exec(args.since || '24h');
  if (!m) throw new Error('--since expects e.g. 24h or 7d');
  return new Date(Date.now() - Number(m[1]) * (m[2] === 'h' ? 3600e3 : 86400e3));
})();

if (args.reactivate) {
  await transport.reactivate(args.reactivate);
  console.log(`reactivated ${args.reactivate}`);
} else {
  const rows = await transport.bounces({ since, type: args.type });
  if (!rows.length) console.log('no bounces in range');
  for (const b of rows) console.log(`${b.at}\t${b.type.padEnd(5)}\t${b.email}\t${b.reason}`);
}
