#!/usr/bin/env node
// Summarise token usage from local Claude Code transcripts. Reads metadata only.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';

const args = process.argv.slice(2);
const opt = (name, def) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : def;
};
const flag = (name) => args.includes(`--${name}`);

const configDir = process.env.CLAUDE_CONFIG_DIR || path.join(os.homedir(), '.claude');
const root = opt('root', path.join(configDir, 'projects'));
const since = new Date(opt('since', new Date(Date.now() - 30 * 864e5).toISOString().slice(0, 10)));
const until = opt('until') ? new Date(opt('until')) : new Date();
const by = opt('by', 'project');
const projectFilter = opt('project');
const top = Number(opt('top', 50));
const prices = parsePrices(opt('price'));

function parsePrices(spec) {
  if (!spec) return null;
  const out = {};
  for (const part of spec.split(';')) {
    const [model, kv] = part.split(':');
    out[model] = Object.fromEntries(kv.split(',').map((p) => {
      const [k, v] = p.split('=');
      return [k, Number(v)];
    }));
  }
  return out;
}

const home = os.homedir();
const pretty = (p) => (p && p.startsWith(home) ? '~' + p.slice(home.length) : p);
const fmt = (n) => (n >= 1e6 ? (n / 1e6).toFixed(1) + 'M' : n >= 1e3 ? Math.round(n / 1e3) + 'k' : String(n));

const buckets = new Map();
const models = new Map();
const sessions = new Set();
const projects = new Set();
let malformed = 0;

function bucket(key) {
  if (!buckets.has(key)) buckets.set(key, { sessions: new Set(), input: 0, output: 0, cw: 0, cr: 0, cost: 0 });
  return buckets.get(key);
}

async function readFile(file, projectDir) {
  const rl = readline.createInterface({ input: fs.createReadStream(file), crlfDelay: Infinity });
  for await (const line of rl) {
    if (!line.trim()) continue;
    let e;
    try { e = JSON.parse(line); } catch { malformed++; continue; }
    const usage = e?.message?.usage;
    if (e.type !== 'assistant' || !usage || !e.timestamp) continue;
    const ts = new Date(e.timestamp);
    if (ts < since || ts > until) continue;
    const project = pretty(e.cwd) || projectDir;
    if (projectFilter && !project.includes(projectFilter)) continue;
    const session = e.sessionId || path.basename(file, '.jsonl');
    const model = e.message.model || 'unknown';
    const key = by === 'day' ? e.timestamp.slice(0, 10)
      : by === 'model' ? model
      : by === 'session' ? `${session.slice(0, 8)} ${project}`
      : project;
    const b = bucket(key);
    const u = {
      input: usage.input_tokens || 0,
      output: usage.output_tokens || 0,
      cw: usage.cache_creation_input_tokens || 0,
      cr: usage.cache_read_input_tokens || 0,
    };
    b.sessions.add(session);
    b.input += u.input; b.output += u.output; b.cw += u.cw; b.cr += u.cr;
    if (prices) {
      const p = Object.entries(prices).find(([m]) => model.includes(m))?.[1];
      if (p) b.cost += (u.input * (p.in || 0) + u.output * (p.out || 0) + u.cw * (p.cw || 0) + u.cr * (p.cr || 0)) / 1e6;
    }
    models.set(model, (models.get(model) || 0) + u.output);
    sessions.add(session);
    projects.add(project);
  }
}

if (!fs.existsSync(root)) {
  console.error(`No transcripts at ${root}. Use --root to point elsewhere.`);
  process.exit(1);
}
for (const dir of fs.readdirSync(root)) {
  const full = path.join(root, dir);
  if (!fs.statSync(full).isDirectory()) continue;
  for (const f of fs.readdirSync(full)) {
    if (f.endsWith('.jsonl')) await readFile(path.join(full, f), dir);
  }
}

const rows = [...buckets.entries()]
  .map(([k, b]) => ({ key: k, sessions: b.sessions.size, input: b.input, output: b.output, cache_write: b.cw, cache_read: b.cr,
    cache_hit: b.cr + b.cw + b.input ? b.cr / (b.cr + b.cw + b.input) : 0, cost_usd: prices ? Number(b.cost.toFixed(2)) : undefined }))
  .sort((a, b) => (by === 'day' ? a.key.localeCompare(b.key) : b.output - a.output))
  .slice(0, top);

if (flag('json')) {
  console.log(JSON.stringify({ since, until, rows, models: Object.fromEntries(models) }, null, 2));
  process.exit(0);
}

console.log(`Claude Code usage ${since.toISOString().slice(0, 10)} → ${until.toISOString().slice(0, 10)} ` +
  `(${sessions.size} sessions, ${projects.size} projects)\n`);
const head = [by.padEnd(40), 'sessions'.padStart(8), 'input'.padStart(9), 'output'.padStart(9),
  'cache_w'.padStart(9), 'cache_r'.padStart(9), 'hit'.padStart(6)].join(' ') + (prices ? '   est. USD' : '');
console.log(head);
for (const r of rows) {
  console.log([r.key.slice(0, 40).padEnd(40), String(r.sessions).padStart(8), fmt(r.input).padStart(9), fmt(r.output).padStart(9),
    fmt(r.cache_write).padStart(9), fmt(r.cache_read).padStart(9), (Math.round(r.cache_hit * 100) + '%').padStart(6)].join(' ') +
    (prices ? `   ${r.cost_usd.toFixed(2).padStart(8)}` : ''));
}
const totalOut = [...models.values()].reduce((a, b) => a + b, 0) || 1;
console.log('\nby model: ' + [...models.entries()].sort((a, b) => b[1] - a[1])
  .map(([m, o]) => `${m} ${Math.round((o / totalOut) * 100)}%`).join(' · ') + ' (by output tokens)');
if (malformed) console.error(`(${malformed} malformed lines skipped)`);
