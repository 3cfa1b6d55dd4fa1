#!/usr/bin/env node
// Scan telemetry SDK configuration for PII/secret exposure settings, and optionally
// scan exported event JSON for leaked secrets. Reads local files only.
import fs from 'node:fs';
import path from 'node:path';

const args = process.argv.slice(2);
const asJson = args.includes('--json');
const evIdx = args.indexOf('--events');
const eventsDir = evIdx >= 0 ? args[evIdx + 1] : null;
const root = args.find((a, i) => !a.startsWith('--') && (evIdx < 0 || i !== evIdx + 1)) ?? (eventsDir ? null : '.');

const SRC_EXT = new Set(['.js', '.mjs', '.cjs', '.ts', '.tsx', '.jsx', '.py', '.rb', '.go', '.vue', '.svelte']);
const SKIP_DIRS = new Set(['node_modules', '.git', 'dist', 'build', '.next', 'venv', '.venv', '__pycache__']);

const INIT_RE = /(Sentry\.init\s*\(|sentry_sdk\.init\s*\(|Sentry\.init\s+do|datadogRum\.init\s*\(|posthog\.init\s*\(|LogRocket\.init\s*\(|new\s+OTLPTraceExporter|HttpInstrumentation\s*\()/g;

const CHECKS = [
  { id: 'default-pii-on', sev: 'high', re: /send[_]?[dD]efault[_]?[pP]ii\s*[:=]\s*(true|True)/, msg: 'default PII enabled' },
  { id: 'replay-unmasked', sev: 'high', re: /maskAllText\s*:\s*false|blockAllMedia\s*:\s*false/, msg: 'session replay text/media not masked' },
  { id: 'rum-privacy-allow', sev: 'high', re: /defaultPrivacyLevel\s*:\s*['"]allow['"]/, msg: 'Datadog RUM privacy level allow' },
  { id: 'posthog-unmasked', sev: 'medium', re: /mask_all_text\s*:\s*false|mask_all_element_attributes\s*:\s*false/, msg: 'PostHog autocapture text not masked' },
  { id: 'local-vars', sev: 'medium', re: /include[_]?[lL]ocal[_]?[vV]ariables\s*[:=]\s*(true|True)/, msg: 'local variables captured in frames' },
  { id: 'request-bodies', sev: 'medium', re: /max_request_body_size\s*=\s*['"](always|medium)['"]|request_bodies\s*=\s*['"]always['"]/, msg: 'request bodies captured' },
  { id: 'otel-headers', sev: 'medium', re: /headersToSpanAttributes|captureHeaders|http\.request\.header\.authorization/i, msg: 'HTTP headers captured into spans; check for authorization/cookie' },
  { id: 'hardcoded-dsn', sev: 'low', re: /dsn\s*[:=]\s*['"]https:\/\/[0-9a-f]{16,}@/i, msg: 'DSN literal in code (fine for browser; prefer env on server)' },
  { id: 'hardcoded-server-key', sev: 'high', re: /(DD_API_KEY|apiKey|api_key|personal_api_key)\s*[:=]\s*['"][0-9a-zA-Z_]{24,}['"]/, msg: 'server-side telemetry key hard-coded' },
];
const NEEDS = [
  { id: 'no-before-send', sev: 'medium', re: /before[_]?[sS]end/, msg: 'no beforeSend/before_send scrubber near init', only: /Sentry|sentry_sdk/ },
  { id: 'no-before-breadcrumb', sev: 'low', re: /before[_]?[bB]readcrumb/, msg: 'no breadcrumb filter; fetch/XHR URLs may carry tokens', only: /Sentry\.init\s*\(/ },
];

function* walk(dir) {
  for (const ent of fs.readdirSync(dir, { withFileTypes: true })) {
    if (ent.isDirectory()) {
      if (!SKIP_DIRS.has(ent.name)) yield* walk(path.join(dir, ent.name));
    } else if (SRC_EXT.has(path.extname(ent.name))) {
      yield path.join(dir, ent.name);
    }
  }
}

function lineOf(text, idx) {
  return text.slice(0, idx).split('\n').length;
}

function scanConfig(rootDir) {
  const out = [];
  for (const file of walk(rootDir)) {
    const text = fs.readFileSync(file, 'utf8');
    for (const m of text.matchAll(INIT_RE)) {
      // look at a window around the init call; good enough for typical init blocks
      const start = Math.max(0, m.index - 400);
      const window = text.slice(start, m.index + 2500);
      const initLine = lineOf(text, m.index);
      out.push({ file, line: initLine, id: 'init-found', sev: 'info', msg: m[0].trim() });
      for (const c of CHECKS) {
        const hit = window.match(c.re);
        if (hit) out.push({ file, line: lineOf(text, start + hit.index), id: c.id, sev: c.sev, msg: c.msg });
      }
      for (const n of NEEDS) {
        if (n.only.test(m[0]) && !n.re.test(text)) out.push({ file, line: initLine, id: n.id, sev: n.sev, msg: n.msg });
      }
    }
  }
  return out;
}

const SECRET_PATTERNS = [
  ['jwt', /eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}/g],
  ['bearer', /Bearer\s+[A-Za-z0-9._~+/-]{16,}/g],
  ['aws-access-key', /\b(AKIA|ASIA)[0-9A-Z]{16}\b/g],
  ['github-token', /\bgh[pousr]_[A-Za-z0-9]{30,}\b/g],
  ['slack-token', /\bxox[abposr]-[A-Za-z0-9-]{10,}\b/g],
  ['stripe-key', /\b(sk|rk)_(live|test)_[A-Za-z0-9]{16,}\b/g],
  ['email', /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g],
  ['url-token-param', /[?&](token|access_token|code|key|sig|signature|password)=[^&\s"']{6,}/gi],
];
const SENSITIVE_HEADERS = new Set(['authorization', 'cookie', 'set-cookie', 'x-api-key', 'proxy-authorization']);

function luhn(num) {
  const d = num.replace(/\D/g, '');
  if (d.length < 13 || d.length > 19) return false;
  let sum = 0;
  for (let i = 0; i < d.length; i++) {
    let n = +d[d.length - 1 - i];
    if (i % 2) { n *= 2; if (n > 9) n -= 9; }
    sum += n;
  }
  return sum % 10 === 0;
}

const mask = (s) => (s.length <= 4 ? '****' : s.slice(0, 4) + '…(' + s.length + ')');

function scanEvents(dir) {
  const out = [];
  for (const f of fs.readdirSync(dir).filter((n) => n.endsWith('.json'))) {
    const file = path.join(dir, f);
    let ev;
    try { ev = JSON.parse(fs.readFileSync(file, 'utf8')); } catch { continue; }
    const walkEv = (node, trail) => {
      if (node && typeof node === 'object') {
        for (const [k, v] of Object.entries(node)) {
          const key = String(k).toLowerCase();
          if (trail.includes('headers') && SENSITIVE_HEADERS.has(key) && v) {
            out.push({ file, where: [...trail, k].join('.'), kind: 'sensitive-header', sample: mask(String(v)) });
          }
          walkEv(v, [...trail, k]);
        }
      } else if (typeof node === 'string') {
        for (const [kind, re] of SECRET_PATTERNS) {
          for (const m of node.matchAll(re)) out.push({ file, where: trail.join('.'), kind, sample: mask(m[0]) });
        }
        for (const m of node.matchAll(/\b(?:\d[ -]?){13,19}\b/g)) {
          if (luhn(m[0])) out.push({ file, where: trail.join('.'), kind: 'card-number', sample: mask(m[0]) });
        }
      }
    };
    walkEv(ev, []);
  }
  return out;
}

const result = {};
if (root) result.config = scanConfig(root);
if (eventsDir) result.events = scanEvents(eventsDir);

if (asJson) {
  console.log(JSON.stringify(result, null, 2));
} else {
  if (result.config) {
    console.log(`# Config findings (${result.config.filter((f) => f.sev !== 'info').length})`);
    for (const f of result.config) console.log(`${f.sev.padEnd(6)} ${f.file}:${f.line}  ${f.id}  ${f.msg}`);
  }
  if (result.events) {
    console.log(`\n# Event findings (${result.events.length})`);
    const byKind = {};
    for (const e of result.events) byKind[e.kind] = (byKind[e.kind] ?? 0) + 1;
    for (const [k, n] of Object.entries(byKind)) console.log(`  ${k}: ${n}`);
    for (const e of result.events.slice(0, 200)) console.log(`  ${e.kind.padEnd(18)} ${path.basename(e.file)} ${e.where} ${e.sample}`);
  }
}
const bad = (result.config ?? []).some((f) => f.sev === 'high') || (result.events ?? []).some((e) => e.kind !== 'email');
process.exit(bad ? 1 : 0);
