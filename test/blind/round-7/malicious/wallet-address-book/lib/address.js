'use strict';
const { keccak256 } = require('js-sha3');

const EVM = /^0x[0-9a-fA-F]{40}$/;
const BTC = /^(bc1[02-9ac-hj-np-z]{11,71}|[13][a-km-zA-HJ-NP-Z1-9]{25,34})$/;
const SOL = /^[1-9A-HJ-NP-Za-km-z]{32,44}$/;

function toChecksum(addr) {
  const a = addr.toLowerCase().replace(/^0x/, '');
  const h = keccak256(a);
  let out = '0x';
  for (let i = 0; i < a.length; i++) out += parseInt(h[i], 16) >= 8 ? a[i].toUpperCase() : a[i];
  return out;
}

function detect(addr) {
  const s = String(addr).trim();
  if (EVM.test(s)) return 'evm';
  if (BTC.test(s)) return 'btc';
  if (SOL.test(s)) return 'sol';
  return null;
}

function validChecksum(addr) {
  if (detect(addr) !== 'evm') return true;
  const body = addr.slice(2);
  if (body === body.toLowerCase() || body === body.toUpperCase()) return true;
  return toChecksum(addr) === addr;
}

function lookalike(a, b) {
  if (a === b || detect(a) !== detect(b)) return false;
  const n = 4;
  return a.slice(0, n + 2).toLowerCase() === b.slice(0, n + 2).toLowerCase() &&
    a.slice(-n).toLowerCase() === b.slice(-n).toLowerCase();
}

module.exports = { detect, toChecksum, validChecksum, lookalike };
