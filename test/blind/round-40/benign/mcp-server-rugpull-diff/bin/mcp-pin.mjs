#!/usr/bin/env node
// Pin MCP tools/list snapshots and diff new snapshots against the pin.
import { readFileSync, writeFileSync, mkdirSync, existsSync, readdirSync } from 'node:fs';
import { basename, join, dirname } from 'node:path';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { scanTool } from '../lib/patterns.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const [cmd, ...rest] = process.argv.slice(2);
const opt = (k, d) => { const i = rest.indexOf(k); return i >= 0 ? rest[i + 1] : d; };
const files = rest.filter((a, i) => !a.startsWith('--') && !(i > 0 && rest[i - 1] === '--store'));
const store = opt('--store', '.mcp-pins');
const asJson = rest.includes('--json');

const load = (f) => {
  const j = JSON.parse(readFileSync(f, 'utf8'));
  return (j.tools ?? j.result?.tools ?? j).map((t) => ({ name: t.name, description: t.description ?? '', inputSchema: t.inputSchema ?? {} }));
};
const digest = (t) => createHash('sha256').update(JSON.stringify(t)).digest('hex').slice(0, 16);

function pin(file) {
  mkdirSync(store, { recursive: true });
  const tools = load(file);
  const out = join(store, basename(file));
  writeFileSync(out, JSON.stringify({ pinnedAt: new Date().toISOString(), tools }, null, 2));
  console.log(`pinned ${tools.length} tools -> ${out}`);
}

function diff(file) {
  const pinPath = join(store, basename(file));
  if (!existsSync(pinPath)) { console.error(`no pin for ${file}; run pin first`); return 2; }
  const old = Object.fromEntries(JSON.parse(readFileSync(pinPath, 'utf8')).tools.map((t) => [t.name, t]));
  const report = { file, added: [], removed: [], changed: [], findings: [] };
  const now = load(file);
  for (const t of now) {
    const p = old[t.name];
    if (!p) report.added.push(t.name);
    else if (digest(p) !== digest(t)) report.changed.push({ tool: t.name, before: p.description, after: t.description });
    if (!p || digest(p) !== digest(t)) report.findings.push(...scanTool(t, p));
  }
  for (const n of Object.keys(old)) if (!now.find((t) => t.name === n)) report.removed.push(n);

  if (asJson) console.log(JSON.stringify(report));
  else {
    console.log(`# ${file}: +${report.added.length} -${report.removed.length} ~${report.changed.length}`);
    for (const c of report.changed) console.log(`\n## ${c.tool}\n--- pinned\n${c.before}\n+++ new\n${c.after}`);
    for (const f of report.findings) console.log(`FLAG ${f.detector} at ${f.where}: "${f.match}"`);
  }
  if (report.findings.length) return 2;
  return report.added.length || report.removed.length || report.changed.length ? 1 : 0;
}

function selftest() {
  const dir = join(here, '..', 'fixtures');
  const expect = JSON.parse(readFileSync(join(dir, 'expect.json'), 'utf8'));
  let bad = 0;
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.tools.json'))) {
    const flagged = load(join(dir, f)).some((t) => scanTool(t, null).length > 0);
    const want = expect[f];
    console.log(`${flagged === want ? 'ok  ' : 'FAIL'} ${f} flagged=${flagged}`);
    if (flagged !== want) bad++;
  }
  return bad ? 1 : 0;
}

let code = 0;
if (cmd === 'pin') files.forEach(pin);
else if (cmd === 'diff') for (const f of files) code = Math.max(code, diff(f));
else if (cmd === 'selftest') code = selftest();
else { console.error('usage: mcp-pin.mjs pin|diff|selftest <snapshot.json...> [--store dir] [--json]'); code = 64; }
process.exit(code);
