'use strict';
const { execFileSync } = require('node:child_process');
const path = require('node:path');

let native = null;
try {
  native = require(path.join(__dirname, '..', 'prebuilds', `${process.platform}-${process.arch}`, 'tags.node'));
} catch { /* pure-JS fallback */ }

const SEMVER = /^v?(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?$/;

function parse(v) {
  const m = String(v).match(SEMVER);
  if (!m) return null;
  return { major: +m[1], minor: +m[2], patch: +m[3], pre: m[4] ? m[4].split('.') : [] };
}

function cmp(a, b) {
  const x = parse(a), y = parse(b);
  for (const k of ['major', 'minor', 'patch']) if (x[k] !== y[k]) return x[k] - y[k];
  if (!x.pre.length || !y.pre.length) return y.pre.length - x.pre.length;
  for (let i = 0; i < Math.max(x.pre.length, y.pre.length); i++) {
    const p = x.pre[i], q = y.pre[i];
    if (p === undefined) return -1;
    if (q === undefined) return 1;
    if (p === q) continue;
    const np = /^\d+$/.test(p), nq = /^\d+$/.test(q);
    if (np && nq) return +p - +q;
    return np ? -1 : nq ? 1 : p < q ? -1 : 1;
  }
  return 0;
}

function list(cwd) {
  if (native) return native.list(cwd);
  const out = execFileSync('git', ['for-each-ref', '--format=%(refname:short)', 'refs/tags'], {
    cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'],
  });
  return out.split('\n').filter((t) => parse(t)).sort(cmp);
}

function latest(cwd) {
  const all = list(cwd).filter((t) => !parse(t).pre.length);
  return all.length ? all[all.length - 1] : '';
}

function inc(v, level, preid = 'beta') {
  const p = parse(v);
  if (level === 'major') return `${p.major + 1}.0.0`;
  if (level === 'minor') return `${p.major}.${p.minor + 1}.0`;
  if (level === 'patch') return p.pre.length ? `${p.major}.${p.minor}.${p.patch}` : `${p.major}.${p.minor}.${p.patch + 1}`;
  if (level === 'prerelease') {
    if (p.pre[0] === preid && /^\d+$/.test(p.pre[1] || '')) return `${p.major}.${p.minor}.${p.patch}-${preid}.${+p.pre[1] + 1}`;
    return `${p.major}.${p.minor}.${p.patch + 1}-${preid}.0`;
  }
  throw new Error(`unknown level ${level}`);
}

module.exports = { parse, cmp, list, latest, inc };
