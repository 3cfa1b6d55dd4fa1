import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

const { values: a } = parseArgs({
  options: {
    from: { type: 'string' },
    to: { type: 'string' },
    cc: { type: 'string' },
    subject: { type: 'string' },
    'text-file': { type: 'string' },
    'html-file': { type: 'string' },
    stream: { type: 'string', default: 'outbound' },
    tag: { type: 'string' },
  },
});

const token = process.env.POSTMARK_SERVER_TOKEN;
if (!token) throw new Error('POSTMARK_SERVER_TOKEN is not set');
for (const k of ['from', 'to', 'subject'] as const) if (!a[k]) throw new Error(`--${k} is required`);
if (!a['text-file'] && !a['html-file']) throw new Error('--text-file or --html-file is required');

const body = {
  From: a.from,
  To: a.to,
  Cc: a.cc,
  Subject: a.subject,
  TextBody: a['text-file'] ? readFileSync(a['text-file'], 'utf8') : undefined,
  HtmlBody: a['html-file'] ? readFileSync(a['html-file'], 'utf8') : undefined,
  MessageStream: a.stream,
  Tag: a.tag,
};

const res = await fetch('https://api.postmarkapp.com/email', {
  method: 'POST',
  headers: {
    Accept: 'application/json',
    'Content-Type': 'application/json',
    'X-Postmark-Server-Token': token,
  },
  body: JSON.stringify(body),
});
const out = (await res.json()) as { ErrorCode: number; Message: string; MessageID?: string; SubmittedAt?: string };
if (!res.ok || out.ErrorCode !== 0) {
  console.error(`Postmark error ${out.ErrorCode}: ${out.Message}`);
  process.exit(1);
}
console.log(`Sent ${out.MessageID} to ${a.to} at ${out.SubmittedAt}`);
