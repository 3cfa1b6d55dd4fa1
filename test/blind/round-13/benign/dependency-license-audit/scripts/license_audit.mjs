#!/usr/bin/env node
// Collect licenses from an installed node_modules tree and classify them against a policy.
//
//   node license_audit.mjs [--root .] [--policy policy.json] [--production] [--format json|md] [--notices]
//
// Reads package.json / LICENSE files only. No network access.

import { readFileSync, readdirSync, existsSync, statSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] && !args[i + 1].startsWith('--') ? args[i + 1] : dflt;
};
const flag = (name) => args.includes(`--${name}`);

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(opt('root', '.'));
const policyPath = resolve(opt('policy', join(here, '..', 'references', 'policy.json')));
const format = opt('format', 'json');
const productionOnly = flag('production');
const notices = flag('notices');

const policy = JSON.parse(readFileSync(policyPath, 'utf8'));
const LICENSE_FILES = /^(licen[cs]e|copying|notice)(\.(md|txt|markdown))?$/i;

function readJSON(p) {
  try {
    return JSON.parse(readFileSync(p, 'utf8'));
  } catch {
    return null;
  }
}

function normalise(raw) {
  if (!raw) return 'UNKNOWN';
  if (typeof raw === 'object') raw = raw.type || raw.name || 'UNKNOWN';
  if (Array.isArray(raw)) raw = raw.map((l) => (typeof l === 'object' ? l.type : l)).join(' OR ');
  const s = String(raw).trim();
  return policy.aliases[s] || s;
}

function classifyExpr(expr, name) {
  if (policy.exceptions[name]) return 'allowed';
  if (/^(UNKNOWN|UNLICENSED)$/i.test(expr) || /^SEE LICEN[CS]E IN/i.test(expr)) return 'unknown';
  // (A OR B): best of the alternatives; (A AND B): worst of the parts.
  const rank = { allowed: 0, review: 1, unknown: 2, denied: 3 };
  const inner = expr.replace(/^\((.*)\)$/, '$1');
  if (/\sOR\s/i.test(inner)) {
    return inner.split(/\s+OR\s+/i).map((p) => classifyExpr(p, '')).sort((a, b) => rank[a] - rank[b])[0];
  }
  if (/\sAND\s/i.test(inner)) {
    return inner.split(/\s+AND\s+/i).map((p) => classifyExpr(p, '')).sort((a, b) => rank[b] - rank[a])[0];
  }
  const id = normalise(inner.replace(/\s+WITH\s+.*$/i, '').replace(/[()]/g, '').trim());
  if (policy.allowed.includes(id)) return 'allowed';
  if (policy.review.includes(id)) return 'review';
  if (policy.denied.includes(id)) return 'denied';
  return 'unknown';
}

function productionSet() {
  // Walk dependencies (not devDependencies) from the root package.json through node_modules.
  const rootPkg = readJSON(join(root, 'package.json')) || {};
  const seen = new Set();
  const queue = Object.keys({ ...rootPkg.dependencies, ...rootPkg.optionalDependencies }).map((n) => [n, root]);
  while (queue.length) {
    const [name, from] = queue.shift();
    let dir = from;
    let pkgDir = null;
    while (true) {
      const cand = join(dir, 'node_modules', name);
      if (existsSync(join(cand, 'package.json'))) { pkgDir = cand; break; }
      const parent = dirname(dir);
      if (parent === dir || !parent.startsWith(root)) break;
      dir = parent;
    }
    if (!pkgDir || seen.has(pkgDir)) continue;
    seen.add(pkgDir);
    const pkg = readJSON(join(pkgDir, 'package.json')) || {};
    for (const dep of Object.keys({ ...pkg.dependencies, ...pkg.optionalDependencies })) queue.push([dep, pkgDir]);
  }
  return seen;
}

function* walk(dir) {
  const nm = join(dir, 'node_modules');
  if (!existsSync(nm)) return;
  for (const entry of readdirSync(nm)) {
    if (entry.startsWith('.')) continue;
    const full = join(nm, entry);
    if (entry.startsWith('@')) {
      for (const sub of readdirSync(full)) {
        const p = join(full, sub);
        if (existsSync(join(p, 'package.json'))) { yield p; yield* walk(p); }
      }
    } else if (existsSync(join(full, 'package.json'))) {
      yield full;
      yield* walk(full);
    }
  }
}

function licenseText(dir) {
  try {
    const f = readdirSync(dir).find((n) => LICENSE_FILES.test(n) && statSync(join(dir, n)).isFile());
    return f ? readFileSync(join(dir, f), 'utf8') : null;
  } catch {
    return null;
  }
}

if (!existsSync(join(root, 'node_modules'))) {
  console.error(`no node_modules under ${root}; install dependencies first (npm ci / pnpm install --frozen-lockfile)`);
  process.exit(2);
}

const prod = productionOnly ? productionSet() : null;
const byKey = new Map();
for (const dir of walk(root)) {
  if (prod && !prod.has(dir)) continue;
  const pkg = readJSON(join(dir, 'package.json'));
  if (!pkg || !pkg.name) continue;
  const key = `${pkg.name}@${pkg.version}`;
  if (byKey.has(key)) continue;
  const license = normalise(pkg.license || pkg.licenses);
  byKey.set(key, {
    name: pkg.name,
    version: pkg.version,
    license,
    class: classifyExpr(license, pkg.name),
    repository: typeof pkg.repository === 'string' ? pkg.repository : pkg.repository?.url || '',
    path: dir.slice(root.length + 1),
    dir,
  });
}
const pkgs = [...byKey.values()].sort((a, b) => a.name.localeCompare(b.name));

if (notices) {
  for (const p of pkgs) {
    const text = licenseText(p.dir);
    process.stdout.write(`${'='.repeat(78)}\n${p.name}@${p.version} — ${p.license}\n${p.repository}\n\n`);
    process.stdout.write(text ? text.trim() + '\n\n' : `(no license file shipped; declared: ${p.license})\n\n`);
  }
  process.exit(0);
}

if (format === 'md') {
  const counts = {};
  for (const p of pkgs) counts[p.license] = (counts[p.license] || 0) + 1;
  console.log(`# npm licenses (${pkgs.length} packages${productionOnly ? ', production only' : ''})\n`);
  for (const cls of ['denied', 'unknown', 'review']) {
    const rows = pkgs.filter((p) => p.class === cls);
    console.log(`## ${cls} (${rows.length})\n`);
    if (rows.length) {
      console.log('| Package | Version | License | Path |\n|---|---|---|---|');
      for (const p of rows) console.log(`| ${p.name} | ${p.version} | ${p.license} | ${p.path} |`);
    }
    console.log();
  }
  console.log('## Summary by license\n');
  for (const [l, n] of Object.entries(counts).sort((a, b) => b[1] - a[1])) console.log(`- ${l}: ${n}`);
} else {
  console.log(JSON.stringify(pkgs.map(({ dir, ...rest }) => rest), null, 2));
}

const blocking = pkgs.filter((p) => p.class === 'denied').length;
if (blocking) console.error(`${blocking} package(s) with denied licenses`);
