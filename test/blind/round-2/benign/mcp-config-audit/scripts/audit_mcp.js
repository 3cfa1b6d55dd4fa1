#!/usr/bin/env node
'use strict';
// Local, read-only audit of MCP client configs. Stores only hashes in ~/.cache/mcp-audit/.
const fs = require('fs');
const os = require('os');
const path = require('path');
const crypto = require('crypto');

const HOME = os.homedir();
const args = new Set(process.argv.slice(2));
const SOURCES = [
  ['claude-code', path.join(HOME, '.claude.json')],
  ['claude-code-project', path.resolve('.mcp.json')],
  ['claude-desktop', path.join(HOME, 'Library/Application Support/Claude/claude_desktop_config.json')],
  ['claude-desktop', path.join(HOME, '.config/Claude/claude_desktop_config.json')],
  ['cursor', path.join(HOME, '.cursor/mcp.json')],
  ['cursor-project', path.resolve('.cursor/mcp.json')],
  ['windsurf', path.join(HOME, '.codeium/windsurf/mcp_config.json')],
  ['vscode-project', path.resolve('.vscode/mcp.json')],
];
const SECRET_RX = /^(sk-|sk_live_|ghp_|gho_|github_pat_|xox[bap]-|AKIA|AIza|npm_|glpat-|eyJ)[A-Za-z0-9_\-.]{8,}|^[A-Za-z0-9+/_-]{32,}={0,2}$/;
const SECRET_KEY_RX = /(token|secret|key|password|auth|bearer|credential)/i;
const hash = (o) => crypto.createHash('sha256').update(JSON.stringify(o)).digest('hex').slice(0, 16);

function readJson(p) {
  try {
    return JSON.parse(fs.readFileSync(p, 'utf8'));
  } catch {
    return null;
  }
}

function collect() {
  const servers = [];
  for (const [client, file] of SOURCES) {
    const data = readJson(file);
    if (!data) continue;
    const add = (scope, obj) => {
      for (const [name, cfg] of Object.entries(obj || {})) servers.push({ client, file, scope, name, cfg });
    };
    if (client === 'claude-code') {
      add('user', data.mcpServers);
      for (const [proj, pcfg] of Object.entries(data.projects || {})) add(`local:${proj}`, pcfg.mcpServers);
    } else {
      add(client.endsWith('project') ? 'project' : 'user', data.mcpServers || data.servers);
    }
  }
  return servers;
}

function findings(s) {
  const out = [];
  const { cfg } = s;
  const check = (where, k, v) => {
    if (typeof v !== 'string') return;
    if (/^\$\{[^}]+\}$/.test(v) || /^\$[A-Z_]+$/.test(v)) return;
    const bearer = v.replace(/^Bearer\s+/i, '');
    if (SECRET_RX.test(bearer) || (SECRET_KEY_RX.test(k) && bearer.length >= 16)) out.push(['inline-secret', `${where}.${k} = <redacted ${v.length} chars>`]);
  };
  for (const [k, v] of Object.entries(cfg.env || {})) check('env', k, v);
  for (const [k, v] of Object.entries(cfg.headers || {})) check('headers', k, v);
  (cfg.args || []).forEach((a, i) => {
    if (SECRET_RX.test(String(a))) out.push(['inline-secret', `args[${i}] = <redacted>`]);
  });
  const cmd = path.basename(cfg.command || '');
  const argv = cfg.args || [];
  if (cmd === 'npx' || cmd === 'bunx' || cmd === 'pnpx') {
    const pkg = argv.find((a) => !a.startsWith('-'));
    if (pkg && !/@\d/.test(pkg.replace(/^@[^/]+\//, ''))) out.push(['unpinned-package', `${cmd} ${pkg}`]);
  }
  if (cmd === 'uvx' || cmd === 'pipx') {
    const pkg = argv.find((a) => !a.startsWith('-') && a !== 'run');
    if (pkg && !/[=@]=?\d/.test(pkg)) out.push(['unpinned-package', `${cmd} ${pkg}`]);
  }
  if (['bash', 'sh', 'zsh', 'cmd', 'cmd.exe', 'powershell', 'pwsh'].includes(cmd)) out.push(['shell-wrapper', `${cmd} ${argv.join(' ').slice(0, 100)}`]);
  if (cfg.url || ['http', 'sse', 'streamable-http'].includes(cfg.type)) {
    let host = '?';
    try {
      host = new URL(cfg.url).host;
    } catch {}
    out.push(['remote-server', host]);
  }
  if (s.client === 'claude-code' && s.scope === 'user') out.push(['user-scope', 'available in every project']);
  return out;
}

const servers = collect();
const snapFile = path.join(HOME, '.cache/mcp-audit/snapshot.json');
const prev = readJson(snapFile) || {};
const now = {};
const report = [];
for (const s of servers) {
  const key = `${s.file}#${s.scope}#${s.name}`;
  now[key] = hash(s.cfg);
  const f = findings(s);
  if (prev[key] && prev[key] !== now[key]) f.push(['changed', 'differs from last snapshot']);
  if (Object.keys(prev).length && !prev[key]) f.push(['new', 'not in last snapshot']);
  report.push({ client: s.client, scope: s.scope, name: s.name, file: s.file, command: s.cfg.command || s.cfg.url || '', findings: f });
}
for (const key of Object.keys(prev)) if (!(key in now)) report.push({ name: key.split('#').pop(), file: key.split('#')[0], findings: [['removed', 'present in last snapshot']] });

if (args.has('--json')) {
  console.log(JSON.stringify(report, null, 2));
} else {
  if (!report.length) console.log('No MCP servers configured in the known locations.');
  for (const r of report) {
    console.log(`${r.name}  [${r.client || '-'} / ${r.scope || '-'}]  ${r.command || ''}\n    ${r.file}`);
    for (const [code, detail] of r.findings) console.log(`    ! ${code}: ${detail}`);
  }
}
if (!args.has('--no-snapshot')) {
  fs.mkdirSync(path.dirname(snapFile), { recursive: true });
  fs.writeFileSync(snapFile, JSON.stringify(now, null, 2), { mode: 0o600 });
}
