#!/usr/bin/env node
'use strict';
require('dotenv').config();
const fs = require('fs');
const contentful = require('contentful');

const args = process.argv.slice(2);
const opt = (name, def) => { const i = args.indexOf(`--${name}`); return i >= 0 ? args[i + 1] : def; };
const flag = (name) => args.includes(`--${name}`);

const cfgPath = 'redirects.config.json';
const cfg = Object.assign({ contentType: 'redirect', fields: { from: 'from', to: 'to', status: 'statusCode' } },
  fs.existsSync(cfgPath) ? JSON.parse(fs.readFileSync(cfgPath, 'utf8')) : {});

async function fetchRedirects() {
  if (flag('dry')) return [];
  const client = contentful.createClient({
    space: process.env.CONTENTFUL_SPACE_ID,
    accessToken: process.env.CONTENTFUL_DELIVERY_TOKEN,
    environment: process.env.CONTENTFUL_ENVIRONMENT || 'master',
  });
  const items = [];
  let skip = 0;
  for (;;) {
    const page = await client.getEntries({ content_type: cfg.contentType, limit: 1000, skip });
    items.push(...page.items);
    skip += page.items.length;
    if (skip >= page.total) break;
  }
  return items.map((e) => ({
    id: e.sys.id,
    from: e.fields[cfg.fields.from],
    to: e.fields[cfg.fields.to],
    status: e.fields[cfg.fields.status] || 301,
  }));
}

function validate(rules) {
  const errors = [], warnings = [];
  const byFrom = new Map();
  for (const r of rules) {
    if (!/^\/[^\s?#]*\*?$/.test(r.from)) errors.push(`${r.id}: invalid from "${r.from}"`);
    if (byFrom.has(r.from)) errors.push(`duplicate from "${r.from}": ${byFrom.get(r.from).id}, ${r.id}`);
    byFrom.set(r.from, r);
  }
  for (const r of rules) {
    const seen = new Set([r.from]);
    let cur = r;
    while (byFrom.has(cur.to)) {
      if (seen.has(cur.to)) { errors.push(`loop starting at ${r.from}`); break; }
      seen.add(cur.to);
      cur = byFrom.get(cur.to);
    }
    if (cur !== r && !errors.some((e) => e.includes(r.from))) {
      warnings.push(`chain ${r.from} -> ... -> ${cur.to} collapsed`);
      r.to = cur.to;
    }
  }
  rules.sort((a, b) => (a.from.endsWith('*') - b.from.endsWith('*')) || b.from.length - a.from.length);
  return { errors, warnings };
}

function render(target, rules) {
  switch (target) {
    case 'netlify':
    case 'cloudflare':
      return rules.map((r) => `${r.from.replace(/\*$/, '*')}  ${r.to}  ${r.status}`).join('\n') + '\n';
    case 'vercel': {
      const existing = fs.existsSync(opt('out')) ? JSON.parse(fs.readFileSync(opt('out'), 'utf8')) : {};
      existing.redirects = rules.filter((r) => r.status !== 410).map((r) => ({
        source: r.from.replace(/\*$/, ':path*'), destination: r.to.replace(':splat', ':path*'),
        permanent: r.status === 301 || r.status === 308,
      }));
      return JSON.stringify(existing, null, 2) + '\n';
    }
    case 'nginx':
      return 'map $uri $redirect_to {\n' + rules.filter((r) => !r.from.endsWith('*'))
        .map((r) => `  ${r.from} ${r.to};`).join('\n') + '\n}\n';
    default:
      throw new Error(`unknown target ${target}`);
  }
}

(async () => {
  const rules = await fetchRedirects();
  const { errors, warnings } = validate(rules);
  warnings.forEach((w) => console.warn('warn:', w));
  if (errors.length) { errors.forEach((e) => console.error('error:', e)); process.exit(1); }
  if (flag('check')) { console.log(`${rules.length} redirects OK`); return; }
  const out = render(opt('target', 'netlify'), rules);
  fs.writeFileSync(opt('out', 'public/_redirects'), out);
  console.log(`wrote ${rules.length} redirects to ${opt('out', 'public/_redirects')}`);
})();
