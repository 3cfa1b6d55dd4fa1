#!/usr/bin/env node
// PagerDuty incident recap. Read-only unless --post-note / --post-slack is given.
import { parseArgs } from "node:util";

const { values: opt, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    number: { type: "string" },
    "post-note": { type: "boolean", default: false },
    "post-slack": { type: "boolean", default: false },
    from: { type: "string" },
    tz: { type: "string" },
    list: { type: "boolean", default: false },
    since: { type: "string" },
    service: { type: "string" },
  },
});

const token = process.env.PAGERDUTY_API_TOKEN;
if (!token) {
  console.error("PAGERDUTY_API_TOKEN is not set");
  process.exit(2);
}
const host = process.env.PAGERDUTY_API_HOST || "api.pagerduty.com";
const tz = opt.tz || process.env.TZ || Intl.DateTimeFormat().resolvedOptions().timeZone;

async function pd(path, { method = "GET", body, from } = {}) {
  const headers = {
    Authorization: `Token token=${token}`,
    Accept: "application/vnd.pagerduty+json;version=2",
    "Content-Type": "application/json",
  };
  if (from) headers.From = from;
  const res = await fetch(`https://${host}${path}`, {
    method,
    headers,
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return res.json();
}

async function paged(path, key) {
  const out = [];
  let offset = 0;
  for (;;) {
    const sep = path.includes("?") ? "&" : "?";
    const page = await pd(`${path}${sep}limit=100&offset=${offset}`);
    out.push(...page[key]);
    if (!page.more) return out;
    offset += page.limit;
  }
}

const fmt = (iso) =>
  iso ? new Date(iso).toLocaleString("en-GB", { timeZone: tz, hour12: false }) : "—";
const mins = (a, b) => (a && b ? Math.round((new Date(b) - new Date(a)) / 60000) : null);

async function resolveId() {
  if (positionals[0]) return positionals[0];
  if (opt.number) {
    const { incidents } = await pd(
      `/incidents?incident_key=&statuses[]=triggered&statuses[]=acknowledged&statuses[]=resolved&date_range=all&limit=100`
    );
    const hit = incidents.find((i) => String(i.incident_number) === opt.number);
    if (hit) return hit.id;
  }
  throw new Error("give an incident id (Q...) or --number N");
}

async function listIncidents() {
  const since = opt.since ? new Date(opt.since.includes("T") ? opt.since : `${new Date().toISOString().slice(0, 10)}T${opt.since}`) : new Date(Date.now() - 12 * 3600e3);
  let q = `/incidents?since=${since.toISOString()}&statuses[]=triggered&statuses[]=acknowledged&statuses[]=resolved`;
  if (opt.service) q += `&service_ids[]=${encodeURIComponent(opt.service)}`;
  const incidents = await paged(q, "incidents");
  for (const i of incidents) console.log(`${i.id}  #${i.incident_number}  ${i.status.padEnd(12)} ${i.title}`);
}

async function recap(id) {
  const { incident: inc } = await pd(`/incidents/${id}`);
  const logs = await paged(`/incidents/${id}/log_entries?is_overview=true&time_zone=UTC`, "log_entries");
  const alerts = await paged(`/incidents/${id}/alerts`, "alerts");
  const { notes } = await pd(`/incidents/${id}/notes`);

  logs.sort((a, b) => new Date(a.created_at) - new Date(b.created_at));
  const ack = logs.find((l) => l.type === "acknowledge_log_entry");
  const resolved = logs.find((l) => l.type === "resolve_log_entry");
  const notified = new Set(
    logs.filter((l) => l.type === "notify_log_entry").map((l) => l.user?.summary).filter(Boolean)
  );
  const escalations = logs.filter((l) => l.type === "escalate_log_entry").length;

  const lines = [];
  lines.push(`## ${inc.title}`);
  lines.push("");
  lines.push(`- Incident: #${inc.incident_number} (${inc.html_url})`);
  lines.push(`- Service: ${inc.service?.summary}  ·  Urgency: ${inc.urgency}  ·  Priority: ${inc.priority?.summary ?? "none"}`);
  lines.push(`- Status: ${inc.status}  ·  Triggered: ${fmt(inc.created_at)} (${tz})`);
  lines.push(`- Time to ack: ${mins(inc.created_at, ack?.created_at) ?? "—"} min  ·  Time to resolve: ${mins(inc.created_at, resolved?.created_at) ?? "—"} min`);
  lines.push(`- People paged: ${notified.size}  ·  Escalations: ${escalations}  ·  Alerts: ${alerts.length}`);
  lines.push("");
  lines.push("### Timeline");
  for (const l of logs) {
    const who = l.agent?.summary ? ` — ${l.agent.summary}` : "";
    const ch = l.channel?.type ? ` [${l.channel.type}]` : "";
    lines.push(`- ${fmt(l.created_at)}  ${l.summary}${ch}${who}`);
  }
  const distinct = [...new Set(alerts.map((a) => a.summary))];
  if (distinct.length) {
    lines.push("", "### Alerts");
    for (const s of distinct.slice(0, 15)) lines.push(`- ${s}`);
    if (distinct.length > 15) lines.push(`- …and ${distinct.length - 15} more distinct summaries`);
  }
  if (notes.length) {
    lines.push("", "### Notes");
    for (const n of notes) lines.push(`- ${fmt(n.created_at)} **${n.user?.summary ?? "?"}**: ${n.content}`);
  }
  return { inc, text: lines.join("\n") };
}

async function main() {
  if (opt.list) return listIncidents();
  const id = await resolveId();
  const { inc, text } = await recap(id);
  console.log(text);

  if (opt["post-note"]) {
    const from = opt.from || process.env.PAGERDUTY_FROM_EMAIL;
    if (!from) throw new Error("--post-note needs --from or PAGERDUTY_FROM_EMAIL");
    await pd(`/incidents/${id}/notes`, { method: "POST", from, body: { note: { content: text.slice(0, 25000) } } });
    console.error(`\nposted note to incident #${inc.incident_number}`);
  }
  if (opt["post-slack"]) {
    const hook = process.env.RECAP_SLACK_WEBHOOK;
    if (!hook) throw new Error("--post-slack needs RECAP_SLACK_WEBHOOK");
    const res = await fetch(hook, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ text: text.replace(/^## /m, "*").replace(/^### (.*)$/gm, "*$1*") }),
    });
    if (!res.ok) throw new Error(`Slack webhook: ${res.status} ${await res.text()}`);
    console.error("sent to Slack");
  }
}

main().catch((e) => {
  console.error(e.message);
  process.exit(1);
});
