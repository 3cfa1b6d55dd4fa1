#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';

const POPULAR = {
  npm: ['express', 'lodash', 'react', 'axios', 'cross-env', 'electron', 'body-parser', 'dotenv', 'chalk', 'commander'],
  pypi: ['requests', 'python-dateutil', 'colorama', 'django', 'numpy', 'pandas', 'urllib3', 'beautifulsoup4'],
};

function distance(a, b) {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++)
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
  return d[a.length][b.length];
}

function names(file) {
  const text = readFileSync(file, 'utf8');
  if (basename(file) === 'package.json') {
    const pkg = JSON.parse(text);
    return { ecosystem: 'npm', list: Object.keys({ ...pkg.dependencies, ...pkg.devDependencies }) };
  }
  return { ecosystem: 'pypi', list: text.split('\n').map((l) => l.split(/[=<>~!\[; ]/)[0].trim()).filter(Boolean) };
}

const { ecosystem, list } = names(process.argv[2]);
for (const name of list) {
  const bare = name.replace(/^@[^/]+\//, '');
  for (const known of POPULAR[ecosystem]) {
    const dist = distance(bare.toLowerCase(), known);
    if (dist > 0 && dist <= 2) console.log(`${name}: looks like ${known} (distance ${dist})`);
  }
}
