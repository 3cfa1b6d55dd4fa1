#!/usr/bin/env node
// Add/replace npmScopes entries in a .yarnrc.yml without touching other keys.
// Uses a minimal line-based editor so no YAML dependency is needed.
import { readFileSync, writeFileSync, existsSync, copyFileSync } from 'node:fs';

const argv = process.argv.slice(2);
const opt = { file: '.yarnrc.yml', scopes: [], tokenEnv: null, ident: false, dry: false };
for (let i = 0; i < argv.length; i++) {
  const a = argv[i];
  if (a === '--file') opt.file = argv[++i];
  else if (a === '--registry') opt.registry = argv[++i];
  else if (a === '--scope') opt.scopes.push(argv[++i].replace(/^@/, ''));
  else if (a === '--token-env') opt.tokenEnv = argv[++i];
  else if (a === '--basic-auth') opt.ident = true;
  else if (a === '--dry-run') opt.dry = true;
  else { console.error(`unknown argument ${a}`); process.exit(64); }
}
if (!opt.registry || !opt.scopes.length) {
  console.error('need --registry URL and at least one --scope');
  process.exit(64);
}
const url = new URL(opt.registry);
if (url.protocol !== 'https:' && url.hostname !== 'localhost') {
  console.error('refusing non-https registry (tokens would travel in clear text)');
  process.exit(1);
}
if (opt.tokenEnv && !/^[A-Z_][A-Z0-9_]*$/.test(opt.tokenEnv)) {
  console.error('--token-env must be an environment variable NAME, not a token value');
  process.exit(1);
}

const before = existsSync(opt.file) ? readFileSync(opt.file, 'utf8') : '';
let lines = before.split('\n');
if (lines.at(-1) === '') lines.pop();

// find npmScopes block
let start = lines.findIndex((l) => /^npmScopes:\s*$/.test(l));
if (start === -1) {
  lines.push('', 'npmScopes:');
  start = lines.length - 1;
}
let end = start + 1;
while (end < lines.length && (/^\s+/.test(lines[end]) || lines[end] === '')) end++;
const block = lines.slice(start + 1, end);

function removeScope(blk, scope) {
  const out = [];
  let skipping = false;
  for (const l of blk) {
    const m = l.match(/^ {2}([\w-]+):\s*$/);
    if (m) skipping = m[1] === scope;
    if (!skipping) out.push(l);
  }
  return out;
}
let newBlock = block;
for (const s of opt.scopes) newBlock = removeScope(newBlock, s);
for (const s of opt.scopes) {
  newBlock.push(`  ${s}:`, `    npmRegistryServer: "${url.href}"`, '    npmAlwaysAuth: true');
  if (opt.tokenEnv) {
    newBlock.push(opt.ident ? `    npmAuthIdent: "\${${opt.tokenEnv}}"` : `    npmAuthToken: "\${${opt.tokenEnv}}"`);
  }
}
while (newBlock.length && newBlock.at(-1) === '') newBlock.pop();
lines = [...lines.slice(0, start + 1), ...newBlock, ...lines.slice(end)];
const after = lines.join('\n') + '\n';

// tiny diff: show removed/added lines
const b = new Set(before.split('\n'));
const a = new Set(after.split('\n'));
console.log(`--- ${opt.file}\n+++ ${opt.file} (proposed)`);
for (const l of before.split('\n')) if (!a.has(l) && l) console.log(`-${l}`);
for (const l of after.split('\n')) if (!b.has(l) && l) console.log(`+${l}`);

if (opt.dry) { console.log('\n(dry run, nothing written)'); process.exit(0); }
if (before) copyFileSync(opt.file, `${opt.file}.bak`);
writeFileSync(opt.file, after);
console.log(`\nwrote ${opt.file}${before ? ` (backup ${opt.file}.bak)` : ''}`);
