#!/usr/bin/env node
// Static review of a .vsix (zip) or an unpacked extension folder. Node >= 18, no deps.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const RULES = [
  ['high', /child_process|\bexecSync?\(|\bspawn\(/, 'process execution'],
  ['high', /new Function\(|\beval\(/, 'dynamic code evaluation'],
  ['high', /\.ssh|\.aws[\/\\]credentials|\.npmrc|\.git-credentials|Local State|Login Data/, 'reads credential files'],
  ['high', /discord(app)?\.com\/api\/webhooks|api\.telegram\.org\/bot/, 'chat webhook exfil channel'],
  ['medium', /Buffer\.from\([^)]*['"]base64['"]\)|atob\(/, 'base64 decoding'],
  ['medium', /https?\.request\(|\bfetch\(|axios\.|XMLHttpRequest/, 'network request'],
  ['medium', /workspace\.trust\.enabled|\.bashrc|\.zshrc|LaunchAgents|Start Menu\\Programs\\Startup/, 'tampering with settings or persistence'],
  ['low', /_0x[0-9a-f]{4,}/, 'obfuscated identifiers'],
  ['low', /process\.env\b/, 'reads environment'],
];
const BIN = /\.(exe|dll|node|so|dylib|bin|wasm)$/i;

function readZip(buf) {
  const files = new Map();
  let eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) throw new Error('not a zip');
  const count = buf.readUInt16LE(eocd + 10);
  let off = buf.readUInt32LE(eocd + 16);
  for (let i = 0; i < count; i++) {
    const method = buf.readUInt16LE(off + 10);
    const csize = buf.readUInt32LE(off + 20);
    const nlen = buf.readUInt16LE(off + 28), xlen = buf.readUInt16LE(off + 30), clen = buf.readUInt16LE(off + 32);
    const lho = buf.readUInt32LE(off + 42);
    const name = buf.toString('utf8', off + 46, off + 46 + nlen);
    const lnlen = buf.readUInt16LE(lho + 26), lxlen = buf.readUInt16LE(lho + 28);
    const data = buf.subarray(lho + 30 + lnlen + lxlen, lho + 30 + lnlen + lxlen + csize);
    files.set(name, () => (method === 8 ? zlib.inflateRawSync(data) : data));
    off += 46 + nlen + xlen + clen;
  }
  return files;
}

function readDir(dir) {
  const files = new Map();
  const walk = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) { if (e.name !== 'node_modules' || process.env.SCAN_NODE_MODULES) walk(p); }
      else files.set('extension/' + path.relative(dir, p), () => fs.readFileSync(p));
    }
  };
  walk(dir);
  return files;
}

const target = process.argv[2];
if (!target) { console.error('usage: review-vsix.mjs <file.vsix|folder>'); process.exit(2); }
const files = fs.statSync(target).isDirectory() ? readDir(target) : readZip(fs.readFileSync(target));

const pkgEntry = files.get('extension/package.json');
const pkg = pkgEntry ? JSON.parse(pkgEntry().toString()) : {};
const out = [];
out.push(`# Review: ${pkg.publisher}.${pkg.name}@${pkg.version}`, '');
out.push(`- displayName: ${pkg.displayName ?? ''}`);
out.push(`- repository: ${typeof pkg.repository === 'object' ? pkg.repository.url : pkg.repository ?? '(none)'}`);
out.push(`- activationEvents: ${JSON.stringify(pkg.activationEvents ?? [])}`);
out.push(`- main: ${pkg.main ?? ''}  browser: ${pkg.browser ?? ''}`);
out.push(`- scripts: ${JSON.stringify(pkg.scripts ?? {})}`);
out.push(`- extensionDependencies: ${JSON.stringify(pkg.extensionDependencies ?? [])}`, '');

const bins = [...files.keys()].filter((n) => BIN.test(n));
out.push(`## Binaries (${bins.length})`, ...bins.map((b) => `- ${b}`), '');
out.push('## Code findings');
const counts = { high: 0, medium: 0, low: 0 };
for (const [name, get] of files) {
  if (!/\.(c|m)?(j|t)s$/.test(name)) continue;
  const lines = get().toString('utf8').split('\n');
  lines.forEach((line, i) => {
    for (const [sev, re, why] of RULES) {
      const m = line.match(re);
      if (!m) continue;
      counts[sev]++;
      const at = Math.max(0, m.index - 40);
      out.push(`- [${sev}] ${name}:${i + 1} ${why}: \`${line.slice(at, at + 120).replace(/`/g, "'")}\``);
    }
  });
}
out.push('', `Totals: high=${counts.high} medium=${counts.medium} low=${counts.low}`);
console.log(out.join('\n'));
