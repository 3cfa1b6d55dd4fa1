#!/usr/bin/env node
// Offline CI log scanner: finds credential-shaped strings and writes redacted copies.
import { readFileSync, writeFileSync, mkdirSync, statSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';

const RULES = [
  { id: 'aws-access-key', re: /\b(AKIA|ASIA)[A-Z0-9]{16}\b/g, rotate: 'IAM console → user → Security credentials → deactivate & delete key' },
  { id: 'github-token', re: /\b(gh[pousr]_[A-Za-z0-9]{36}|github_pat_[A-Za-z0-9_]{60,})\b/g, rotate: 'github.com/settings/tokens → revoke; regenerate with least scope' },
  { id: 'npm-token', re: /\bnpm_[A-Za-z0-9]{36}\b/g, rotate: 'npm token revoke <id>; create a granular token' },
  { id: 'slack-webhook', re: /https:\/\/hooks\.slack\.com\/services\/T[A-Z0-9]+\/B[A-Z0-9]+\/[A-Za-z0-9]+/g, rotate: 'Slack app → Incoming Webhooks → remove & re-add' },
  { id: 'private-key', re: /-----BEGIN (?:RSA |EC |OPENSSH |DSA )?PRIVATE KEY-----/g, rotate: 'replace key pair; remove public half from authorized_keys / deploy keys' },
  { id: 'generic-assignment', re: /\b(?:password|passwd|secret|token|api[_-]?key)\s*[:=]\s*['"]?([^\s'"]{12,})/gi, rotate: 'rotate in the issuing system' },
];
const B64_RUN = /[A-Za-z0-9+/]{40,}={0,2}/g;

function usage(msg) {
  if (msg) console.error(msg);
  console.error('usage: scan-log.mjs <file|dir>... [--out DIR] [--report FILE] [--allow FILE]');
  process.exit(1);
}

const args = process.argv.slice(2);
const opts = { out: 'redacted', report: null, allow: null, inputs: [] };
for (let i = 0; i < args.length; i++) {
  const a = args[i];
  if (a === '--out') opts.out = args[++i];
  else if (a === '--report') opts.report = args[++i];
  else if (a === '--allow') opts.allow = args[++i];
  else if (a.startsWith('--')) usage(`unknown option ${a}`);
  else opts.inputs.push(a);
}
if (!opts.inputs.length) usage();

const allow = opts.allow
  ? readFileSync(opts.allow, 'utf8').split('\n').filter(Boolean).map((l) => new RegExp(l))
  : [];
const allowed = (s) => allow.some((r) => r.test(s));
const mask = (s) => (s.length <= 8 ? '****' : `${s.slice(0, 4)}…${s.slice(-2)}`);

function decodeLayers(s, depth = 2) {
  const out = [];
  let cur = s;
  for (let d = 1; d <= depth; d++) {
    let dec;
    try { dec = Buffer.from(cur, 'base64').toString('utf8'); } catch { break; }
    if (!/^[\x09\x0a\x0d\x20-\x7e]+$/.test(dec)) break;
    out.push({ depth: d, text: dec });
    cur = dec.trim();
  }
  return out;
}

function scanLine(line) {
  const hits = [];
  for (const r of RULES) {
    for (const m of line.matchAll(r.re)) {
      const val = m[1] && r.id === 'generic-assignment' ? m[1] : m[0];
      if (!allowed(val)) hits.push({ rule: r.id, value: val, via: 'plain', rotate: r.rotate });
    }
  }
  for (const m of line.matchAll(B64_RUN)) {
    for (const layer of decodeLayers(m[0])) {
      for (const r of RULES) {
        if (r.id === 'generic-assignment') continue;
        for (const inner of layer.text.matchAll(r.re)) {
          if (!allowed(inner[0])) hits.push({ rule: r.id, value: m[0], inner: inner[0], via: `b64x${layer.depth}`, rotate: r.rotate });
        }
      }
    }
  }
  return hits;
}

function expand(p) {
  if (statSync(p).isDirectory()) {
    return readdirSync(p).filter((f) => /\.(log|txt)$/.test(f)).map((f) => join(p, f));
  }
  return [p];
}

const report = [];
mkdirSync(opts.out, { recursive: true });
for (const file of opts.inputs.flatMap(expand)) {
  const lines = readFileSync(file, 'utf8').split('\n');
  const redacted = lines.map((line, idx) => {
    let outLine = line;
    for (const h of scanLine(line)) {
      report.push({ file, line: idx + 1, rule: h.rule, preview: mask(h.inner ?? h.value), via: h.via, rotate: h.rotate });
      outLine = outLine.split(h.value).join(`[REDACTED:${h.rule}]`);
    }
    return outLine;
  });
  writeFileSync(join(opts.out, basename(file)), redacted.join('\n'));
}

for (const r of report) {
  console.log(`${basename(r.file)}:${r.line}\t${r.rule.padEnd(18)}\t${r.preview}\t${r.via}`);
}
console.log(`${report.length} findings; redacted copies written to ${opts.out}/`);
if (opts.report) writeFileSync(opts.report, JSON.stringify(report, null, 2));
process.exit(report.length ? 2 : 0);
