#!/usr/bin/env node
// Static diff of two Chromium extension versions. Never loads or executes extension code.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join, relative } from 'node:path';

const RISK = {
  critical: ['<all_urls>', '*://*/*', 'http://*/*', 'https://*/*', 'cookies', 'debugger'],
  high: ['webRequest', 'webRequestBlocking', 'declarativeNetRequestWithHostAccess', 'scripting', 'nativeMessaging', 'proxy', 'management'],
  medium: ['history', 'tabs', 'webNavigation', 'clipboardRead', 'downloads', 'downloads.open', 'identity', 'identity.email'],
};
const rate = (p) => Object.entries(RISK).find(([, list]) => list.includes(p))?.[0] ?? (/^\*:\/\/\*\./.test(p) || /\*/.test(p) ? 'medium' : 'low');

const SIGNALS = [
  ['remote-script', /importScripts\(\s*['"]https?:|fetch\(\s*['"`]https?:[^'"`]+\.js['"`]|createElement\(\s*['"]script['"]\)[\s\S]{0,120}\.src\s*=\s*['"`]https?:/],
  ['eval', /\beval\s*\(|new\s+Function\s*\(|setTimeout\(\s*['"`]/],
  ['cookies', /chrome\.cookies\.(getAll|get)\b|document\.cookie\b/],
  ['headers', /extraHeaders|onBeforeSendHeaders|onSendHeaders/],
  ['form-harvest', /input\[type=["']?password|\.value\b[\s\S]{0,60}(password|passwd|card|cvv)/i],
  ['websocket', /new\s+WebSocket\(\s*['"`]wss?:/],
  ['beacon', /navigator\.sendBeacon\(|fetch\(\s*['"`]https?:[^'"`]+['"`]\s*,\s*\{[\s\S]{0,80}method:\s*['"]POST/],
  ['obfuscation', /_0x[0-9a-f]{4,}|\\x[0-9a-f]{2}(\\x[0-9a-f]{2}){20,}/i],
  ['base64-blob', /['"`][A-Za-z0-9+/]{300,}={0,2}['"`]/],
  ['exec-script', /chrome\.scripting\.executeScript|chrome\.tabs\.executeScript/],
];

const defang = (s) => s.replace(/http(s?):\/\/([^/\s'"`)]+)/gi, (_, x, h) => `hxxp${x}://${h.replace(/\./g, '[.]')}`);

function unpackCrx(file) {
  const buf = readFileSync(file);
  if (buf.toString('latin1', 0, 4) !== 'Cr24') throw new Error(`${file}: not a CRX (magic)`);
  const version = buf.readUInt32LE(4);
  let offset;
  if (version === 3) offset = 12 + buf.readUInt32LE(8);
  else if (version === 2) offset = 16 + buf.readUInt32LE(8) + buf.readUInt32LE(12);
  else throw new Error(`${file}: unsupported CRX version ${version}`);
  const dir = mkdtempSync(join(tmpdir(), 'crxdiff-'));
  const zip = join(dir, 'payload.zip');
  writeFileSync(zip, buf.subarray(offset));
  execFileSync('unzip', ['-qq', '-o', zip, '-d', join(dir, 'x')]);
  return { root: join(dir, 'x'), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

function open(input) {
  const p = input.replace(/^~/, homedir());
  if (statSync(p).isDirectory()) return { root: p, cleanup: () => {} };
  return unpackCrx(p);
}

function walk(root, dir = root, out = new Map()) {
  for (const name of readdirSync(dir)) {
    if (name === '_metadata') continue; // verified_contents etc.
    const full = join(dir, name);
    const st = statSync(full);
    if (st.isDirectory()) walk(root, full, out);
    else out.set(relative(root, full), { size: st.size, hash: createHash('sha256').update(readFileSync(full)).digest('hex'), full });
  }
  return out;
}

const arr = (x) => (Array.isArray(x) ? x : x ? [x] : []);
const setDiff = (a, b) => a.filter((x) => !b.includes(x));

function manifestFacts(m) {
  return {
    name: m.name, version: m.version, mv: m.manifest_version,
    permissions: arr(m.permissions).filter((p) => !p.includes('://') && p !== '<all_urls>'),
    hosts: [...arr(m.host_permissions), ...arr(m.permissions).filter((p) => p.includes('://') || p === '<all_urls>')],
    optional: [...arr(m.optional_permissions), ...arr(m.optional_host_permissions)],
    csMatches: [...new Set(arr(m.content_scripts).flatMap((c) => arr(c.matches)))],
    externally: arr(m.externally_connectable?.matches),
    csp: JSON.stringify(m.content_security_policy ?? null),
    update_url: m.update_url ?? null, key: m.key ?? null,
  };
}

function diff(oldIn, newIn) {
  const a = open(oldIn); const b = open(newIn);
  try {
    const ma = manifestFacts(JSON.parse(readFileSync(join(a.root, 'manifest.json'), 'utf8')));
    const mb = manifestFacts(JSON.parse(readFileSync(join(b.root, 'manifest.json'), 'utf8')));
    const manifest = [];
    for (const k of ['permissions', 'hosts', 'optional', 'csMatches', 'externally']) {
      for (const p of setDiff(mb[k], ma[k])) manifest.push({ change: 'added', field: k, value: p, risk: rate(p) });
      for (const p of setDiff(ma[k], mb[k])) manifest.push({ change: 'removed', field: k, value: p, risk: 'info' });
    }
    for (const k of ['csp', 'update_url', 'key', 'mv']) {
      if (ma[k] !== mb[k]) manifest.push({ change: 'changed', field: k, value: `${ma[k]} -> ${mb[k]}`, risk: k === 'mv' ? 'info' : 'high' });
    }
    const fa = walk(a.root); const fb = walk(b.root);
    const files = [];
    const signals = [];
    for (const [rel, info] of fb) {
      const prev = fa.get(rel);
      if (prev && prev.hash === info.hash) continue;
      files.push({ change: prev ? 'changed' : 'added', file: rel, delta: info.size - (prev?.size ?? 0) });
      if (!/\.(m?js|html)$/.test(rel)) continue;
      const oldLines = new Set(prev ? readFileSync(prev.full, 'utf8').split('\n') : []);
      readFileSync(info.full, 'utf8').split('\n').forEach((line, i) => {
        if (oldLines.has(line)) return; // only new lines
        for (const [id, re] of SIGNALS) if (re.test(line)) signals.push({ file: rel, line: i + 1, signal: id, text: defang(line.trim().slice(0, 200)) });
      });
    }
    for (const rel of fa.keys()) if (!fb.has(rel)) files.push({ change: 'removed', file: rel, delta: -fa.get(rel).size });
    const escalation = manifest.some((m) => m.change === 'added' && ['critical', 'high'].includes(m.risk));
    const network = signals.some((s) => ['remote-script', 'websocket', 'beacon'].includes(s.signal));
    const obfus = signals.some((s) => ['obfuscation', 'eval', 'base64-blob'].includes(s.signal));
    return { from: `${ma.name} ${ma.version}`, to: `${mb.name} ${mb.version}`, manifest, files, signals,
      hint: escalation && network && obfus ? 'compromise signature: escalation + new network endpoint + obfuscation'
        : escalation ? 'permission escalation: review before keeping' : 'no permission escalation' };
  } finally { a.cleanup(); b.cleanup(); }
}

function listInstalled(profile) {
  const dir = join(profile.replace(/^~/, homedir()), 'Extensions');
  if (!existsSync(dir)) throw new Error(`no Extensions folder in ${profile}`);
  for (const id of readdirSync(dir)) {
    for (const ver of readdirSync(join(dir, id))) {
      try {
        const m = JSON.parse(readFileSync(join(dir, id, ver, 'manifest.json'), 'utf8'));
        const f = manifestFacts(m);
        const worst = [...f.permissions, ...f.hosts].map(rate).sort((x, y) => ['critical', 'high', 'medium', 'low'].indexOf(x) - ['critical', 'high', 'medium', 'low'].indexOf(y))[0] ?? 'low';
        console.log(`${id}  ${ver.padEnd(12)} ${worst.padEnd(8)} ${String(m.name).slice(0, 40).padEnd(40)} ${[...f.permissions, ...f.hosts].join(',')}`);
      } catch { /* skip unreadable */ }
    }
  }
}

const argv = process.argv.slice(2);
if (argv[0] === '--list-installed') { listInstalled(argv[1]); process.exit(0); }
const jsonIdx = argv.indexOf('--json');
const jsonOut = jsonIdx >= 0 ? argv.splice(jsonIdx, 2)[1] : null;
if (argv.length !== 2) { console.error('usage: crx-diff.mjs OLD NEW [--json out.json] | --list-installed PROFILE_DIR'); process.exit(64); }
const r = diff(argv[0], argv[1]);
console.log(`# ${r.from}  ->  ${r.to}\n\n## Manifest`);
for (const m of r.manifest) console.log(`  ${m.change.padEnd(8)} ${m.field.padEnd(12)} ${String(m.value).padEnd(40)} [${m.risk}]`);
console.log('\n## Files');
for (const f of r.files) console.log(`  ${f.change.padEnd(8)} ${f.file} (${f.delta >= 0 ? '+' : ''}${f.delta} B)`);
console.log('\n## Code signals in new/changed lines');
for (const s of r.signals) console.log(`  ${s.signal.padEnd(14)} ${s.file}:${s.line}  ${s.text}`);
console.log(`\nHint: ${r.hint}`);
if (jsonOut) writeFileSync(jsonOut, JSON.stringify(r, null, 2));
