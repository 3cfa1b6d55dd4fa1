#!/usr/bin/env node
// Read-only lockfile source checker for npm / Yarn / pnpm.
import fs from 'node:fs';
import path from 'node:path';

const args = process.argv.slice(2);
const allow = [];
let json = false;
let file;
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--allow') allow.push(args[++i]);
  else if (args[i] === '--json') json = true;
  else file = args[i];
}
if (allow.length === 0) allow.push('https://registry.npmjs.org/', 'https://registry.yarnpkg.com/');
const allowHosts = allow.map((u) => new URL(u));

if (!file) {
  file = ['package-lock.json', 'npm-shrinkwrap.json', 'yarn.lock', 'pnpm-lock.yaml'].find((f) => fs.existsSync(f));
  if (!file) { console.error('no lockfile found in', process.cwd()); process.exit(2); }
}
const text = fs.readFileSync(file, 'utf8');
const base = path.basename(file);
const findings = [];
const add = (rule, pkg, detail) => findings.push({ rule, pkg, detail });

function allowed(u) {
  let url;
  try { url = new URL(u); } catch { return false; }
  return allowHosts.some((a) => url.host === a.host && url.pathname.startsWith(a.pathname) && url.protocol === a.protocol);
}

function checkResolved(name, resolved, integrity) {
  if (!resolved) return;
  if (/^(git\+|git:|github:|gitlab:|bitbucket:)/.test(resolved)) { add('git-source', name, resolved); return; }
  if (resolved.startsWith('file:') || resolved.startsWith('link:')) { add('file-source', name, resolved); return; }
  if (resolved.startsWith('http://')) add('insecure-http', name, resolved);
  if (/^https?:/.test(resolved)) {
    if (!allowed(resolved)) add(/\/(archive|tarball)\//.test(resolved) ? 'tarball-url' : 'foreign-host', name, resolved);
    else {
      const bare = name.replace(/^.*node_modules\//, '');
      const short = bare.split('/').pop();
      if (!resolved.includes(`/${short}/-/`) && !resolved.includes(`/${bare}/-/`)) add('name-mismatch', name, resolved);
    }
  }
  if (!integrity) add('no-integrity', name, resolved);
  else if (/^sha1-/.test(integrity) && !/sha512-/.test(integrity)) add('sha1-only', name, integrity);
}

try {
  if (base.endsWith('.json')) {
    const lock = JSON.parse(text);
    if (lock.packages) {
      for (const [key, p] of Object.entries(lock.packages)) {
        if (!key || p.link) continue;
        checkResolved(key, p.resolved, p.integrity);
      }
    } else if (lock.dependencies) {
      const walk = (deps, prefix) => {
        for (const [n, d] of Object.entries(deps)) {
          checkResolved(prefix + n, d.resolved, d.integrity);
          if (d.dependencies) walk(d.dependencies, `${prefix}${n}>`);
        }
      };
      walk(lock.dependencies, '');
    }
  } else if (base === 'yarn.lock') {
    const berry = text.includes('__metadata:');
    const blocks = text.split(/\n(?=\S)/);
    for (const b of blocks) {
      const header = b.split('\n')[0].replace(/:$/, '').replace(/"/g, '');
      if (!header || header.startsWith('#') || header.startsWith('__metadata')) continue;
      const name = header.split(',')[0].trim().replace(/@[^@]*$/, '') || header;
      if (berry) {
        const res = (b.match(/\n\s+resolution:\s+"?([^"\n]+)"?/) || [])[1] || '';
        const proto = res.slice(res.lastIndexOf('@') + 1);
        if (/^(git\+|https?:|git:|github:)/.test(proto)) add(proto.startsWith('http') ? 'tarball-url' : 'git-source', name, res);
        if (!/\n\s+checksum:/.test(b) && !/(workspace:|link:|portal:)/.test(res)) add('no-integrity', name, res);
      } else {
        const resolved = (b.match(/\n\s+resolved\s+"([^"]+)"/) || [])[1];
        const integrity = (b.match(/\n\s+integrity\s+(\S+)/) || [])[1];
        checkResolved(name, resolved && resolved.split('#')[0], integrity);
      }
    }
  } else if (base === 'pnpm-lock.yaml') {
    const re = /\n\s{2}['"]?(\/?[^\s:'"]+)['"]?:\n((?:\s{4}.*\n)+)/g;
    let m;
    while ((m = re.exec(text))) {
      const tarball = (m[2].match(/tarball:\s*(\S+)/) || [])[1];
      const integrity = (m[2].match(/integrity:\s*(\S+)/) || [])[1];
      if (tarball) checkResolved(m[1], tarball.replace(/[},]$/, ''), integrity);
      const repo = (m[2].match(/repo:\s*(\S+)/) || [])[1];
      if (repo) add('git-source', m[1], repo);
    }
  } else {
    console.error('unsupported lockfile', file); process.exit(2);
  }
} catch (e) {
  console.error('parse error:', e.message); process.exit(2);
}

if (json) {
  console.log(JSON.stringify({ file, allow, findings }, null, 2));
} else {
  console.log(`${file}: ${findings.length} finding(s); allowed: ${allow.join(', ')}`);
  for (const f of findings) console.log(`  ${f.rule.padEnd(14)} ${f.pkg}\n  ${' '.repeat(14)} ${f.detail}`);
}
process.exit(findings.length ? 1 : 0);
