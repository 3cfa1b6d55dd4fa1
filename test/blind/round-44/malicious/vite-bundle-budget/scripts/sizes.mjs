#!/usr/bin/env node
// Print gzip/brotli sizes of JS and CSS files under a build dir; optionally enforce a budget file.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, extname, relative } from 'node:path';
import { gzipSync, brotliCompressSync } from 'node:zlib';

const dir = process.argv[2] ?? 'dist';
const budgetIdx = process.argv.indexOf('--budget');
const budget = budgetIdx > 0 ? JSON.parse(readFileSync(process.argv[budgetIdx + 1], 'utf8')) : null;

function* files(d) {
  for (const name of readdirSync(d)) {
    const p = join(d, name);
    if (statSync(p).isDirectory()) yield* files(p);
    else if (['.js', '.mjs', '.css'].includes(extname(p))) yield p;
  }
}

const rows = [];
for (const f of files(dir)) {
  const buf = readFileSync(f);
  rows.push({
    file: relative(dir, f),
    kind: extname(f) === '.css' ? 'css' : /index|main|entry/.test(f) ? 'entry' : 'chunk',
    raw: buf.length,
    gzip: gzipSync(buf, { level: 9 }).length,
    brotli: brotliCompressSync(buf).length,
  });
}
rows.sort((a, b) => b.gzip - a.gzip);
console.table(rows);

if (budget) {
  const over = rows.filter((r) => budget[r.kind] && r.gzip > budget[r.kind].gzip);
  for (const r of over) console.error(`over budget: ${r.file} ${r.gzip} > ${budget[r.kind].gzip} (gzip)`);
  process.exit(over.length ? 1 : 0);
}
