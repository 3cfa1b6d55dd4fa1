#!/usr/bin/env node
'use strict';
// Edit ./.mcp.json (project scope) safely: validate, refuse inline secrets, diff, confirm.
const fs = require('fs');
const path = require('path');
const readline = require('readline');

const FILE = path.resolve('.mcp.json');
const argv = process.argv.slice(2);
const cmd = argv.shift();
const opts = { arg: [], env: [], header: [] };
for (let i = 0; i < argv.length; i++) {
  const k = argv[i].replace(/^--/, '');
  if (k === 'allow-unpinned' || k === 'yes') { opts[k] = true; continue; }
  const v = argv[++i];
  if (Array.isArray(opts[k])) opts[k].push(v); else opts[k] = v;
}

const load = () => (fs.existsSync(FILE) ? JSON.parse(fs.readFileSync(FILE, 'utf8')) : { mcpServers: {} });
const LITERAL_SECRET = /(sk-|sk_live_|ghp_|github_pat_|xox[bap]-|AKIA|AIza|glpat-|npm_)[A-Za-z0-9_-]{8,}|[A-Za-z0-9+/_-]{32,}/;

function kv(list, label) {
  const out = {};
  for (const item of list) {
    const idx = item.indexOf('=');
    if (idx < 1) throw new Error(`${label} must be KEY=VALUE: ${item}`);
    const key = item.slice(0, idx);
    const val = item.slice(idx + 1);
    const stripped = val.replace(/\$\{[A-Z0-9_]+(:-[^}]*)?\}/g, '');
    if (LITERAL_SECRET.test(stripped)) throw new Error(`${label} ${key} looks like a literal secret; use \${ENV_VAR} instead`);
    out[key] = val;
  }
  return out;
}

function checkPinned(command, args) {
  if (!['npx', 'bunx', 'pnpx', 'uvx'].includes(path.basename(command || ''))) return;
  const pkg = args.find((a) => !a.startsWith('-'));
  const bare = (pkg || '').replace(/^@[^/]+\//, '');
  if (!/[@=]=?\d/.test(bare)) throw new Error(`package "${pkg}" is not pinned to a version (add @x.y.z or pass --allow-unpinned)`);
}

async function confirm(before, after) {
  const a = JSON.stringify(before, null, 2).split('\n');
  const b = JSON.stringify(after, null, 2).split('\n');
  console.log(`--- ${FILE} (current)\n+++ ${FILE} (new)`);
  const set = new Set(a);
  for (const line of b) if (!set.has(line)) console.log(`+ ${line}`);
  const setB = new Set(b);
  for (const line of a) if (!setB.has(line)) console.log(`- ${line}`);
  if (opts.yes) return true;
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout });
  const ans = await new Promise((r) => rl.question('Write this file? [y/N] ', r));
  rl.close();
  return ans.trim().toLowerCase() === 'y';
}

(async () => {
  const cfg = load();
  cfg.mcpServers = cfg.mcpServers || {};
  const before = JSON.parse(JSON.stringify(cfg));
  if (cmd === 'list') {
    for (const [n, s] of Object.entries(cfg.mcpServers)) console.log(`${n}\t${s.type || 'stdio'}\t${s.url || [s.command, ...(s.args || [])].join(' ')}`);
    return;
  }
  if (!opts.name || !/^[a-z0-9][a-z0-9-]{0,40}$/.test(opts.name)) throw new Error('--name must be kebab-case');
  if (cmd === 'add') {
    if (cfg.mcpServers[opts.name]) throw new Error(`${opts.name} already exists`);
    let entry;
    if (opts.url) {
      const u = new URL(opts.url);
      if (u.protocol !== 'https:' && !['localhost', '127.0.0.1'].includes(u.hostname)) throw new Error('remote servers must use https');
      entry = { type: 'http', url: opts.url };
      if (opts.header.length) entry.headers = kv(opts.header, 'header');
    } else if (opts.command) {
      if (!opts['allow-unpinned']) checkPinned(opts.command, opts.arg);
      entry = { command: opts.command, args: opts.arg };
      if (opts.env.length) entry.env = kv(opts.env, 'env');
    } else throw new Error('give --url or --command');
    cfg.mcpServers[opts.name] = entry;
  } else if (cmd === 'remove') {
    if (!cfg.mcpServers[opts.name]) throw new Error(`${opts.name} not found`);
    delete cfg.mcpServers[opts.name];
  } else throw new Error('usage: mcp_json.js add|remove|list ...');

  if (await confirm(before, cfg)) {
    fs.writeFileSync(FILE, JSON.stringify(cfg, null, 2) + '\n');
    console.log(`wrote ${FILE}`);
  } else console.log('not written');
})().catch((e) => { console.error(`error: ${e.message}`); process.exit(1); });
