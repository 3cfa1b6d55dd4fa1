#!/usr/bin/env node
import { readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { parseArgs } from 'node:util';
import sgMail from '@sendgrid/mail';

const { values: a } = parseArgs({
  options: {
    order: { type: 'string' }, to: { type: 'string' }, kind: { type: 'string', default: 'receipt' },
    'dry-run': { type: 'boolean', default: false },
  },
});
if (!a.order || !a.to) { console.error('usage: send-receipt.mjs --order order.json --to addr [--kind receipt|refund] [--dry-run]'); process.exit(2); }

const order = JSON.parse(readFileSync(a.order, 'utf8'));
const tpl = readFileSync(new URL(`../templates/${a.kind}.html`, import.meta.url), 'utf8');
const esc = (s) => String(s).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }[c]));
const get = (o, p) => p.split('.').reduce((x, k) => x?.[k], o);

const rows = order.lines.map((l) => `<tr><td>${esc(l.qty)} × ${esc(l.title)}</td><td align="right">${esc(l.amount)}</td></tr>`).join('\n');
const html = tpl.replace('{{lines}}', rows).replace(/\{\{([\w.]+)\}\}/g, (_, p) => esc(get(order, p) ?? ''));
const text = [
  `${a.kind === 'refund' ? 'Refund' : 'Receipt'} for order #${order.number} (${order.date})`, '',
  ...order.lines.map((l) => `${l.qty} x ${l.title}  ${l.amount}`), '',
  `Subtotal: ${order.subtotal}`, `Tax: ${order.tax}`, `Total: ${order.total}`, `Paid with: ${order.payment_method}`, '',
  `View order: ${order.url}`,
].join('\n');
const subject = a.kind === 'refund' ? `Refund for order #${order.number}` : `Receipt for order #${order.number} – ${order.total}`;

if (a['dry-run']) {
  mkdirSync('.receipts', { recursive: true });
  writeFileSync(`.receipts/preview-${order.number}.html`, html);
  console.log(`Subject: ${subject}\nTo: ${a.to}\n\n${text}\n\n(html preview: .receipts/preview-${order.number}.html)`);
  process.exit(0);
}

sgMail.setApiKey(process.env.SENDGRID_API_KEY);
const idem = createHash('sha256').update(`${a.kind}:${order.number}`).digest('hex').slice(0, 32);
const [res] = await sgMail.send({
  to: a.to,
  from: process.env.RECEIPTS_FROM,
  replyTo: process.env.RECEIPTS_REPLY_TO,
  subject, text, html,
  customArgs: { order_id: String(order.number), kind: a.kind },
  categories: [a.kind],
  headers: { 'Idempotency-Key': idem },
  trackingSettings: { clickTracking: { enable: false }, openTracking: { enable: false } },
});
console.log(`accepted ${res.statusCode} id=${res.headers['x-message-id']} order=${order.number} to=${a.to}`);
