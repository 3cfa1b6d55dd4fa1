#!/usr/bin/env node
// Build, submit, poll and join Anthropic Message Batches. No dependencies.
import { readFileSync, writeFileSync, createWriteStream } from 'node:fs';

const API = 'https://api.anthropic.com/v1/messages/batches';
const HEADERS = () => {
  const key = process.env.ANTHROPIC_API_KEY;
  if (!key) { console.error('ANTHROPIC_API_KEY is not set'); process.exit(2); }
  return { 'x-api-key': key, 'anthropic-version': '2023-06-01', 'content-type': 'application/json' };
};
const MAX_REQ = 100_000, MAX_BYTES = 250 * 1024 * 1024;

function opt(name, def) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : def;
}

// Minimal RFC 4180 CSV parser (quoted fields, embedded newlines, "" escapes)
function parseCSV(text) {
  const rows = []; let row = [], field = '', q = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (q) { if (c === '"') { if (text[i + 1] === '"') { field += '"'; i++; } else q = false; } else field += c; }
    else if (c === '"') q = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\n' || c === '\r') { if (c === '\r' && text[i + 1] === '\n') i++; row.push(field); rows.push(row); row = []; field = ''; }
    else field += c;
  }
  if (field || row.length) { row.push(field); rows.push(row); }
  const [head, ...body] = rows.filter((r) => r.length > 1 || r[0]);
  return body.map((r) => Object.fromEntries(head.map((h, i) => [h, r[i] ?? ''])));
}
const csvCell = (v) => (/[",\n]/.test(v) ? `"${String(v).replace(/"/g, '""')}"` : String(v));

async function api(path = '', init = {}) {
  const res = await fetch(API + path, { ...init, headers: HEADERS() });
  if (!res.ok) throw new Error(`${res.status} ${await res.text()}`);
  return res;
}

const cmds = {
  build() {
    const rows = opt('input').endsWith('.csv') ? parseCSV(readFileSync(opt('input'), 'utf8'))
      : readFileSync(opt('input'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    const [system, user] = readFileSync(opt('template'), 'utf8').split(/^---$/m).map((s) => s.trim());
    const only = opt('only-ids') ? new Set(readFileSync(opt('only-ids'), 'utf8').split(/\s+/)) : null;
    const fill = (t, r) => t.replace(/\{\{(\w+)\}\}/g, (_, k) => r[k] ?? '');
    const sys = system.length > 4000 ? [{ type: 'text', text: system, cache_control: { type: 'ephemeral' } }] : system;
    const out = rows.filter((r) => !only || only.has(String(r.id))).map((r) => JSON.stringify({
      custom_id: String(r.id),
      params: { model: opt('model', 'claude-sonnet-4-5'), max_tokens: Number(opt('max-tokens', 512)), system: sys,
        messages: [{ role: 'user', content: fill(user, r) }] },
    }));
    writeFileSync(opt('out', 'requests.jsonl'), out.join('\n') + '\n');
    console.log(`${out.length} request(s) written to ${opt('out', 'requests.jsonl')}`);
  },

  async submit(file) {
    const lines = readFileSync(file, 'utf8').trim().split('\n');
    let chunk = [], bytes = 0;
    const flush = async () => {
      if (!chunk.length) return;
      const res = await api('', { method: 'POST', body: `{"requests":[${chunk.join(',')}]}` });
      const b = await res.json();
      console.log(`${b.id}  ${chunk.length} request(s)  status=${b.processing_status}`);
      chunk = []; bytes = 0;
    };
    for (const l of lines) {
      if (chunk.length >= MAX_REQ || bytes + l.length > MAX_BYTES) await flush();
      chunk.push(l); bytes += l.length + 1;
    }
    await flush();
  },

  async wait(id) {
    for (;;) {
      const b = await (await api(`/${id}`)).json();
      const c = b.request_counts;
      console.log(`${new Date().toISOString()} ${b.processing_status} processing=${c.processing} ok=${c.succeeded} err=${c.errored} expired=${c.expired}`);
      if (b.processing_status === 'ended') return;
      await new Promise((r) => setTimeout(r, 60_000));
    }
  },

  async results(id) {
    const b = await (await api(`/${id}`)).json();
    if (!b.results_url) throw new Error('batch has not ended yet');
    const res = await fetch(b.results_url, { headers: HEADERS() });
    const byId = new Map(), failed = [];
    for (const line of (await res.text()).trim().split('\n')) {
      const r = JSON.parse(line);
      if (r.result.type === 'succeeded') byId.set(r.custom_id, r.result.message.content.find((x) => x.type === 'text')?.text.trim() ?? '');
      else failed.push(`${r.custom_id}\t${r.result.type}\t${r.result.error?.error?.type ?? ''}`);
    }
    const allowed = opt('allowed') ? new Set(opt('allowed').split(',')) : null;
    if (opt('join')) {
      const rows = parseCSV(readFileSync(opt('join'), 'utf8'));
      const cols = [...Object.keys(rows[0]), 'result'];
      const out = createWriteStream(opt('out', 'results.csv'));
      out.write(cols.join(',') + '\n');
      for (const r of rows) {
        r.result = byId.get(String(r.id)) ?? '';
        if (allowed && r.result && !allowed.has(r.result)) failed.push(`${r.id}\tunexpected-answer\t${r.result.slice(0, 40)}`);
        out.write(cols.map((c) => csvCell(r[c] ?? '')).join(',') + '\n');
      }
      out.end();
      console.log(`joined ${byId.size} result(s) into ${opt('out', 'results.csv')}`);
    } else {
      for (const [k, v] of byId) console.log(JSON.stringify({ custom_id: k, text: v }));
    }
    if (failed.length) { writeFileSync('failed.txt', failed.map((f) => f.split('\t')[0]).join('\n') + '\n'); console.log(`\n${failed.length} not succeeded (ids in failed.txt):\n${failed.join('\n')}`); }
  },

  async cancel(id) {
    const b = await (await api(`/${id}/cancel`, { method: 'POST' })).json();
    console.log(`${b.id} ${b.processing_status}`);
  },
};

const [cmd, arg] = process.argv.slice(2);
if (!cmds[cmd]) { console.error('usage: batch.mjs build|submit|wait|results|cancel ...'); process.exit(2); }
await cmds[cmd](arg);
