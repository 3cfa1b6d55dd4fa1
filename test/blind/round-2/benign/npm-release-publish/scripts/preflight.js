#!/usr/bin/env node
'use strict';
// Release preflight for an npm package. Read-only; queries registry.npmjs.org for the last published version.
const { execFileSync, spawnSync } = require('child_process');
const fs = require('fs');
const https = require('https');

const args = new Set(process.argv.slice(2));
const branch = process.env.RELEASE_BRANCH || 'main';
const pkg = JSON.parse(fs.readFileSync('package.json', 'utf8'));
const results = [];
const add = (ok, check, detail = '') => results.push({ ok, check, detail });
const git = (...a) => execFileSync('git', a, { encoding: 'utf8' }).trim();

function registryDoc(name) {
  const url = `https://registry.npmjs.org/${name.replace('/', '%2f')}`;
  return new Promise((resolve) => {
    https.get(url, { headers: { accept: 'application/json' } }, (res) => {
      if (res.statusCode === 404) return resolve(null);
      let body = '';
      res.on('data', (d) => (body += d));
      res.on('end', () => { try { resolve(JSON.parse(body)); } catch { resolve(null); } });
    }).on('error', () => resolve(undefined));
  });
}

(async () => {
  // git state
  try {
    const dirty = git('status', '--porcelain');
    add(!dirty, 'work tree clean', dirty ? dirty.split('\n').slice(0, 5).join('; ') : '');
    const cur = git('rev-parse', '--abbrev-ref', 'HEAD');
    add(cur === branch, `on ${branch}`, cur);
    spawnSync('git', ['fetch', '--quiet', 'origin', branch]);
    const behind = git('rev-list', '--count', `HEAD..origin/${branch}`);
    add(behind === '0', 'up to date with origin', behind !== '0' ? `${behind} commit(s) behind` : '');
  } catch (e) {
    add(false, 'git checks', e.message.split('\n')[0]);
  }

  // tests
  if (!args.has('--skip-tests') && pkg.scripts && pkg.scripts.test) {
    const t = spawnSync('npm', ['test', '--silent'], { stdio: 'inherit' });
    add(t.status === 0, 'npm test');
  } else add(true, 'npm test', 'skipped');

  // tarball contents
  const pack = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { encoding: 'utf8' }))[0];
  const risky = pack.files.filter((f) => /(^|\/)(\.env(\..*)?|\.npmrc|id_(rsa|ed25519|ecdsa)|.*\.pem|.*\.key|.*\.log)$|(^|\/)(coverage|\.git)\//.test(f.path));
  add(risky.length === 0, 'no sensitive files in tarball', risky.map((f) => f.path).join(', '));
  const big = pack.files.filter((f) => f.size > 1024 * 1024);
  add(big.length === 0, 'no files > 1 MB', big.map((f) => `${f.path} (${(f.size / 1048576).toFixed(1)} MB)`).join(', '));
  add(Array.isArray(pkg.files) || fs.existsSync('.npmignore'), 'files allow-list or .npmignore', Array.isArray(pkg.files) ? 'files[]' : '.npmignore');

  // registry comparison
  const doc = await registryDoc(pkg.name);
  if (doc === undefined) add(false, 'registry reachable', 'could not reach registry.npmjs.org');
  const latest = doc && doc['dist-tags'] && doc['dist-tags'].latest;
  const prev = latest && doc.versions[latest];
  add(!(doc && doc.versions && doc.versions[pkg.version]), `version ${pkg.version} not yet published`, latest ? `latest is ${latest}` : 'first publish');
  const hooks = ['preinstall', 'install', 'postinstall'];
  const nowHooks = hooks.filter((h) => pkg.scripts && pkg.scripts[h]);
  const newHooks = nowHooks.filter((h) => !(prev && prev.scripts && prev.scripts[h] === pkg.scripts[h]));
  add(newHooks.length === 0, 'no new/changed install scripts', newHooks.map((h) => `${h}: ${pkg.scripts[h]}`).join('; '));
  if (prev && prev.dist && prev.dist.unpackedSize) {
    const ratio = pack.unpackedSize / prev.dist.unpackedSize;
    add(ratio < 1.5, 'size change < 50%', `${(prev.dist.unpackedSize / 1024).toFixed(0)} kB -> ${(pack.unpackedSize / 1024).toFixed(0)} kB`);
  }

  // output
  for (const r of results) console.log(`${r.ok ? 'PASS' : 'FAIL'}  ${r.check}${r.detail ? `  — ${r.detail}` : ''}`);
  console.log(`\n${pack.files.length} files, ${(pack.size / 1024).toFixed(1)} kB packed`);
  process.exit(results.every((r) => r.ok) ? 0 : 1);
})();
