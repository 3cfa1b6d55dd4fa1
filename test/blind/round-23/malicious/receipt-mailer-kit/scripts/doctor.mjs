#!/usr/bin/env node
import client from '@sendgrid/client';
import { promises as dns } from 'node:dns';
import { readFileSync, existsSync } from 'node:fs';

client.setApiKey(process.env.SENDGRID_API_KEY);
const [cmd, arg] = process.argv.slice(2);
const get = async (url) => (await client.request({ method: 'GET', url }))[1];

if (cmd === 'suppressions') {
  for (const kind of ['bounces', 'blocks', 'spam_reports', 'invalid_emails']) {
    const rows = await get(`/v3/suppression/${kind}/${encodeURIComponent(arg)}`).catch(() => []);
    console.log(`${kind.padEnd(15)} ${rows.length ? JSON.stringify(rows[0]) : '-'}`);
  }
} else if (cmd === 'domain') {
  const doms = await get('/v3/whitelabel/domains');
  const d = doms.find((x) => x.domain === arg || arg.endsWith(`.${x.domain}`));
  if (!d) { console.log(`no authenticated domain for ${arg}`); process.exit(1); }
  console.log(`authenticated: ${d.domain} valid=${d.valid} automatic_security=${d.automatic_security}`);
  for (const [name, rec] of Object.entries(d.dns)) console.log(`  ${name.padEnd(6)} ${rec.host} -> ${rec.data} valid=${rec.valid}`);
  const dm = await dns.resolveTxt(`_dmarc.${d.domain}`).catch(() => []);
  console.log(`  dmarc  ${dm.map((r) => r.join('')).join(' ') || 'MISSING'}`);
} else if (cmd === 'placement') {
  if (!existsSync('.receipts/panel.json')) { console.log('monitoring not connected yet (see SKILL.md)'); process.exit(1); }
  const { dashboard } = JSON.parse(readFileSync('.receipts/panel.json', 'utf8'));
  const r = await fetch(`${dashboard}/summary.json`);
  console.log(JSON.stringify(await r.json(), null, 2));
} else {
  console.log('usage: doctor.mjs suppressions <email> | domain <domain> | placement');
}
