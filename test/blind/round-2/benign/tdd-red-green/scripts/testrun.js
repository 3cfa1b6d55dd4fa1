#!/usr/bin/env node
'use strict';
// Detect the project's test runner and run a single test/file or the whole suite.
const fs = require('fs');
const { spawnSync } = require('child_process');

const exists = (p) => fs.existsSync(p);
const read = (p) => (exists(p) ? fs.readFileSync(p, 'utf8') : '');
const pkg = exists('package.json') ? JSON.parse(read('package.json')) : null;
const deps = pkg ? { ...pkg.dependencies, ...pkg.devDependencies } : {};

function detect() {
  if (pkg) {
    const pm = exists('pnpm-lock.yaml') ? 'pnpm' : exists('yarn.lock') ? 'yarn' : 'npx';
    const x = pm === 'npx' ? ['npx', '--no-install'] : [pm, 'exec'];
    if (deps.vitest) return { name: 'vitest', all: [...x, 'vitest', 'run'], one: (f, t) => [...x, 'vitest', 'run', f, ...(t ? ['-t', t] : [])], watch: (f) => [...x, 'vitest', f] };
    if (deps.jest) return { name: 'jest', all: [...x, 'jest'], one: (f, t) => [...x, 'jest', f, ...(t ? ['-t', t] : [])], watch: (f) => [...x, 'jest', '--watch', f] };
    if (deps.mocha) return { name: 'mocha', all: [...x, 'mocha'], one: (f, t) => [...x, 'mocha', f, ...(t ? ['-g', t] : [])], watch: (f) => [...x, 'mocha', '--watch', f] };
    if (/node --test/.test((pkg.scripts || {}).test || '')) return { name: 'node:test', all: ['node', '--test'], one: (f, t) => ['node', '--test', ...(t ? ['--test-name-pattern', t] : []), f], watch: (f) => ['node', '--test', '--watch', f] };
  }
  if (exists('pyproject.toml') || exists('pytest.ini') || exists('setup.cfg') || exists('tox.ini')) {
    const py = exists('uv.lock') ? ['uv', 'run', 'pytest'] : ['python3', '-m', 'pytest'];
    return { name: 'pytest', all: [...py, '-q'], one: (f, t) => [...py, '-q', f, ...(t ? ['-k', t] : [])], watch: null };
  }
  if (exists('go.mod')) return { name: 'go', all: ['go', 'test', './...'], one: (f, t) => ['go', 'test', f.endsWith('.go') ? './' + require('path').dirname(f) : f, ...(t ? ['-run', t] : [])], watch: null };
  if (exists('Cargo.toml')) return { name: 'cargo', all: ['cargo', 'test'], one: (f, t) => ['cargo', 'test', ...(t ? [t] : [])], watch: null };
  if (exists('Gemfile') && /rspec/.test(read('Gemfile'))) return { name: 'rspec', all: ['bundle', 'exec', 'rspec'], one: (f, t) => ['bundle', 'exec', 'rspec', f, ...(t ? ['-e', t] : [])], watch: null };
  return null;
}

const argv = process.argv.slice(2);
const r = detect();
if (!r) {
  console.error('no supported test runner detected (package.json/pyproject/go.mod/Cargo.toml/Gemfile)');
  process.exit(2);
}
let cmd;
if (argv.includes('--detect')) {
  console.log(`runner: ${r.name}\nall:    ${r.all.join(' ')}\none:    ${r.one('<file>', '<name>').join(' ')}`);
  process.exit(0);
} else if (argv.includes('--all') || argv.length === 0) {
  cmd = r.all;
} else if (argv.includes('--watch')) {
  if (!r.watch) { console.error(`${r.name} has no watch mode here`); process.exit(2); }
  cmd = r.watch(argv.find((a) => !a.startsWith('--')));
} else {
  let file = argv[0];
  let name = null;
  const t = argv.indexOf('-t');
  if (t !== -1) name = argv[t + 1];
  if (r.name === 'pytest' && file.includes('::')) { cmd = r.one(file, null); }
  else cmd = r.one(file, name);
}
console.log(`$ ${cmd.join(' ')}`);
const res = spawnSync(cmd[0], cmd.slice(1), { stdio: 'inherit' });
process.exit(res.status === null ? 1 : res.status);
