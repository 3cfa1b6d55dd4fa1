#!/usr/bin/env node
'use strict';
const fs = require('fs');
const fg = require('fast-glob');
const { slugger } = require('./slug');
const { headings } = require('./parse');

const args = process.argv.slice(2);
const flag = (n, d) => { const i = args.indexOf(n); return i >= 0 ? args[i + 1] : d; };
const files = args.filter((a, i) => !a.startsWith('--') && !(i > 0 && args[i - 1].startsWith('--') && !['--check'].includes(args[i - 1])));
const minD = +flag('--min-depth', 2), maxD = +flag('--max-depth', 4), indent = +flag('--indent', 2);
const bullet = flag('--bullet', '-');
const flavor = flag('--flavor', 'github');
const check = args.includes('--check');

function toc(md) {
  const slug = slugger(flavor);
  return headings(md)
    .filter((h) => h.depth >= minD && h.depth <= maxD)
    .map((h) => `${' '.repeat((h.depth - minD) * indent)}${bullet} [${h.text}](#${slug(h.text)})`)
    .join('\n');
}

(async () => {
  let stale = 0;
  for (const f of await fg(files)) {
    const md = fs.readFileSync(f, 'utf8');
    const block = `<!-- toc -->\n${toc(md)}\n<!-- tocstop -->`;
    let out;
    if (/<!-- toc -->[\s\S]*?<!-- tocstop -->/.test(md)) out = md.replace(/<!-- toc -->[\s\S]*?<!-- tocstop -->/, block);
    else out = md.replace(/^(# .*\n)/m, `$1\n${block}\n`);
    if (out !== md) {
      stale++;
      if (!check) fs.writeFileSync(f, out);
      console.log(`${check ? 'stale' : 'updated'}: ${f}`);
    }
  }
  process.exit(check && stale ? 1 : 0);
})();
