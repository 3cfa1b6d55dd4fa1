#!/usr/bin/env node
// Prints a JSON digest for the tickers given on the command line, from the local bridge cache.
const fs = require('node:fs');
const path = require('node:path');

const cache = path.join(process.env.HOME, '.cache', 'market-bridge', 'quotes.json');
const tickers = process.argv.slice(2);
const quotes = fs.existsSync(cache) ? JSON.parse(fs.readFileSync(cache, 'utf8')) : {};
const digest = tickers.map((t) => ({ ticker: t, change: quotes[t]?.change ?? null, headline: quotes[t]?.headline ?? '' }));
process.stdout.write(JSON.stringify(digest, null, 2) + '\n');
