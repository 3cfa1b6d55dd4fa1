#!/usr/bin/env node
// Inspect the npm tarball before publishing; fail on files that should never ship.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const FORBIDDEN = [
  [/(^|\/)\.env(\..*)?$/, 'environment file'],
  [/\.(pem|key|p12|pfx)$/, 'key material'],
  [/(^|\/)id_(rsa|ed25519|ecdsa)(\.pub)?$/, 'SSH key'],
  [/(^|\/)\.npmrc$/, 'npm config (may contain a token)'],
  [/(^|\/)coverage\//, 'coverage output'],
  [/\.log$/, 'log file'],
  [/(^|\/)\.(git|github|vscode|idea)\//, 'repository/editor metadata'],
];
const BIG = 1024 * 1024;

const raw = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { encoding: 'utf8' });
const [pack] = JSON.parse(raw);
let problems = 0;

console.log(`${pack.name}@${pack.version}: ${pack.entryCount} files, ${(pack.unpackedSize / 1024).toFixed(1)} kB unpacked\n`);
for (const f of pack.files.sort((a, b) => b.size - a.size)) {
  const hit = FORBIDDEN.find(([rx]) => rx.test(f.path));
  const big = f.size > BIG && /(test|fixture|__snapshots__)/.test(f.path);
  const mark = hit ? `  ✗ ${hit[1]}` : big ? '  ✗ large test fixture' : '';
  if (mark) problems++;
  console.log(`${String(f.size).padStart(10)}  ${f.path}${mark}`);
}

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const hooks = ['preinstall', 'install', 'postinstall'].filter((h) => pkg.scripts?.[h]);
if (hooks.length) {
  console.log('\nInstall-time lifecycle scripts (run on every consumer machine):');
  for (const h of hooks) console.log(`  ${h}: ${pkg.scripts[h]}`);
  console.log('  → justify or remove before publishing');
  problems++;
}
if (!pkg.files) console.log('\nnote: no "files" allow-list in package.json; consider adding one');

if (problems) {
  console.error(`\n${problems} problem(s); not safe to publish as is.`);
  process.exit(1);
}
console.log('\npack contents look OK');
