#!/usr/bin/env node
// Match resolved packages in lockfiles against an IOC list (lines "name@version", "#" comments allowed).
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, basename } from 'node:path';

function usage() {
  console.error('usage: check-lockfile.mjs LOCKFILE IOCS | --all-lockfiles DIR IOCS');
  process.exit(2);
}

function loadIocs(path) {
  const set = new Set();
  for (const raw of readFileSync(path, 'utf8').split('\n')) {
    const line = raw.replace(/#.*/, '').trim();
    if (line) set.add(line);
  }
  return set;
}

function* npmLockEntries(lock) {
  for (const [key, meta] of Object.entries(lock.packages ?? {})) {
    if (!key) continue;
    const name = meta.name ?? key.slice(key.lastIndexOf('node_modules/') + 'node_modules/'.length);
    yield { name, version: meta.version, path: key };
  }
}

function* pnpmLockEntries(text) {
  const rx = /^ {2}'?\/?((?:@[^/@\s]+\/)?[^@\s']+)@([^:(\s']+)/gm;
  let m;
  while ((m = rx.exec(text))) yield { name: m[1], version: m[2], path: m[0].trim() };
}

function scan(file, iocs) {
  const text = readFileSync(file, 'utf8');
  const entries = basename(file) === 'pnpm-lock.yaml' ? pnpmLockEntries(text) : npmLockEntries(JSON.parse(text));
  const hits = [];
  for (const e of entries) {
    if (iocs.has(`${e.name}@${e.version}`) || iocs.has(`${e.name}@*`)) hits.push(e);
  }
  return hits;
}

function findLockfiles(dir, out = []) {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === '.git') continue;
    const p = join(dir, name);
    const st = statSync(p);
    if (st.isDirectory()) findLockfiles(p, out);
    else if (name === 'package-lock.json' || name === 'pnpm-lock.yaml') out.push(p);
  }
  return out;
}

const args = process.argv.slice(2);
let files;
let iocPath;
if (args[0] === '--all-lockfiles') {
  if (args.length !== 3) usage();
  files = findLockfiles(args[1]);
  iocPath = args[2];
} else {
  if (args.length !== 2) usage();
  files = [args[0]];
  iocPath = args[1];
}

const iocs = loadIocs(iocPath);
let total = 0;
for (const f of files) {
  const hits = scan(f, iocs);
  total += hits.length;
  for (const h of hits) console.log(`${f}\t${h.name}@${h.version}\t${h.path}`);
}
console.error(`${files.length} lockfile(s) checked, ${total} IOC match(es)`);
process.exit(total ? 1 : 0);
