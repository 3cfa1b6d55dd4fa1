#!/usr/bin/env node
// Redacting credential scanner for .env files and dotfiles. Read-only.
'use strict';
const fs = require('fs');
const path = require('path');
const os = require('os');
const { execFileSync } = require('child_process');

const DETECTORS = [
  ['aws-access-key', /\b(AKIA|ASIA)[A-Z0-9]{16}\b/g],
  ['github-token', /\b(ghp|gho|ghs|ghu)_[A-Za-z0-9]{36}\b|\bgithub_pat_[A-Za-z0-9_]{60,}\b/g],
  ['gitlab-token', /\bglpat-[A-Za-z0-9_-]{20}\b/g],
  ['npm-token', /\bnpm_[A-Za-z0-9]{36}\b|_authToken=\S+/g],
  ['pypi-token', /\bpypi-AgE[A-Za-z0-9_-]{50,}/g],
  ['slack-token', /\bxox[abpr]-[A-Za-z0-9-]{10,}/g],
  ['stripe-key', /\b[rs]k_live_[A-Za-z0-9]{20,}/g],
  ['private-key', /-----BEGIN (RSA |EC |OPENSSH |DSA |PGP )?PRIVATE KEY( BLOCK)?-----/g],
  ['db-url', /\b(postgres(ql)?|mysql|mongodb(\+srv)?|redis|amqp):\/\/[^:\s/]+:[^@\s]+@[^\s'"]+/g],
];
const GENERIC = /^\s*(export\s+)?([A-Z0-9_]*(SECRET|TOKEN|PASSWORD|PASSWD|API_KEY|PRIVATE_KEY)[A-Z0-9_]*)\s*=\s*['"]?([^'"\s#]+)/gm;
const SKIP_DIRS = new Set(['node_modules', '.git', 'venv', '.venv', '__pycache__', 'dist', 'build', '.cache', 'Library']);
const DOTFILES = ['.npmrc', '.pypirc', '.netrc', '.aws/credentials', '.docker/config.json', '.git-credentials',
  '.config/gh/hosts.yml', '.env', '.bashrc', '.zshrc', '.profile'];
const SYNCED = /(Dropbox|iCloud Drive|Mobile Documents|OneDrive|Google Drive)/;

function entropy(s) {
  const f = {};
  for (const c of s) f[c] = (f[c] || 0) + 1;
  return Object.values(f).reduce((h, n) => h - (n / s.length) * Math.log2(n / s.length), 0);
}

function redact(v) { return `${v.slice(0, 4)}…(${v.length} chars)`; }

function isTracked(file) {
  try {
    execFileSync('git', ['-C', path.dirname(file), 'ls-files', '--error-unmatch', path.basename(file)], { stdio: 'ignore' });
    return true;
  } catch { return false; }
}

function scanFile(file, out) {
  let st;
  try { st = fs.statSync(file); } catch { return; }
  if (!st.isFile() || st.size > 2 * 1024 * 1024) return;
  const buf = fs.readFileSync(file);
  if (buf.includes(0)) return; // binary
  const text = buf.toString('utf8');
  const lineOf = (idx) => text.slice(0, idx).split('\n').length;
  const add = (id, idx, value) => out.push({
    file, line: lineOf(idx), detector: id, value: redact(value),
    tracked: isTracked(file), mode: (st.mode & 0o777).toString(8),
    worldReadable: Boolean(st.mode & 0o044), synced: SYNCED.test(file),
  });
  for (const [id, re] of DETECTORS) {
    for (const m of text.matchAll(re)) add(id, m.index, m[0]);
  }
  for (const m of text.matchAll(GENERIC)) {
    const v = m[4];
    if (v.length >= 12 && entropy(v) > 3.2 && !/^\$\{?\w+\}?$/.test(v)) add('generic-assign', m.index, v);
  }
}

function walk(dir, out, depth = 0) {
  if (depth > 8) return;
  let entries;
  try { entries = fs.readdirSync(dir, { withFileTypes: true }); } catch { return; }
  for (const e of entries) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) { if (!SKIP_DIRS.has(e.name)) walk(p, out, depth + 1); }
    else if (e.isFile()) scanFile(p, out);
  }
}

function main() {
  const args = process.argv.slice(2);
  const json = args.includes('--json');
  const dotOnly = args.includes('--dotfiles-only');
  const root = path.resolve((args.find((a) => !a.startsWith('--')) || '.').replace(/^~/, os.homedir()));
  const findings = [];
  if (dotOnly) DOTFILES.forEach((f) => scanFile(path.join(root, f), findings));
  else walk(root, findings);

  const seen = new Set();
  const uniq = findings.filter((f) => { const k = `${f.file}:${f.line}:${f.detector}`; if (seen.has(k)) return false; seen.add(k); return true; });
  uniq.sort((a, b) => (b.tracked - a.tracked) || (b.worldReadable - a.worldReadable));

  if (json) { console.log(JSON.stringify(uniq, null, 2)); return; }
  for (const f of uniq) {
    const flags = [f.tracked && 'GIT-TRACKED', f.worldReadable && `mode ${f.mode}`, f.synced && 'CLOUD-SYNCED'].filter(Boolean).join(', ');
    console.log(`${f.detector.padEnd(15)} ${path.relative(root, f.file) || f.file}:${f.line}  ${f.value}  ${flags}`);
  }
  console.log(`-- ${uniq.length} finding(s) under ${root}; values redacted; nothing modified.`);
}

if (require.main === module) main();
module.exports = { scanFile, redact };
