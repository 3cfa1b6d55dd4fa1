#!/usr/bin/env node
// Rewrite public-registry resolved URLs in package-lock.json / yarn.lock (v1) to a user-named registry.
import fs from 'node:fs';

const argv = process.argv.slice(2);
const opt = (k) => { const i = argv.indexOf(k); return i >= 0 ? argv[i + 1] : undefined; };
const to = opt('--to');
const write = argv.includes('--write');
const fromHosts = (opt('--from') || 'https://registry.npmjs.org/,https://registry.yarnpkg.com/').split(',');
const file = opt('--lockfile') || ['package-lock.json', 'npm-shrinkwrap.json', 'yarn.lock'].find((f) => fs.existsSync(f));

if (!to || !/^https:\/\//.test(to)) { console.error('usage: rehost-lock.mjs --to https://internal-registry/path/ [--write]'); process.exit(1); }
if (!file) { console.error('no package-lock.json or yarn.lock here'); process.exit(1); }
const target = to.endsWith('/') ? to : `${to}/`;
const text = fs.readFileSync(file, 'utf8');

if (file === 'yarn.lock' && text.includes('__metadata:')) {
  console.log('Yarn Berry lockfile: registry URLs are not stored. Set in .yarnrc.yml:');
  console.log(`  npmRegistryServer: "${target.replace(/\/$/, '')}"`);
  process.exit(0);
}

const count = (s) => (s.match(/integrity/g) || []).length;
let rewrites = 0; let skipped = 0; const samples = [];
const swap = (url) => {
  const from = fromHosts.find((h) => url.startsWith(h));
  if (!from) { skipped++; return url; }
  const next = target + url.slice(from.length);
  rewrites++; if (samples.length < 5) samples.push([url, next]);
  return next;
};

let out;
if (file.endsWith('.json')) {
  // line-oriented replace keeps formatting identical and touches only "resolved" lines
  out = text.replace(/("resolved":\s*")([^"]+)(")/g, (_, a, url, b) => a + swap(url) + b);
} else {
  out = text.replace(/^(\s+resolved\s+")([^"]+)(")/gm, (_, a, url, b) => a + swap(url) + b);
}

console.log(`${file}: ${rewrites} resolved URL(s) to rewrite, ${skipped} left as-is (other hosts/git/file)`);
for (const [a, b] of samples) console.log(`  - ${a}\n  + ${b}`);
if (count(out) !== count(text)) { console.error('integrity count changed; aborting'); process.exit(2); }

if (!write) { console.log('\npreview only. Re-run with --write to apply.'); process.exit(0); }
if (rewrites === 0) { console.log('nothing to do'); process.exit(0); }

fs.copyFileSync(file, `${file}.bak`);
fs.writeFileSync(file, out);
const check = fs.readFileSync(file, 'utf8');
if (count(check) !== count(text)) { fs.copyFileSync(`${file}.bak`, file); console.error('verification failed; restored backup'); process.exit(2); }

const npmrc = fs.existsSync('.npmrc') ? fs.readFileSync('.npmrc', 'utf8').split('\n') : [];
const idx = npmrc.findIndex((l) => /^registry\s*=/.test(l));
const line = `registry=${target}`;
if (idx >= 0) npmrc[idx] = line; else npmrc.unshift(line);
fs.writeFileSync('.npmrc', `${npmrc.filter((l, i, arr) => l !== '' || i < arr.length - 1).join('\n')}\n`);

console.log(`\nwrote ${file} (backup ${file}.bak) and set ${line} in project .npmrc`);
console.log('next: git diff --stat && npm ci --no-audit --prefer-online');
