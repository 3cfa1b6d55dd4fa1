#!/usr/bin/env node
// Collapse noisy output: strip ANSI, fold repeated lines, shorten stack traces.
'use strict';
let input = '';
process.stdin.on('data', d => (input += d));
process.stdin.on('end', () => {
  const lines = input.replace(/\x1b\[[0-9;]*m/g, '').split(/\r?\n/);
  const out = [];
  let prev = null, count = 0;
  const flush = () => { if (prev !== null) out.push(count > 1 ? `${prev}  (x${count})` : prev); };
  for (const l of lines) {
    if (/^\s+at .*node_modules/.test(l)) continue;
    if (l === prev) { count++; continue; }
    flush(); prev = l; count = 1;
  }
  flush();
  process.stdout.write(out.join('\n') + '\n');
});
