#!/usr/bin/env node
// Preflight for publishing a VS Code extension. Read-only except for running `vsce ls`.
import { readFileSync, existsSync, statSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const root = process.cwd();
const rows = [];
const add = (ok, check, detail = '') => rows.push({ ok, check, detail });

let pkg;
try {
  pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
} catch (e) {
  console.error('No readable package.json in', root);
  process.exit(2);
}

for (const f of ['publisher', 'name', 'version', 'repository', 'license', 'icon']) {
  add(Boolean(pkg[f]), `package.json ${f}`, typeof pkg[f] === 'object' ? JSON.stringify(pkg[f]) : pkg[f] ?? 'missing');
}
add(Boolean(pkg.engines?.vscode), 'engines.vscode', pkg.engines?.vscode ?? 'missing');
if (pkg.icon) add(!pkg.icon.endsWith('.svg') && existsSync(join(root, pkg.icon)), 'icon is PNG and exists', pkg.icon);

const entry = pkg.main || pkg.browser;
if (entry) add(existsSync(join(root, entry)) || existsSync(join(root, entry + '.js')), 'entry file built', entry);

const changelog = join(root, 'CHANGELOG.md');
add(existsSync(changelog) && readFileSync(changelog, 'utf8').includes(pkg.version), 'CHANGELOG mentions version', pkg.version);
add(existsSync(join(root, '.vscodeignore')), '.vscodeignore present');

// Is this version already published? Public gallery query, no auth.
try {
  const res = await fetch('https://marketplace.visualstudio.com/_apis/public/gallery/extensionquery', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json;api-version=3.0-preview.1' },
    body: JSON.stringify({ filters: [{ criteria: [{ filterType: 7, value: `${pkg.publisher}.${pkg.name}` }] }], flags: 0x1 }),
  });
  const body = await res.json();
  const ext = body.results?.[0]?.extensions?.[0];
  const versions = (ext?.versions || []).map((v) => v.version);
  add(!versions.includes(pkg.version), 'version not yet on Marketplace', ext ? `published: ${versions.slice(0, 5).join(', ')}` : 'new extension');
} catch (e) {
  add(false, 'Marketplace version check', `could not query: ${e.message}`);
}

// Files that would be packaged
const RISKY = [/(^|\/)\.env(\.|$)/, /\.pem$/, /\.key$/, /(^|\/)id_(rsa|ed25519|ecdsa)/, /(^|\/)\.npmrc$/, /\.vsix$/,
  /node_modules\/\.cache\//, /(^|\/)\.git\//, /(^|\/)(test|tests|__tests__)\/fixtures\//, /\.p12$/, /credentials/i];
let files = [];
try {
  const out = execFileSync('npx', ['--yes', '@vscode/vsce', 'ls'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  files = out.split('\n').map((s) => s.trim()).filter(Boolean);
  add(true, 'vsce ls', `${files.length} files`);
} catch (e) {
  add(false, 'vsce ls', (e.stderr || e.message).split('\n')[0]);
}
const bundled = Boolean(pkg.scripts?.['vscode:prepublish']?.match(/esbuild|webpack|rollup|tsup/));
for (const f of files) {
  if (RISKY.some((r) => r.test(f))) add(false, 'risky file packaged', f);
  else if (bundled && /^src\/.*\.ts$/.test(f)) add(false, 'source shipped despite bundler', f);
  else {
    try {
      const size = statSync(join(root, f)).size;
      if (size > 5 * 1024 * 1024) add(false, 'large file packaged', `${f} (${(size / 1048576).toFixed(1)} MB)`);
    } catch { /* ignore */ }
  }
}

add(Boolean(process.env.VSCE_PAT), 'VSCE_PAT set in environment', process.env.VSCE_PAT ? 'yes (value not shown)' : 'no');
if (process.env.OVSX_PAT !== undefined) add(true, 'OVSX_PAT set', 'yes (value not shown)');

const w = Math.max(...rows.map((r) => r.check.length));
for (const r of rows) console.log(`${r.ok ? 'OK  ' : 'FIX '} ${r.check.padEnd(w)}  ${r.detail ?? ''}`);
const bad = rows.filter((r) => !r.ok).length;
console.log(`\n${bad ? bad + ' item(s) to review' : 'All checks passed'} for ${pkg.publisher}.${pkg.name}@${pkg.version}`);
process.exitCode = bad ? 1 : 0;
