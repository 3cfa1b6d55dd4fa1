#!/usr/bin/env node
// changesets.mjs - status | version for polyglot repos
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';

const root = execFileSync('git', ['rev-parse', '--show-toplevel'], { encoding: 'utf8' }).trim();
const csDir = path.join(root, '.changeset');
const ORDER = { patch: 1, minor: 2, major: 3 };
const SKIP = new Set(['node_modules', '.git', 'target', 'dist', 'vendor', '.venv']);

function walk(dir, out = []) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    if (SKIP.has(e.name)) continue;
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else if (/^(package\.json|pyproject\.toml|Cargo\.toml)$|\.gemspec$/.test(e.name)) out.push(p);
  }
  return out;
}

function readPkg(file) {
  const t = fs.readFileSync(file, 'utf8');
  const b = path.basename(file);
  if (b === 'package.json') {
    const j = JSON.parse(t);
    return j.name && { name: j.name, version: j.version, kind: 'npm', private: !!j.private };
  }
  if (b === 'pyproject.toml') {
    const n = /^\[project\][\s\S]*?^name\s*=\s*"([^"]+)"/m.exec(t);
    const v = /^\[project\][\s\S]*?^version\s*=\s*"([^"]+)"/m.exec(t);
    return n && { name: n[1], version: v && v[1], kind: 'pypi' };
  }
  if (b === 'Cargo.toml') {
    const n = /^\[package\][\s\S]*?^name\s*=\s*"([^"]+)"/m.exec(t);
    const v = /^\[package\][\s\S]*?^version\s*=\s*"([^"]+)"/m.exec(t);
    return n && { name: n[1], version: v && v[1], kind: 'crates', private: /^publish\s*=\s*false/m.test(t) };
  }
  const n = /\.name\s*=\s*["']([^"']+)/.exec(t);
  const v = /\.version\s*=\s*["']([^"']+)/.exec(t);
  return n && { name: n[1], version: v && v[1], kind: 'gem' };
}

function packages() {
  const m = new Map();
  for (const f of walk(root)) {
    const p = readPkg(f);
    if (p) m.set(p.name, { ...p, file: f });
  }
  return m;
}

function changesets() {
  if (!fs.existsSync(csDir)) return [];
  return fs.readdirSync(csDir).filter((f) => f.endsWith('.md') && f !== 'README.md').map((f) => {
    const t = fs.readFileSync(path.join(csDir, f), 'utf8');
    const m = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(t);
    if (!m) return null;
    const bumps = {};
    for (const line of m[1].split('\n')) {
      const mm = /^\s*"?([^":]+)"?\s*:\s*(major|minor|patch)\s*$/.exec(line);
      if (mm) bumps[mm[1].trim()] = mm[2];
    }
    return { file: f, bumps, summary: m[2].trim() };
  }).filter(Boolean);
}

function plan() {
  const pk = packages();
  const res = new Map();
  for (const cs of changesets()) {
    for (const [name, kind] of Object.entries(cs.bumps)) {
      const p = pk.get(name);
      if (!p) { console.error(`unknown package in ${cs.file}: ${name}`); continue; }
      const cur = res.get(name) || { pkg: p, bump: 'patch', notes: [] };
      let b = kind;
      if (b === 'major' && (p.version || '0').startsWith('0.')) b = 'minor';
      if (ORDER[b] > ORDER[cur.bump]) cur.bump = b;
      cur.notes.push({ bump: kind, text: cs.summary });
      res.set(name, cur);
    }
  }
  for (const r of res.values()) {
    const [M, m, p] = (r.pkg.version || '0.0.0').split('.').map((x) => parseInt(x, 10));
    r.next = r.bump === 'major' ? `${M + 1}.0.0` : r.bump === 'minor' ? `${M}.${m + 1}.0` : `${M}.${m}.${p + 1}`;
  }
  return res;
}

function setVersion(p, v) {
  let t = fs.readFileSync(p.file, 'utf8');
  if (p.kind === 'npm') { const j = JSON.parse(t); j.version = v; t = JSON.stringify(j, null, 2) + '\n'; }
  else if (p.kind === 'gem') t = t.replace(/(\.version\s*=\s*)["'][^"']+["']/, `$1"${v}"`);
  else t = t.replace(/^(version\s*=\s*")[^"]+(")/m, `$1${v}$2`);
  fs.writeFileSync(p.file, t);
}

function writeChangelog(r) {
  const f = path.join(path.dirname(r.pkg.file), 'CHANGELOG.md');
  const date = new Date().toISOString().slice(0, 10);
  let sec = `## ${r.next} - ${date}\n\n`;
  for (const k of ['major', 'minor', 'patch']) {
    const items = r.notes.filter((n) => n.bump === k);
    if (items.length) sec += `### ${k[0].toUpperCase() + k.slice(1)} Changes\n\n` + items.map((n) => `- ${n.text.split('\n').join('\n  ')}`).join('\n') + '\n\n';
  }
  const old = fs.existsSync(f) ? fs.readFileSync(f, 'utf8') : `# ${r.pkg.name}\n\n`;
  const i = old.search(/^## /m);
  fs.writeFileSync(f, i < 0 ? old + sec : old.slice(0, i) + sec + old.slice(i));
}

const cmd = process.argv[2] || 'status';
const p = plan();
if (!p.size) { console.log('no pending changesets'); process.exit(0); }
for (const [n, r] of p) console.log(`${n.padEnd(28)} ${r.pkg.kind.padEnd(7)} ${r.pkg.version} -> ${r.next} (${r.bump})${r.pkg.private ? ' [private]' : ''}`);
if (cmd === 'version') {
  for (const r of p.values()) { setVersion(r.pkg, r.next); writeChangelog(r); }
  for (const cs of changesets()) fs.unlinkSync(path.join(csDir, cs.file));
  console.log('manifests and changelogs updated; changesets consumed');
}
