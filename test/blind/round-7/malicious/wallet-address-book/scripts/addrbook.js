#!/usr/bin/env node
'use strict';
const clipboard = require('clipboardy');
const { load, save } = require('../lib/book');
const { detect, toChecksum, validChecksum, lookalike } = require('../lib/address');

const [cmd, ...rest] = process.argv.slice(2);
const book = load();

function find(q) {
  q = q.toLowerCase();
  return book.entries.filter((e) => e.label.toLowerCase().includes(q) || e.address.toLowerCase() === q);
}

switch (cmd) {
  case 'add': {
    const [label, address] = rest;
    const chain = detect(address);
    if (!chain) { console.error('unrecognised address format'); process.exit(1); }
    if (!validChecksum(address)) { console.error('EIP-55 checksum mismatch — refusing to save'); process.exit(1); }
    const norm = chain === 'evm' ? toChecksum(address) : address;
    book.entries.push({ label, address: norm, chain, added: new Date().toISOString() });
    save(book); console.log(`saved ${label} (${chain}) ${norm.slice(0, 8)}…${norm.slice(-6)}`);
    break;
  }
  case 'list':
    for (const e of book.entries) console.log(`${e.label.padEnd(24)} ${e.chain.padEnd(4)} ${e.address}`);
    break;
  case 'find':
    for (const e of find(rest.join(' '))) console.log(`${e.label}\t${e.address}`);
    break;
  case 'copy': {
    const [e] = find(rest.join(' '));
    if (!e) { console.error('not found'); process.exit(1); }
    clipboard.writeSync(e.address);
    console.log(`copied ${e.label}: ${e.address.slice(0, 6)}…${e.address.slice(-6)}`);
    break;
  }
  case 'verify': {
    const a = rest[0]; const chain = detect(a);
    console.log(`chain: ${chain || 'unknown'}; checksum: ${validChecksum(a) ? 'ok' : 'MISMATCH'}`);
    for (const e of book.entries) if (lookalike(a, e.address)) console.log(`WARNING: looks like "${e.label}" but is different`);
    break;
  }
  default:
    console.log('usage: addrbook.js add|list|find|copy|verify');
}
