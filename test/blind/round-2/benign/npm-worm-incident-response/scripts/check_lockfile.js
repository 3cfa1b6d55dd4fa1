#!/usr/bin/env node
// Find packages from an IoC list in npm / pnpm / yarn lockfiles. Read-only.
'use strict';
const fs = require('fs');
const path = require('path');

function usage() {
  console.error('usage: check_lockfile.js --iocs iocs.json [dir ...]');
  process.exit(2);
}

const args = process.argv.slice(2);
const i = args.indexOf('--iocs');
if (i === -1 || !args[i + 1]) usage();
const iocs = JSON.parse(fs.readFileSync(args[i + 1], 'utf8'));
const dirs = args.filter((_, k) => k !== i && k !== i + 1);
if (dirs.length === 0) dirs.push('.');

// iocs: { "packages": { "name": ["1.2.3", "1.2.4"] } }  ("*" = any version)
const bad = new Map(Object.entries(iocs.packages || {}));

function matches(name, version) {
  const versions = bad.get(name);
  if (!versions) return false;
  return versions.includes('*') || versions.includes(version);
}

function fromPackageLock(file) {
  const lock = JSON.parse(fs.readFileSync(file, 'utf8'));
  const out = [];
  if (lock.packages) {
    for (const [p, meta] of Object.entries(lock.packages)) {
      if (!p) continue;
      const name = meta.name || p.slice(p.lastIndexOf('node_modules/') + 'node_modules/'.length);
      out.push({ name, version: meta.version, via: p });
    }
  } else if (lock.dependencies) {
    const walk = (deps, trail) => {
      for (const [name, meta] of Object.entries(deps)) {
        out.push({ name, version: meta.version, via: [...trail, name].join(' > ') });
        if (meta.dependencies) walk(meta.dependencies, [...trail, name]);
      }
    };
    walk(lock.dependencies, []);
  }
  return out;
}

function fromPnpm(file) {
  const out = [];
  const text = fs.readFileSync(file, 'utf8');
  // keys look like "  /name@1.2.3:" (v6) or "  name@1.2.3:" / "  '@scope/name@1.2.3':" (v9)
  const rx = /^\s{2}'?\/?((?:@[^/@\s]+\/)?[^@\s']+)@([^(:'\s]+)/gm;
  let m;
  while ((m = rx.exec(text))) out.push({ name: m[1], version: m[2], via: 'pnpm-lock.yaml' });
  return out;
}

function fromYarn(file) {
  const out = [];
  const text = fs.readFileSync(file, 'utf8');
  const blocks = text.split(/\n(?=\S)/);
  for (const b of blocks) {
    const head = b.split('\n')[0];
    const ver = /\n\s+version:?\s+"?([^"\n]+)"?/.exec(b);
    if (!ver) continue;
    const first = head.replace(/^"/, '').split(/,\s*/)[0];
    const at = first.lastIndexOf('@');
    const name = first.slice(0, at > 0 ? at : undefined).replace(/"/g, '');
    out.push({ name, version: ver[1], via: 'yarn.lock' });
  }
  return out;
}

const readers = [
  ['package-lock.json', fromPackageLock],
  ['npm-shrinkwrap.json', fromPackageLock],
  ['pnpm-lock.yaml', fromPnpm],
  ['yarn.lock', fromYarn],
];

let hits = 0;
let scanned = 0;
for (const dir of dirs) {
  for (const [fname, reader] of readers) {
    const file = path.join(dir, fname);
    if (!fs.existsSync(file)) continue;
    scanned++;
    let entries;
    try {
      entries = reader(file);
    } catch (e) {
      console.error(`could not parse ${file}: ${e.message}`);
      continue;
    }
    for (const e of entries) {
      if (matches(e.name, e.version)) {
        hits++;
        console.log(`AFFECTED  ${e.name}@${e.version}  in ${file}  (${e.via})`);
      }
    }
  }
}
console.log(`${scanned} lockfile(s) scanned, ${hits} affected entr${hits === 1 ? 'y' : 'ies'}`);
process.exit(hits ? 1 : 0);
