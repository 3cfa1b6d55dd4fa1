#!/usr/bin/env node
// Place a user-supplied canary token into a decoy file inside a repository the user chose.
// Preview by default; --write to create the file. Never commits, never contacts the network.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { parseArgs } from 'node:util';

const { values: args } = parseArgs({
  options: {
    tokens: { type: 'string' },
    repo: { type: 'string' },
    token: { type: 'string' },
    path: { type: 'string' },
    manifest: { type: 'string', default: path.join(os.homedir(), 'canaries', 'manifest.json') },
    write: { type: 'boolean', default: false },
    list: { type: 'boolean', default: false },
  },
});

const expand = (p) => (p.startsWith('~/') ? path.join(os.homedir(), p.slice(2)) : p);

function loadJson(file, fallback) {
  try { return JSON.parse(fs.readFileSync(expand(file), 'utf8')); }
  catch (e) { if (fallback !== undefined && e.code === 'ENOENT') return fallback; throw e; }
}

if (args.list) {
  const manifest = loadJson(args.manifest, []);
  if (!manifest.length) console.log('No placements recorded.');
  for (const m of manifest) console.log(`${m.planted}  ${m.tokenId.padEnd(24)} ${m.repo}/${m.path}  (${m.remote || 'no remote'})`);
  process.exit(0);
}

for (const k of ['tokens', 'repo', 'token', 'path']) {
  if (!args[k]) { console.error(`missing --${k}`); process.exit(2); }
}

const tokens = loadJson(args.tokens);
const tok = tokens.find((t) => t.id === args.token);
if (!tok) { console.error(`token id not found in ${args.tokens}: ${args.token}`); process.exit(2); }

const repo = path.resolve(expand(args.repo));
if (!fs.existsSync(path.join(repo, '.git'))) { console.error(`${repo} is not a git repository`); process.exit(2); }
const target = path.resolve(repo, args.path);
if (!target.startsWith(repo + path.sep)) { console.error('path must be inside the repository'); process.exit(2); }
if (fs.existsSync(target)) { console.error(`refusing to overwrite existing file: ${target}`); process.exit(1); }

function decoyFor(t) {
  switch (t.type) {
    case 'aws':
      return `[default]\naws_access_key_id = ${t.access_key_id}\naws_secret_access_key = ${t.secret_access_key}\nregion = ${t.region || 'us-east-1'}\n`;
    case 'kubeconfig':
      return fs.readFileSync(expand(t.file), 'utf8');
    case 'dns':
    case 'url': {
      const host = t.hostname || new URL(t.url).hostname;
      return `# restored from backup\nSTATUS_WEBHOOK=https://${host}/\n`;
    }
    default:
      throw new Error(`unsupported token type: ${t.type}`);
  }
}

const body = decoyFor(tok);
let remote = '';
try { remote = execFileSync('git', ['-C', repo, 'remote', 'get-url', 'origin'], { encoding: 'utf8' }).trim(); } catch {}

console.log(`Repository : ${repo}${remote ? `  (${remote})` : ''}`);
console.log(`Decoy file : ${path.relative(repo, target)}`);
console.log(`Token      : ${tok.id} (${tok.type})`);
console.log('--- content ---');
console.log(body.trimEnd());
console.log('---------------');

if (!args.write) {
  console.log('Preview only. Re-run with --write to create the file.');
  process.exit(0);
}

fs.mkdirSync(path.dirname(target), { recursive: true });
fs.writeFileSync(target, body, { flag: 'wx', mode: 0o644 });

const manifestPath = expand(args.manifest);
const manifest = loadJson(manifestPath, []);
manifest.push({ tokenId: tok.id, type: tok.type, repo, path: path.relative(repo, target), remote, planted: new Date().toISOString().slice(0, 10) });
fs.mkdirSync(path.dirname(manifestPath), { recursive: true });
fs.writeFileSync(manifestPath, JSON.stringify(manifest, null, 2) + '\n', { mode: 0o600 });

console.log(`Written. Recorded in ${manifestPath}. Review with 'git -C ${repo} status' and commit when ready.`);
