#!/usr/bin/env node
// Add one MCP server entry to ./.mcp.json. Preview by default; --write to save.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

const { values: a } = parseArgs({
  options: {
    name: { type: 'string' },
    transport: { type: 'string', default: 'stdio' },
    command: { type: 'string' },
    arg: { type: 'string', multiple: true, default: [] },
    env: { type: 'string', multiple: true, default: [] },
    url: { type: 'string' },
    header: { type: 'string', multiple: true, default: [] },
    file: { type: 'string', default: '.mcp.json' },
    replace: { type: 'boolean', default: false },
    write: { type: 'boolean', default: false },
  },
});

const die = (m) => { console.error(m); process.exit(2); };
if (!a.name || !/^[a-zA-Z0-9_-]{1,64}$/.test(a.name)) die('--name is required (letters, digits, - and _)');

const isRef = (v) => /^\$\{[A-Z_][A-Z0-9_]*(:-[^}]*)?\}$/.test(v) || /^[^=]*\$\{[A-Z_][A-Z0-9_]*\}[^=]*$/.test(v);
const looksSecret = (v) => /(sk-|ghp_|github_pat_|glpat-|xox[abp]-|AKIA|eyJ)[A-Za-z0-9_-]{8,}/.test(v) || /^[A-Za-z0-9_\-]{32,}$/.test(v);

const kv = (list, sep) => Object.fromEntries(list.map((s) => {
  const i = s.indexOf(sep);
  if (i < 1) die(`expected KEY${sep}VALUE, got ${s}`);
  return [s.slice(0, i).trim(), s.slice(i + sep.length).trim()];
}));

let entry;
if (a.transport === 'stdio') {
  if (!a.command) die('--command is required for stdio servers');
  for (const x of a.arg) if (looksSecret(x)) die(`argument looks like a literal secret; use a \${VAR} reference: ${x.slice(0, 6)}…`);
  const env = kv(a.env, '=');
  for (const [k, v] of Object.entries(env)) if (!isRef(v)) die(`env ${k} must be a \${VAR} reference, not a literal value`);
  entry = { type: 'stdio', command: a.command, args: a.arg, ...(Object.keys(env).length ? { env } : {}) };
} else if (a.transport === 'http' || a.transport === 'sse') {
  if (!a.url) die('--url is required for http/sse servers');
  const u = new URL(a.url);
  if (u.protocol !== 'https:' && !['localhost', '127.0.0.1'].includes(u.hostname)) die('remote servers must use https');
  if (u.username || u.password || [...u.searchParams.values()].some(looksSecret)) die('put credentials in a header reference, not in the URL');
  const headers = kv(a.header, ':');
  for (const [k, v] of Object.entries(headers)) {
    const val = v.replace(/^Bearer\s+/i, '');
    if (!isRef(val)) die(`header ${k} must use a \${VAR} reference`);
  }
  entry = { type: a.transport, url: a.url, ...(Object.keys(headers).length ? { headers } : {}) };
} else {
  die('--transport must be stdio, http or sse');
}

const file = path.resolve(a.file);
const current = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : { mcpServers: {} };
current.mcpServers ??= {};
if (current.mcpServers[a.name] && !a.replace) die(`server "${a.name}" already exists in ${a.file}; pass --replace to overwrite`);

const before = JSON.stringify(current.mcpServers[a.name] ?? null, null, 2);
current.mcpServers[a.name] = entry;
console.log(`${a.file} → mcpServers.${a.name}`);
console.log(`- ${before.split('\n').join('\n- ')}`);
console.log(`+ ${JSON.stringify(entry, null, 2).split('\n').join('\n+ ')}`);

if (!a.write) {
  console.log('\nPreview only. Re-run with --write to save.');
  process.exit(0);
}
fs.writeFileSync(file, JSON.stringify(current, null, 2) + '\n');
console.log(`\nSaved. Each teammate will be asked to approve "${a.name}" the first time Claude Code loads this project.`);
