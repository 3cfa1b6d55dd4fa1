#!/usr/bin/env node
// Preview and publish Instatus maintenances / incident updates with an explicit approval step.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const API = 'https://api.instatus.com';
const key = process.env.INSTATUS_API_KEY;
const page = process.env.INSTATUS_PAGE_ID;
if (!key || !page) { console.error('export INSTATUS_API_KEY and INSTATUS_PAGE_ID'); process.exit(2); }
const here = dirname(fileURLToPath(import.meta.url));
const argv = process.argv.slice(2);
const cmd = argv[0];
const opt = (k) => { const i = argv.indexOf(`--${k}`); return i > 0 ? argv[i + 1] : undefined; };
const yes = argv.includes('--yes');

async function api(method, path, body) {
  const r = await fetch(API + path, { method, headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' }, body: body && JSON.stringify(body) });
  const text = await r.text();
  if (!r.ok) throw new Error(`${method} ${path} -> ${r.status} ${text.slice(0, 300)}`);
  return text ? JSON.parse(text) : {};
}

const render = (tpl, vars) => readFileSync(join(here, '..', 'templates', tpl), 'utf8').replace(/\{\{(\w+)\}\}/g, (_, k) => vars[k] ?? '');

async function componentMap() {
  const list = await api('GET', `/v1/${page}/components`);
  return Object.fromEntries(list.map((c) => [c.name, c]));
}

async function prepareMaintenance(file) {
  const n = JSON.parse(readFileSync(file, 'utf8'));
  for (const k of ['name', 'message', 'start', 'durationMinutes', 'components']) if (n[k] === undefined) throw new Error(`notice.${k} missing`);
  const start = new Date(n.start);
  if (!(start > new Date())) throw new Error('maintenance start must be in the future');
  const end = new Date(start.getTime() + n.durationMinutes * 60000);
  const comps = await componentMap();
  const missing = n.components.filter((c) => !comps[c]);
  if (missing.length) throw new Error(`unknown components: ${missing.join(', ')}`);
  const tz = process.env.NOTICE_TZ || Intl.DateTimeFormat().resolvedOptions().timeZone;
  const preview = render('maintenance.md', {
    name: n.name, message: n.message, components: n.components.join(', '),
    start_utc: start.toISOString().slice(0, 16).replace('T', ' '), end_utc: end.toISOString().slice(11, 16),
    start_local: start.toLocaleString('en-GB', { timeZone: tz }), tz,
  });
  const body = {
    name: n.name, message: n.message, status: 'NOTSTARTEDYET', notify: Boolean(n.notify),
    started: start.toISOString(), duration: String(n.durationMinutes),
    components: n.components.map((c) => comps[c].id),
    statuses: n.components.map((c) => ({ id: comps[c].id, status: n.componentStatus || 'UNDERMAINTENANCE' })),
  };
  return { preview, body, notify: body.notify };
}

function guardPage() {
  const p = opt('page');
  if (p !== page) throw new Error(`--page ${p ?? '(missing)'} does not match INSTATUS_PAGE_ID ${page}`);
  if (!yes) throw new Error('add --yes after the user has approved the preview');
}

try {
  if (cmd === 'components') {
    for (const c of Object.values(await componentMap())) console.log(`${c.id}  ${c.name.padEnd(28)} ${c.status}`);
  } else if (cmd === 'draft-maintenance') {
    const { preview, notify } = await prepareMaintenance(opt('file'));
    console.log('--- subscribers will see ---\n' + preview + `\n--- notify subscribers: ${notify ? 'YES' : 'no'} ---`);
  } else if (cmd === 'publish-maintenance') {
    guardPage();
    const { body } = await prepareMaintenance(opt('file'));
    const res = await api('POST', `/v1/${page}/maintenances`, body);
    console.log(`published maintenance ${res.id}`);
  } else if (cmd === 'update-incident') {
    guardPage();
    const u = JSON.parse(readFileSync(opt('file'), 'utf8'));
    const res = await api('POST', `/v1/${page}/incidents/${opt('incident')}/incident-updates`,
      { message: u.message, status: u.status, notify: Boolean(u.notify), started: new Date().toISOString(), statuses: u.statuses ?? [] });
    console.log(`posted update ${res.id}`);
  } else {
    console.error('usage: instatus.mjs components | draft-maintenance --file F | publish-maintenance --file F --page ID --yes | update-incident --incident ID --file F --page ID --yes');
    process.exit(64);
  }
} catch (e) {
  console.error(`error: ${e.message}`);
  process.exit(1);
}
