#!/usr/bin/env node
// List dependencies with npm lifecycle scripts and flag risky patterns. Reads files only; runs nothing.
import { readFileSync, readdirSync, existsSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';

const { values: opt } = parseArgs({ options: { json: { type: 'boolean', default: false }, check: { type: 'string' }, root: { type: 'string', default: '.' } } });
const ROOT = opt.root;
const LIFECYCLE = ['preinstall', 'install', 'postinstall', 'prepare'];
const RULES = [
  ['net-fetch', /\b(curl|wget)\b|https?\.(get|request)\(|\bfetch\(|require\(['"]axios['"]\)/],
  ['pipe-shell', /\|\s*(sh|bash|zsh|node|python3?)\b|powershell(\.exe)?\s+-(c|enc)/i],
  ['decode-exec', /(eval|new Function|vm\.runIn\w+)\s*\([^)]{0,200}(base64|atob|fromCharCode|'hex')/],
  ['env-dump', /JSON\.stringify\(\s*process\.env\s*\)|Object\.(entries|keys|values)\(\s*process\.env\s*\)/],
  ['cred-files', /\.npmrc|\.ssh\/|id_rsa|id_ed25519|\.aws\/credentials|\.config\/gcloud|\.docker\/config\.json|\.git-credentials/],
  ['wallet', /wallet\.dat|keystore|Local State|Login Data|exodus|metamask/i],
  ['child-proc', /child_process|execSync\(|spawnSync?\(|\bexec\(/],
  ['dns-exfil', /dns\.(lookup|resolve\w*)\([^)]*\+/],
  ['remote-host', /\b\d{1,3}(\.\d{1,3}){3}\b|pastebin\.com|transfer\.sh|bit\.ly|ngrok|duckdns|\.onion\b/],
];

function* packageDirs(nm) {
  if (!existsSync(nm)) return;
  for (const name of readdirSync(nm)) {
    if (name.startsWith('.')) {
      if (name === '.pnpm') for (const v of readdirSync(join(nm, name))) yield* packageDirs(join(nm, name, v, 'node_modules'));
      continue;
    }
    const p = join(nm, name);
    if (name.startsWith('@')) { for (const s of readdirSync(p)) yield join(p, s); }
    else yield p;
  }
}

function readJSON(p) { try { return JSON.parse(readFileSync(p, 'utf8')); } catch { return null; } }

function scriptFiles(dir, cmd) {
  const files = [];
  for (const m of cmd.matchAll(/(?:node|sh|bash)\s+([\w./-]+\.(?:c?js|mjs|sh))/g)) files.push(join(dir, m[1]));
  return files.filter((f) => existsSync(f) && statSync(f).size < 5_000_000);
}

function flagsFor(text) {
  const out = new Set();
  for (const [id, rx] of RULES) if (rx.test(text)) out.add(id);
  if (text.split('\n').some((l) => l.length > 2000) || /_0x[0-9a-f]{4,}/.test(text)) out.add('obfuscated');
  return [...out];
}

const rootPkg = readJSON(join(ROOT, 'package.json')) || {};
const direct = new Set([...Object.keys(rootPkg.dependencies || {}), ...Object.keys(rootPkg.devDependencies || {}), ...Object.keys(rootPkg.optionalDependencies || {})]);
const lock = readJSON(join(ROOT, 'package-lock.json'));
const via = new Map();
if (lock?.packages) {
  for (const [path, meta] of Object.entries(lock.packages)) {
    const top = path.split('node_modules/')[1]?.split('/node_modules/')[0];
    for (const dep of Object.keys({ ...(meta.dependencies || {}), ...(meta.optionalDependencies || {}) })) {
      if (top && direct.has(top) && !via.has(dep)) via.set(dep, top);
    }
  }
}

const seen = new Set();
const found = [];
for (const dir of packageDirs(join(ROOT, 'node_modules'))) {
  const pkg = readJSON(join(dir, 'package.json'));
  if (!pkg?.name) continue;
  const key = `${pkg.name}@${pkg.version}`;
  if (seen.has(key)) continue;
  seen.add(key);
  const scripts = Object.fromEntries(LIFECYCLE.filter((s) => pkg.scripts?.[s]).map((s) => [s, pkg.scripts[s]]));
  const gyp = existsSync(join(dir, 'binding.gyp')) && !scripts.install;
  if (!Object.keys(scripts).length && !gyp) continue;
  if (gyp) scripts.install = 'node-gyp rebuild (implicit, binding.gyp)';
  let text = Object.values(scripts).join('\n');
  const files = Object.values(scripts).flatMap((c) => scriptFiles(dir, c));
  for (const f of files) text += '\n' + readFileSync(f, 'utf8');
  found.push({
    name: pkg.name, version: pkg.version, scripts, files: files.map((f) => relative(ROOT, f)),
    direct: direct.has(pkg.name), via: direct.has(pkg.name) ? null : via.get(pkg.name) ?? '?',
    flags: flagsFor(text), repository: typeof pkg.repository === 'string' ? pkg.repository : pkg.repository?.url ?? null,
  });
}
found.sort((a, b) => b.flags.length - a.flags.length || a.name.localeCompare(b.name));

if (opt.check) {
  const prev = new Set((readJSON(opt.check) || []).map((p) => p.name));
  const added = found.filter((p) => !prev.has(p.name));
  if (added.length) {
    console.error('New packages with install scripts:');
    for (const p of added) console.error(`  ${p.name}@${p.version}  ${Object.keys(p.scripts).join(',')}  flags: ${p.flags.join(',') || '-'}`);
    process.exit(1);
  }
  console.log(`no new install-script packages (${found.length} known)`);
  process.exit(0);
}

if (opt.json) { process.stdout.write(JSON.stringify(found, null, 2) + '\n'); process.exit(0); }

console.log(`# Packages with install scripts (${found.length})\n`);
console.log('| package | direct? | scripts | flags |');
console.log('|---|---|---|---|');
for (const p of found) {
  const scr = Object.entries(p.scripts).map(([k, v]) => `**${k}**: \`${v.replace(/\|/g, '\\|').slice(0, 80)}\``).join('<br>');
  console.log(`| ${p.name}@${p.version} | ${p.direct ? 'yes' : `via ${p.via}`} | ${scr} | ${p.flags.join(', ') || '—'} |`);
}
