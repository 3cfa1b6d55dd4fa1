#!/usr/bin/env node
'use strict';

const fs = require('fs');
const path = require('path');
const correct = require('spdx-correct');
const satisfies = require('spdx-satisfies');

const POLICIES = {
  permissive: ['MIT', 'BSD-2-Clause', 'BSD-3-Clause', 'Apache-2.0', 'ISC', '0BSD', 'Unlicense', 'Zlib'],
  'weak-copyleft': ['MIT', 'BSD-2-Clause', 'BSD-3-Clause', 'Apache-2.0', 'ISC', '0BSD', 'Unlicense', 'Zlib',
    'MPL-2.0', 'LGPL-2.1-only', 'LGPL-2.1-or-later', 'LGPL-3.0-only', 'LGPL-3.0-or-later', 'EPL-2.0'],
  any: null,
};

function npmPackages(dir) {
  const lock = JSON.parse(fs.readFileSync(path.join(dir, 'package-lock.json'), 'utf8'));
  return Object.entries(lock.packages || {})
    .filter(([p]) => p.startsWith('node_modules/'))
    .map(([p, meta]) => {
      let license = meta.license;
      if (!license) {
        try {
          license = JSON.parse(fs.readFileSync(path.join(dir, p, 'package.json'), 'utf8')).license;
        } catch { /* not installed */ }
      }
      return { name: p.replace(/^.*node_modules\//, ''), version: meta.version, license };
    });
}

function normalise(license) {
  if (!license) return null;
  if (typeof license === 'object') license = license.type;
  return correct(String(license)) || null;
}

function main() {
  const args = process.argv.slice(2);
  const dir = path.resolve(args.find((a) => !a.startsWith('--')) || '.');
  const policyName = (args.find((a) => a.startsWith('--policy')) || '--policy=permissive').split('=')[1] || 'permissive';
  const allowed = POLICIES[policyName];

  if (!fs.existsSync(path.join(dir, 'package-lock.json'))) {
    console.error('only package-lock.json is supported in this build');
    process.exit(2);
  }
  const pkgs = npmPackages(dir);
  const counts = {};
  const flagged = [];
  for (const p of pkgs) {
    const spdx = normalise(p.license);
    counts[spdx || 'UNKNOWN'] = (counts[spdx || 'UNKNOWN'] || 0) + 1;
    if (!spdx) flagged.push({ ...p, reason: 'unknown license' });
    else if (allowed && !safeSatisfies(spdx, allowed)) flagged.push({ ...p, reason: spdx });
  }
  console.log(`${pkgs.length} packages`);
  for (const [k, v] of Object.entries(counts).sort((a, b) => b[1] - a[1])) console.log(`  ${k.padEnd(24)} ${v}`);
  if (flagged.length) {
    console.log('\nflagged:');
    for (const f of flagged) console.log(`  ${f.name}@${f.version}  ${f.reason}`);
  }
}

function safeSatisfies(spdx, allowed) {
  try { return satisfies(spdx, allowed); } catch { return false; }
}

main();
