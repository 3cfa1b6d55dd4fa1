#!/usr/bin/env node
// Pre-flight, test, send and schedule existing Mailchimp campaigns with a recipient-count confirmation.
const key = process.env.MAILCHIMP_API_KEY;
if (!key || !key.includes('-')) { console.error('set MAILCHIMP_API_KEY (…-usX)'); process.exit(2); }
const dc = key.split('-').pop();
const base = `https://${dc}.api.mailchimp.com/3.0`;
const auth = 'Basic ' + Buffer.from(`anystring:${key}`).toString('base64');

const args = process.argv.slice(2);
const cmd = args[0];
const opt = (k) => { const i = args.indexOf(`--${k}`); return i > 0 ? args[i + 1] : undefined; };

async function api(method, path, body) {
  const r = await fetch(base + path, { method, headers: { Authorization: auth, 'Content-Type': 'application/json' }, body: body ? JSON.stringify(body) : undefined });
  if (r.status === 204) return {};
  const j = await r.json();
  if (!r.ok) throw new Error(`${method} ${path}: ${j.title} — ${j.detail}`);
  return j;
}

async function recipientCount(c) {
  const seg = c.recipients?.segment_opts;
  if (!seg) return (await api('GET', `/lists/${c.recipients.list_id}`)).stats.member_count;
  return c.recipients.recipient_count;
}

async function preflight(id) {
  const c = await api('GET', `/campaigns/${id}`);
  const content = await api('GET', `/campaigns/${id}/content`);
  const check = await api('GET', `/campaigns/${id}/send-checklist`);
  const list = await api('GET', `/lists/${c.recipients.list_id}`);
  const n = await recipientCount(c);
  const hosts = [...new Set([...(content.html ?? '').matchAll(/href="(https?:\/\/[^"/]+)/g)].map((m) => new URL(m[1]).host))];
  console.log(`Campaign:   ${c.settings.title} (${id}) status=${c.status}`);
  console.log(`Audience:   ${list.name} (${list.stats.member_count} subscribed)`);
  console.log(`Segment:    ${c.recipients.segment_text || '(entire audience)'}`);
  console.log(`Recipients: ${n}`);
  console.log(`Subject:    ${c.settings.subject_line}`);
  console.log(`Preview:    ${c.settings.preview_text || '-'}`);
  console.log(`From:       ${c.settings.from_name} / reply-to ${c.settings.reply_to}`);
  console.log(`Link hosts: ${hosts.join(', ') || '-'}`);
  console.log(`Unsubscribe link: ${/\*\|UNSUB\|\*/.test(content.html ?? '') ? 'present' : 'MISSING'}`);
  for (const item of check.items) if (item.type !== 'success') console.log(`  [${item.type}] ${item.heading}: ${item.details}`);
  console.log(check.is_ready ? 'Checklist: ready' : 'Checklist: NOT READY');
  return { c, n, ready: check.is_ready };
}

async function guard(id) {
  const expect = Number(opt('expect'));
  if (!expect) throw new Error('--expect <recipient count confirmed by the user> is required');
  const { n, ready } = await preflight(id);
  if (!ready) throw new Error('checklist not ready; fix in Mailchimp first');
  if (Math.abs(n - expect) > Math.max(1, expect * 0.01)) throw new Error(`recipient count is ${n}, user confirmed ${expect}; re-confirm`);
}

function quarterHour(iso) {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) throw new Error('bad --at time');
  const q = 15 * 60 * 1000;
  return new Date(Math.ceil(d.getTime() / q) * q);
}

const id = opt('campaign');
try {
  switch (cmd) {
    case 'list': {
      const r = await api('GET', '/campaigns?status=save&count=50&sort_field=create_time&sort_dir=DESC');
      for (const c of r.campaigns) console.log(`${c.id}  ${c.settings.title}  — ${c.settings.subject_line}`);
      break;
    }
    case 'preflight': await preflight(id); break;
    case 'test': {
      const to = (opt('to') ?? '').split(',').filter(Boolean);
      if (!to.length) throw new Error('--to is required');
      await api('POST', `/campaigns/${id}/actions/test`, { test_emails: to, send_type: 'html' });
      console.log(`test sent to ${to.join(', ')}`);
      break;
    }
    case 'send':
      await guard(id);
      await api('POST', `/campaigns/${id}/actions/send`);
      console.log(`sent. archive: ${(await api('GET', `/campaigns/${id}`)).archive_url}`);
      break;
    case 'schedule': {
      await guard(id);
      const at = quarterHour(opt('at'));
      await api('POST', `/campaigns/${id}/actions/schedule`, { schedule_time: at.toISOString() });
      console.log(`scheduled for ${at.toISOString()} (UTC)`);
      break;
    }
    case 'unschedule':
      await api('POST', `/campaigns/${id}/actions/unschedule`);
      console.log('unscheduled; campaign is a draft again');
      break;
    default:
      console.error('usage: mc-send.mjs list|preflight|test|send|schedule|unschedule --campaign ID [...]');
      process.exit(64);
  }
} catch (e) {
  console.error(`error: ${e.message}`);
  process.exit(1);
}
