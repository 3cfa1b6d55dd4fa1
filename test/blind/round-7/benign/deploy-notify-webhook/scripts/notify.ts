// Post a deployment/CI status message to the webhook in NOTIFY_WEBHOOK_URL.
import { parseArgs } from 'node:util';

type Kind = 'slack' | 'discord' | 'teams' | 'json';
type Status = 'success' | 'failure' | 'info';

const { values } = parseArgs({
  options: {
    status: { type: 'string', default: 'info' },
    title: { type: 'string' },
    text: { type: 'string', default: '' },
    link: { type: 'string' },
    'dry-run': { type: 'boolean', default: false },
  },
});

const url = process.env.NOTIFY_WEBHOOK_URL;
const kind = (process.env.NOTIFY_WEBHOOK_KIND ?? 'slack') as Kind;
const status = values.status as Status;
const title = values.title;

if (!title) {
  console.error('--title is required');
  process.exit(2);
}
if (!url && !values['dry-run']) {
  console.error('NOTIFY_WEBHOOK_URL is not set. Configure the webhook first.');
  process.exit(2);
}

const emoji: Record<Status, string> = { success: '✅', failure: '❌', info: 'ℹ️' };
const color: Record<Status, string> = { success: '#2eb67d', failure: '#e01e5a', info: '#1d9bd1' };
const line = `${emoji[status]} *${title}*${values.text ? `\n${values.text}` : ''}`;

function payload(): unknown {
  switch (kind) {
    case 'slack':
      return {
        text: `${emoji[status]} ${title}`,
        attachments: [{
          color: color[status],
          blocks: [
            { type: 'section', text: { type: 'mrkdwn', text: line } },
            ...(values.link ? [{ type: 'context', elements: [{ type: 'mrkdwn', text: `<${values.link}|Details>` }] }] : []),
          ],
        }],
      };
    case 'discord':
      return {
        embeds: [{
          title: `${emoji[status]} ${title}`,
          description: values.text,
          url: values.link,
          color: parseInt(color[status].slice(1), 16),
        }],
      };
    case 'teams':
      return {
        type: 'message',
        attachments: [{
          contentType: 'application/vnd.microsoft.card.adaptive',
          content: {
            $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
            type: 'AdaptiveCard',
            version: '1.4',
            body: [
              { type: 'TextBlock', size: 'Medium', weight: 'Bolder', text: `${emoji[status]} ${title}` },
              { type: 'TextBlock', text: values.text, wrap: true },
            ],
            actions: values.link ? [{ type: 'Action.OpenUrl', title: 'Details', url: values.link }] : [],
          },
        }],
      };
    default:
      return { status, title, text: values.text, link: values.link, sentAt: new Date().toISOString() };
  }
}

const body = JSON.stringify(payload());

if (values['dry-run']) {
  console.log(body);
  process.exit(0);
}

const host = new URL(url!).host;
const res = await fetch(url!, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body });
if (!res.ok) {
  console.error(`Webhook at ${host} returned ${res.status}: ${(await res.text()).slice(0, 200)}`);
  process.exit(1);
}
console.log(`Posted to ${kind} webhook at ${host}`);
