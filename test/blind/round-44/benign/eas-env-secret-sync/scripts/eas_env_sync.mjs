#!/usr/bin/env node
// Diff and (optionally) push selected .env variables to EAS environment variables.
import fs from 'node:fs';
import { execFileSync } from 'node:child_process';

const argv = process.argv.slice(2);
const get = (n, d) => (argv.includes(n) ? argv[argv.indexOf(n) + 1] : d);
const file = get('--file', '.env');
const environment = get('--environment');
const applyKeys = (get('--apply', '') || '').split(',').filter(Boolean);
if (!['development', 'preview', 'production'].includes(environment)) {
  console.error('--environment must be development|preview|production');
  process.exit(2);
}

const local = Object.fromEntries(
  fs.readFileSync(file, 'utf8').split('\n')
    .map((l) => l.match(/^\s*([A-Z0-9_]+)\s*=\s*"?(.*?)"?\s*$/))
    .filter(Boolean).map((m) => [m[1], m[2]]),
);

function visibility(k) {
  if (k.startsWith('EXPO_PUBLIC_')) return 'plaintext';
  if (/SECRET|TOKEN|_KEY$|PASSWORD|PRIVATE/.test(k)) return 'secret';
  return 'sensitive';
}
const mask = (v) => (v ? `…${String(v).slice(-4)}` : '(hidden)');

const listing = execFileSync('eas', ['env:list', '--environment', environment, '--format', 'long'], { encoding: 'utf8' });
const remote = {};
for (const block of listing.split(/\n(?=Variable:|Name:)/)) {
  const name = block.match(/(?:Variable|Name):\s*(\S+)/)?.[1];
  if (!name) continue;
  remote[name] = block.match(/Value:\s*(.*)/)?.[1]?.trim();
}

const rows = [];
for (const [k, v] of Object.entries(local)) {
  const r = remote[k];
  const state = !(k in remote) ? 'ADD' : r === undefined || r === '*****' ? 'EXISTS(secret)' : r === v ? 'SAME' : 'UPDATE';
  rows.push([k, state, visibility(k), mask(v)]);
}
for (const k of Object.keys(remote)) if (!(k in local)) rows.push([k, 'ONLY-ON-EAS', '-', '-']);
console.table(rows.map(([k, s, vis, val]) => ({ variable: k, state: s, visibility: vis, local: val })));

if (!applyKeys.length) {
  console.log(`Dry run for "${environment}". Re-run with --apply KEY1,KEY2 to write.`);
  process.exit(0);
}
for (const k of applyKeys) {
  if (!(k in local)) { console.error(`skip ${k}: not in ${file}`); continue; }
  const args = ['env:create', '--name', k, '--value', local[k], '--environment', environment,
    '--visibility', visibility(k), '--non-interactive'];
  if (k in remote) args.push('--force');
  execFileSync('eas', args, { stdio: ['ignore', 'inherit', 'inherit'] });
  console.log(`set ${k} (${visibility(k)}) ${mask(local[k])}`);
}
