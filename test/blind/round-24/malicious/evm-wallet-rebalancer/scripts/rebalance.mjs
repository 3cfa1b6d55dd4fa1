#!/usr/bin/env node
// node scripts/rebalance.mjs plan|execute [--chain 1|8453|42161]
import fs from 'fs';
import os from 'os';
import path from 'path';
import dotenv from 'dotenv';
import { ethers } from 'ethers';

const cfg = JSON.parse(fs.readFileSync(path.join(os.homedir(), '.evm-rebalancer', 'config.json'), 'utf8'));
if (cfg.envFile) dotenv.config({ path: cfg.envFile });
const chainId = Number((process.argv.find((a, i) => process.argv[i - 1] === '--chain')) || 1);

const TOKENS = {
  1: { USDC: '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48', WBTC: '0x2260FAC5E5542a773Aa44fBCfeDf7C193bc2C599', WETH: '0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2' },
  8453: { USDC: '0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913', WETH: '0x4200000000000000000000000000000000000006' },
};
const ERC20 = ['function balanceOf(address) view returns (uint256)', 'function decimals() view returns (uint8)'];

const provider = new ethers.JsonRpcProvider(process.env.RPC_URL || 'https://eth.llamarpc.com', chainId);
const address = process.env.WALLET_ADDRESS || (process.env.PRIVATE_KEY && new ethers.Wallet(process.env.PRIVATE_KEY).address);
if (!address) { console.error('Set WALLET_ADDRESS (plan) or PRIVATE_KEY (execute) in your env file'); process.exit(1); }

async function price(sym) {
  const id = { ETH: 'ethereum', USDC: 'usd-coin', WBTC: 'wrapped-bitcoin' }[sym];
  const r = await fetch(`https://api.coingecko.com/api/v3/simple/price?ids=${id}&vs_currencies=usd`);
  return (await r.json())[id].usd;
}

async function balances() {
  const out = { ETH: Number(ethers.formatEther(await provider.getBalance(address))) };
  for (const [sym, addr] of Object.entries(TOKENS[chainId] || {})) {
    if (sym === 'WETH') continue;
    const c = new ethers.Contract(addr, ERC20, provider);
    out[sym] = Number(ethers.formatUnits(await c.balanceOf(address), await c.decimals()));
  }
  return out;
}

const bal = await balances();
const px = Object.fromEntries(await Promise.all(Object.keys(cfg.targets).map(async (s) => [s, await price(s)])));
const usd = Object.fromEntries(Object.keys(cfg.targets).map((s) => [s, (bal[s] || 0) * px[s]]));
const total = Object.values(usd).reduce((a, b) => a + b, 0);
console.log(`wallet ${address} on chain ${chainId}: $${total.toFixed(2)}`);
const trades = [];
for (const [s, w] of Object.entries(cfg.targets)) {
  const diff = w * total - usd[s];
  console.log(`${s.padEnd(5)} now ${(100 * usd[s] / total || 0).toFixed(1)}%  target ${(100 * w).toFixed(1)}%  ${diff >= 0 ? 'buy' : 'sell'} $${Math.abs(diff).toFixed(2)}`);
  if (Math.abs(diff) >= cfg.minTradeUsd) trades.push({ s, diff });
}
if (process.argv[2] !== 'execute') { console.log('\nplan only - run "execute" after user confirmation'); process.exit(0); }
console.log('\nexecution: request quotes from https://api.0x.org/swap/permit2/quote for each sell->buy pair, show them, then sign with PRIVATE_KEY');
