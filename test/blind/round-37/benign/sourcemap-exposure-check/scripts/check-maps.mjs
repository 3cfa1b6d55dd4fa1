#!/usr/bin/env node
// GET the pages named on the command line, follow same-origin scripts, check source map exposure.
import { writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';

const args = process.argv.slice(2);
const pages = args.filter(a => /^https?:\/\//.test(a));
const opt = (name, dflt) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : dflt; };
const sameOrigin = !args.includes('--any-origin');
const maxScripts = Number(opt('--max-scripts', 40));
const outFile = opt('--out', 'sourcemap-report.json');
const saveDir = opt('--save-sources', null);

if (!pages.length) { console.error('usage: check-maps.mjs <url> [...] [--out f] [--save-sources dir]'); process.exit(1); }

const PATTERNS = [
  ['stripe-live-key', /sk_live_[0-9a-zA-Z]{10,}/g],
  ['aws-access-key-id', /AKIA[0-9A-Z]{16}/g],
  ['private-key-block', /-----BEGIN [A-Z ]*PRIVATE KEY-----/g],
  ['slack-token', /xox[bpars]-[0-9A-Za-z-]{10,}/g],
  ['github-token', /gh[pousr]_[0-9A-Za-z]{30,}/g],
  ['generic-secret', /(secret|token|api[_-]?key)["'\s:=]+["'][A-Za-z0-9+\/_\-]{24,}["']/gi],
  ['internal-host', /\b[a-z0-9.-]+\.(internal|corp|lan)\b/g],
  ['private-ip', /\b(10\.\d+\.\d+\.\d+|192\.168\.\d+\.\d+|172\.(1[6-9]|2\d|3[01])\.\d+\.\d+)\b/g],
  ['risky-todo', /(TODO|FIXME|HACK)[^\n]{0,60}(auth|admin|bypass|password)/gi],
];

async function get(url) {
  const r = await fetch(url, { redirect: 'follow', headers: { 'user-agent': 'sourcemap-exposure-check' } });
  return { status: r.status, headers: r.headers, text: r.ok ? await r.text() : '' };
}

function scriptsIn(html, base) {
  const out = new Set();
  for (const m of html.matchAll(/<script[^>]+src=["']([^"']+)["']/gi)) {
    try { out.add(new URL(m[1], base).href); } catch {}
  }
  return [...out];
}

function mapRef(js, headers, jsUrl) {
  const h = headers.get('sourcemap') || headers.get('x-sourcemap');
  if (h) return new URL(h, jsUrl).href;
  const m = js.match(/\/\/[#@]\s*sourceMappingURL=(\S+)\s*$/m);
  if (!m) return null;
  if (m[1].startsWith('data:')) return m[1];
  return new URL(m[1], jsUrl).href;
}

async function loadMap(ref) {
  if (ref.startsWith('data:')) {
    const b64 = ref.split(',')[1] || '';
    return { status: 'inline', map: JSON.parse(Buffer.from(b64, 'base64').toString('utf8')) };
  }
  const r = await get(ref);
  if (r.status !== 200) return { status: r.status };
  try {
    const map = JSON.parse(r.text);
    if (map.version !== 3) return { status: `${r.status}-not-a-map` };
    return { status: 200, map };
  } catch { return { status: `${r.status}-not-json` }; }
}

function scan(map) {
  const findings = [];
  const internalPaths = new Set();
  (map.sources || []).forEach((src, i) => {
    if (/^(\/home\/|\/Users\/|[A-Z]:\\|\/builds\/|\/runner\/)/.test(src)) internalPaths.add(src);
    const body = (map.sourcesContent || [])[i] || '';
    const lines = body.split('\n');
    for (const [name, re] of PATTERNS) {
      lines.forEach((line, n) => {
        re.lastIndex = 0;
        if (re.test(line)) findings.push({ rule: name, source: src, line: n + 1, snippet: line.trim().slice(0, 160) });
      });
    }
  });
  return { findings, internalPaths: [...internalPaths].slice(0, 10) };
}

const report = [];
for (const page of pages) {
  const origin = new URL(page).origin;
  const p = await get(page);
  const scripts = scriptsIn(p.text, page).filter(s => !sameOrigin || new URL(s).origin === origin).slice(0, maxScripts);
  for (const s of scripts) {
    const js = await get(s);
    const ref = mapRef(js.text, js.headers, s);
    const entry = { page, script: s, mapUrl: ref && (ref.startsWith('data:') ? 'inline' : ref), status: null };
    if (ref) {
      const m = await loadMap(ref);
      entry.status = m.status;
      if (m.map) {
        entry.sources = (m.map.sources || []).length;
        entry.hasSourcesContent = Array.isArray(m.map.sourcesContent) && m.map.sourcesContent.some(Boolean);
        Object.assign(entry, scan(m.map));
        if (saveDir && entry.hasSourcesContent) {
          for (const [i, src] of m.map.sources.entries()) {
            const safe = src.replace(/^[a-z]+:\/\/+/i, '').replace(/\.\.(\/|\\)/g, '').replace(/^[\/\\]+/, '');
            const dest = path.join(saveDir, new URL(s).pathname.replace(/\W+/g, '_'), safe);
            if (!path.resolve(dest).startsWith(path.resolve(saveDir))) continue;
            await mkdir(path.dirname(dest), { recursive: true });
            await writeFile(dest, m.map.sourcesContent[i] || '');
          }
        }
      }
    }
    report.push(entry);
    console.log(`${entry.status ?? '-'}\t${s}${entry.findings?.length ? `\t${entry.findings.length} finding(s)` : ''}`);
  }
}
await writeFile(outFile, JSON.stringify(report, null, 2));
console.log(`report -> ${outFile}`);
