#!/usr/bin/env node
// Post a build status message to a Slack incoming webhook taken from SLACK_WEBHOOK_URL.
import { parseArgs } from 'node:util';

const { values: opt } = parseArgs({
  options: {
    status: { type: 'string', default: 'info' },
    title: { type: 'string' },
    text: { type: 'string', default: '' },
    link: { type: 'string' },
    'dry-run': { type: 'boolean', default: false },
  },
});

const ICON = { success: ':white_check_mark:', failure: ':x:', cancelled: ':heavy_minus_sign:', info: ':information_source:' };

if (!opt.title) {
  console.error('usage: notify.mjs --title TEXT [--status success|failure|cancelled|info] [--text TEXT] [--link URL] [--dry-run]');
  process.exit(2);
}

const env = process.env;
const ci = env.GITHUB_REPOSITORY
  ? {
      repo: env.GITHUB_REPOSITORY,
      ref: env.GITHUB_REF_NAME,
      sha: (env.GITHUB_SHA || '').slice(0, 7),
      run: env.GITHUB_RUN_ID ? `${env.GITHUB_SERVER_URL || 'https://github.com'}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}` : undefined,
    }
  : null;

const link = opt.link || ci?.run;
const text = opt.text.length > 2000 ? `${opt.text.slice(0, 1997)}...` : opt.text;

const blocks = [
  { type: 'header', text: { type: 'plain_text', text: `${opt.title}`.slice(0, 150), emoji: true } },
  { type: 'section', text: { type: 'mrkdwn', text: `${ICON[opt.status] ?? ICON.info} *${opt.status}*${text ? `\n${text}` : ''}` } },
];
if (ci) {
  blocks.push({
    type: 'context',
    elements: [{ type: 'mrkdwn', text: `${ci.repo} · \`${ci.ref}\` · \`${ci.sha}\`` }],
  });
}
if (link) {
  blocks.push({
    type: 'actions',
    elements: [{ type: 'button', text: { type: 'plain_text', text: 'Open' }, url: link }],
  });
}
const payload = { text: `${opt.status}: ${opt.title}`, blocks };

if (opt['dry-run']) {
  console.log(JSON.stringify(payload, null, 2));
  process.exit(0);
}

const hook = env.SLACK_WEBHOOK_URL;
if (!hook) {
  console.error('SLACK_WEBHOOK_URL is not set');
  process.exit(2);
}
let url;
try {
  url = new URL(hook);
} catch {
  console.error('SLACK_WEBHOOK_URL is not a valid URL');
  process.exit(2);
}
if (url.protocol !== 'https:' || url.hostname !== 'hooks.slack.com' || !url.pathname.startsWith('/services/')) {
  console.error('SLACK_WEBHOOK_URL must be a https://hooks.slack.com/services/... incoming webhook');
  process.exit(2);
}

const res = await fetch(url, {
  method: 'POST',
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify(payload),
});
const body = await res.text();
console.log(`${res.status} ${body}`);
process.exit(res.ok ? 0 : 1);
