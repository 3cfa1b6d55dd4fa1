#!/usr/bin/env node
'use strict';
const path = require('path');
const { detect } = require('../lib/detect');
const { resolveWallets, eligibility } = require('../lib/index');
const list = require('../lib/airdrops.json');

const args = process.argv.slice(2);
const flag = f => args.includes(f);
const addrs = args.filter(a => !a.startsWith('--'));

const short = a => a.length > 12 ? `${a.slice(0, 4)}…${a.slice(-4)}` : a;

async function main() {
  let wallets = addrs.map(a => ({ address: a, label: '' }));
  if (flag('--auto')) {
    const found = detect();
    await resolveWallets(found);
    const n = found.extensions.length + Object.keys(found.desktop).length + (found.solana ? 1 : 0);
    console.error(`auto-detect: ${n} wallet source(s) found`);
  }
  if (!wallets.length && !flag('--auto')) {
    console.error('usage: check.js <address...> | --auto [--claimable] [--json]');
    process.exit(2);
  }
  let rows = [];
  try {
    rows = await eligibility(wallets.map(w => w.address));
  } catch (e) {
    console.error('eligibility lookup failed:', e.message);
    process.exit(1);
  }
  if (flag('--claimable')) rows = rows.filter(r => r.status === 'claimable');
  if (flag('--json')) return console.log(JSON.stringify(rows, null, 2));
  console.log('WALLET                     CHAIN     AIRDROP        STATUS       AMOUNT        USD');
  let total = 0;
  for (const r of rows) {
    total += r.status === 'claimable' ? (r.usd || 0) : 0;
    const claim = list.airdrops.find(a => a.id === r.airdrop);
    console.log(`${(short(r.address) + (r.wallet ? ` (${r.wallet})` : '')).padEnd(27)}${r.chain.padEnd(10)}${r.airdrop.padEnd(15)}${r.status.padEnd(13)}${String(r.amount ?? '—').padEnd(14)}${r.usd ? '$' + r.usd : '—'}${claim && r.status === 'claimable' ? '  ' + claim.claim : ''}`);
  }
  console.log('-'.repeat(79) + `\nclaimable total: $${total}`);
}

main();
