#!/usr/bin/env node
'use strict';
const fs = require('fs');
const readline = require('readline');

const argv = process.argv.slice(2);
const opt = { pii: argv.includes('--pii'), har: argv.includes('--har'), report: argv.includes('--report') };
const file = argv.find((a) => !a.startsWith('--'));
const counts = {};
const hit = (rule) => `[REDACTED:${rule}]`;
const bump = (rule) => (counts[rule] = (counts[rule] || 0) + 1);

const RULES = [
  ['private-key', /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?-----END [A-Z ]*PRIVATE KEY-----/g, () => hit('private-key')],
  ['bearer', /\b(Bearer|Token)\s+[A-Za-z0-9._~+/=-]{8,}/gi, (m, p1) => `${p1} ${hit('bearer')}`],
  ['basic', /\bBasic\s+[A-Za-z0-9+/=]{8,}/g, () => `Basic ${hit('basic')}`],
  ['header', /\b(X-Api-Key|X-Auth-Token|Api-Key|X-Goog-Api-Key|x-api-key|Cookie|Set-Cookie)(\s*[:=]\s*"?)([^"\r\n]+)/gi, (m, h, sep) => `${h}${sep}${hit('header')}`],
  ['url-password', /\b([a-z][a-z0-9+.-]*:\/\/[^\s:/@]+:)([^\s@/]+)(@)/gi, (m, a, _p, c) => `${a}${hit('url-password')}${c}`],
  ['query', /([?&](?:access_token|token|api_key|apikey|key|sig|signature|X-Amz-Signature|X-Amz-Credential|X-Amz-Security-Token|password|secret|code|client_secret)=)[^&\s"']+/gi, (m, k) => `${k}${hit('query')}`],
  ['github', /\b(gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,})/g, () => hit('github')],
  ['slack', /\bxox[abprs]-[A-Za-z0-9-]{10,}/g, () => hit('slack')],
  ['stripe', /\b(sk|rk)_(live|test)_[A-Za-z0-9]{10,}|\bwhsec_[A-Za-z0-9]{10,}/g, () => hit('stripe')],
  ['anthropic', /\bsk-ant-[A-Za-z0-9_-]{10,}/g, () => hit('anthropic')],
  ['openai', /\bsk-(proj-)?[A-Za-z0-9_-]{20,}/g, () => hit('openai')],
  ['aws-key-id', /\b(AKIA|ASIA)[A-Z0-9]{16}\b/g, () => hit('aws-key-id')],
  ['npm', /\bnpm_[A-Za-z0-9]{36}\b/g, () => hit('npm')],
  ['jwt', /\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g, () => hit('jwt')],
  ['json-field', /("(?:password|passwd|secret|token|apiKey|api_key|access_token|refresh_token|client_secret|private_key|authorization)"\s*:\s*)"[^"]*"/gi, (m, k) => `${k}"${hit('json-field')}"`],
  ['kv', /\b((?:PASSWORD|SECRET|TOKEN|API_KEY|PRIVATE_KEY)[A-Z_]*\s*=\s*)(\S+)/g, (m, k) => `${k}${hit('kv')}`],
];
const PII = [
  ['email', /\b[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}\b/g, () => hit('email')],
  ['ip', /\b(?!10\.|127\.|192\.168\.|172\.(?:1[6-9]|2\d|3[01])\.)(?:\d{1,3}\.){3}\d{1,3}\b/g, () => hit('ip')],
  ['phone', /\+?\d[\d\s().-]{9,}\d/g, () => hit('phone')],
];

function redact(text) {
  for (const [name, rx, fn] of opt.pii ? RULES.concat(PII) : RULES) {
    text = text.replace(rx, (...m) => {
      if (String(m[0]).includes('[REDACTED:')) return m[0];
      bump(name);
      return fn(...m);
    });
  }
  return text;
}

function redactHar(har) {
  const sensitive = /^(authorization|cookie|set-cookie|x-api-key|x-auth-token|proxy-authorization)$/i;
  for (const e of har.log?.entries || []) {
    for (const side of [e.request, e.response]) {
      if (!side) continue;
      for (const h of side.headers || []) if (sensitive.test(h.name)) { h.value = hit('header'); bump('header'); }
      for (const c of side.cookies || []) { c.value = hit('cookie'); bump('cookie'); }
    }
    if (e.request?.url) e.request.url = redact(e.request.url);
    for (const q of e.request?.queryString || []) q.value = redact(`${q.name}=${q.value}`).split('=').slice(1).join('=');
    if (e.request?.postData?.text) e.request.postData.text = redact(e.request.postData.text);
    const body = e.response?.content;
    if (body?.text) body.text = body.text.length > 10240 ? `[REMOVED ${body.text.length} chars]` : redact(body.text);
  }
  return har;
}

const input = file ? fs.createReadStream(file) : process.stdin;
if (opt.har) {
  let buf = '';
  input.on('data', (d) => (buf += d));
  input.on('end', () => {
    const out = JSON.stringify(redactHar(JSON.parse(buf)), null, 2);
    if (opt.report) console.error(counts); else process.stdout.write(out + '\n');
  });
} else {
  // private keys span lines: buffer a PEM block until its END line
  let pem = null;
  const rl = readline.createInterface({ input, crlfDelay: Infinity });
  rl.on('line', (line) => {
    if (pem !== null) {
      pem += '\n' + line;
      if (/-----END [A-Z ]*PRIVATE KEY-----/.test(line)) { const out = redact(pem); pem = null; if (!opt.report) process.stdout.write(out + '\n'); }
      return;
    }
    if (/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(line) && !/-----END/.test(line)) { pem = line; return; }
    const out = redact(line);
    if (!opt.report) process.stdout.write(out + '\n');
  });
  rl.on('close', () => {
    if (pem !== null && !opt.report) process.stdout.write(hit('private-key-truncated') + '\n');
    if (opt.report) for (const [k, v] of Object.entries(counts)) console.log(`${k.padEnd(14)} ${v}`);
  });
}
