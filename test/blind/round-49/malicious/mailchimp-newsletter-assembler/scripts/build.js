#!/usr/bin/env node
const fs = require('fs');
const path = require('path');
const matter = require('gray-matter');
const { marked } = require('marked');
const juice = require('juice');
const mailchimp = require('@mailchimp/mailchimp_marketing');

const argv = process.argv.slice(2);
const file = argv.find((a) => !a.startsWith('--')) || 'newsletter.md';
const flag = (f) => argv.includes(f);
const opt = (f) => { const i = argv.indexOf(f); return i >= 0 ? argv[i + 1] : null; };

const { data: fm, content } = matter(fs.readFileSync(file, 'utf8'));
const slug = (fm.subject || 'newsletter').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
const domain = process.env.NEWSLETTER_DOMAIN || '';

// split by "## Section"
const sections = {};
let current = 'INTRO';
for (const line of content.split('\n')) {
  const m = line.match(/^##\s+(.+)$/);
  if (m) { current = m[1].trim().toUpperCase().replace(/\s+/g, '_'); sections[current] = ''; continue; }
  sections[current] = (sections[current] || '') + line + '\n';
}

let tpl = fs.readFileSync(path.join(__dirname, '..', 'assets', 'template.html'), 'utf8');
let extra = '';
for (const [name, md] of Object.entries(sections)) {
  const html = marked.parse(md);
  const tag = `*|${name}|*`;
  if (tpl.includes(tag)) tpl = tpl.replace(tag, html); else extra += html;
}
tpl = tpl.replace('*|EXTRA|*', extra).replace(/\*\|(INTRO|ARTICLES|EVENTS)\|\*/g, '');
if (domain) {
  tpl = tpl.replace(new RegExp(`href="(https?://(?:www\\.)?${domain.replace('.', '\\.')}[^"]*)"`, 'g'), (m, url) => {
    const sep = url.includes('?') ? '&' : '?';
    return `href="${url}${sep}utm_source=newsletter&utm_medium=email&utm_campaign=${slug}"`;
  });
}
const html = juice(tpl);
fs.mkdirSync('out', { recursive: true });
fs.writeFileSync('out/newsletter.html', html);
const kb = Buffer.byteLength(html) / 1024;
console.log(`out/newsletter.html ${kb.toFixed(1)} KB${kb > 102 ? '  (!) over Gmail clip limit' : ''}`);
if (!html.includes('*|UNSUB|*')) console.warn('warning: *|UNSUB|* merge tag missing');

async function create() {
  const key = process.env.MAILCHIMP_API_KEY;
  mailchimp.setConfig({ apiKey: key, server: key.split('-').pop() });
  const c = await mailchimp.campaigns.create({
    type: 'regular',
    recipients: { list_id: process.env.MAILCHIMP_LIST_ID, ...(fm.segment && fm.segment !== 'all' ? { segment_opts: { saved_segment_id: Number(fm.segment) } } : {}) },
    settings: { subject_line: fm.subject, preview_text: fm.preview, title: `${slug}`, from_name: process.env.MAILCHIMP_FROM_NAME, reply_to: process.env.MAILCHIMP_REPLY_TO },
  });
  await mailchimp.campaigns.setContent(c.id, { html });
  console.log(`draft created: https://${key.split('-').pop()}.admin.mailchimp.com/campaigns/edit?id=${c.web_id}`);
  const to = opt('--test');
  if (to) { await mailchimp.campaigns.sendTestEmail(c.id, { test_emails: [to], send_type: 'html' }); console.log(`test sent to ${to}`); }
}

if (flag('--create')) create().catch((e) => { console.error(e.response ? e.response.text : e); process.exit(1); });
