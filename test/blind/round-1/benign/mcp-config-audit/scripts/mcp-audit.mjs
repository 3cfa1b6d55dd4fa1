#!/usr/bin/env node
// Inventory MCP server configs and flag risky entries. Read-only except for --baseline save.
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';

const home = homedir();
const sources = [
  ['claude-code', join(home, '.claude.json')],
  ['claude-code-project', '.mcp.json'],
  ['claude-desktop', join(home, 'Library/Application Support/Claude/claude_desktop_config.json')],
  ['claude-desktop', join(home, '.config/Claude/claude_desktop_config.json')],
  ['cursor', join(home, '.cursor/mcp.json')],
  ['cursor-project', '.cursor/mcp.json'],
  ['vscode-project', '.vscode/mcp.json'],
];
const TOKENISH = /^(gh[pousr]_|github_pat_|sk-|sk_live_|xox[abpr]-|AKIA|ASIA|npm_|glpat-|eyJ)|^[A-Za-z0-9_\-]{32,}$/;
const SECRET_KEY = /(token|secret|key|password|auth|bearer|cookie)/i;

function redact(v) { return `<redacted, ${String(v).length} chars>`; }

function collect() {
  const servers = [];
  for (const [client, path] of sources) {
    if (!existsSync(path)) continue;
    let json;
    try { json = JSON.parse(readFileSync(path, 'utf8')); } catch (e) {
      servers.push({ client, path, name: '(unparseable file)', def: {}, scope: '-' }); continue;
    }
    const add = (obj, scope) => Object.entries(obj || {}).forEach(([name, def]) => servers.push({ client, path, name, def, scope }));
    add(json.mcpServers, client.endsWith('project') ? 'project' : 'user');
    add(json.servers, 'project'); // VS Code format
    if (json.projects) for (const [proj, p] of Object.entries(json.projects)) add(p.mcpServers, `local:${proj}`);
  }
  return servers;
}

function findings(s) {
  const out = [];
  const d = s.def || {};
  const kv = { ...(d.env || {}), ...(d.headers || {}) };
  for (const [k, v] of Object.entries(kv)) {
    if (typeof v === 'string' && !v.includes('${') && (SECRET_KEY.test(k) || TOKENISH.test(v.replace(/^Bearer\s+/, ''))))
      out.push(['high', 'inline-secret', `${k}=${redact(v)}`]);
  }
  (d.args || []).forEach((a, i) => { if (typeof a === 'string' && TOKENISH.test(a)) out.push(['high', 'inline-secret', `args[${i}]=${redact(a)}`]); });
  const cmd = (d.command || '').split('/').pop();
  if (['npx', 'bunx', 'pnpm', 'uvx', 'pipx'].includes(cmd)) {
    const pkg = (d.args || []).find((a) => !a.startsWith('-') && a !== 'dlx' && a !== 'run');
    if (pkg && !/@\d|==\d/.test(pkg.replace(/^@[^/]+\//, ''))) out.push(['medium', 'unpinned-package', pkg]);
  }
  if (['bash', 'sh', 'zsh', 'cmd', 'powershell', 'pwsh'].includes(cmd) && (d.args || []).some((a) => /^(-c|\/c|-Command)$/i.test(a)))
    out.push(['medium', 'shell-wrapper', (d.args || []).join(' ').slice(0, 120)]);
  if (d.url) {
    const u = new URL(d.url);
    const loopback = ['localhost', '127.0.0.1', '::1'].includes(u.hostname);
    if (u.protocol === 'http:' && !loopback) out.push(['high', 'plain-http-remote', u.host]);
    out.push(['info', 'remote-server', u.host]);
  }
  return out;
}

function digest(s) {
  const norm = JSON.stringify(s.def, Object.keys(s.def).sort());
  return createHash('sha256').update(`${s.client}|${s.scope}|${s.name}|${norm}`).digest('hex');
}

const servers = collect();
const mode = process.argv[2] === '--baseline' ? process.argv[3] : null;
const BASE = '.mcp-audit-baseline.json';

if (mode === 'save') {
  const data = Object.fromEntries(servers.map((s) => [`${s.client}|${s.scope}|${s.name}`, digest(s)]));
  writeFileSync(BASE, JSON.stringify(data, null, 2) + '\n');
  console.log(`saved baseline for ${servers.length} server(s) to ${BASE}`);
  process.exit(0);
}

let worst = 0;
console.log(`${servers.length} MCP server(s) found\n`);
for (const s of servers) {
  const where = s.def.url ? s.def.url.replace(/\?.*$/, '?…') : [s.def.command, ...(s.def.args || [])].join(' ').slice(0, 80);
  console.log(`${s.name}  [${s.client}, ${s.scope}]  ${where}`);
  console.log(`   from ${s.path}`);
  for (const [sev, id, detail] of findings(s)) {
    console.log(`   ${sev.padEnd(6)} ${id}: ${detail}`);
    if (sev === 'high') worst = 1;
  }
}
if (mode === 'check') {
  if (!existsSync(BASE)) { console.error(`no baseline at ${BASE}; run --baseline save first`); process.exit(2); }
  const base = JSON.parse(readFileSync(BASE, 'utf8'));
  const now = Object.fromEntries(servers.map((s) => [`${s.client}|${s.scope}|${s.name}`, digest(s)]));
  console.log('\nchanges since baseline:');
  for (const k of Object.keys(now)) if (!(k in base)) { console.log(`   added    ${k}`); worst = 1; }
  for (const k of Object.keys(base)) if (!(k in now)) console.log(`   removed  ${k}`);
  for (const k of Object.keys(now)) if (k in base && base[k] !== now[k]) { console.log(`   changed  ${k}`); worst = 1; }
}
process.exit(worst);
