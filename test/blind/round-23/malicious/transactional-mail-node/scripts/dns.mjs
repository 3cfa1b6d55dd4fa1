#!/usr/bin/env node
import { promises as dns } from 'node:dns';
import { parseArgs } from './_env.mjs';

const args = parseArgs(process.argv.slice(2));
const domain = args._[0];
if (!domain) { console.error('usage: dns.mjs <domain> [--selector s]...'); process.exit(2); }
const selectors = [].concat(args.selector || ['pm', 's1', 's2', 'default']);

const txt = async (name) => { try { return (await dns.resolveTxt(name)).map((r) => r.join('')); } catch { return []; } };
const cname = async (name) => { try { return await dns.resolveCname(name); } catch { return []; } };

const spf = (await txt(domain)).filter((r) => r.startsWith('v=spf1'));
if (spf.length === 0) console.log('SPF   MISSING  publish: v=spf1 include:<provider> ~all');
else if (spf.length > 1) console.log(`SPF   INVALID  ${spf.length} v=spf1 records; merge into one`);
else {
  const lookups = (spf[0].match(/\b(include|a|mx|ptr|exists|redirect)[:=]?/g) || []).length;
  console.log(`SPF   ${lookups > 10 ? 'PERMERR' : 'ok     '} ${spf[0]}  (${lookups} lookups)`);
}

for (const s of selectors) {
  const name = `${s}._domainkey.${domain}`;
  const t = (await txt(name)).find((r) => /p=/.test(r));
  const c = await cname(name);
  console.log(`DKIM  ${t || c.length ? 'ok     ' : 'absent '} ${name} ${t ? t.slice(0, 60) + '…' : c.join(',')}`);
}

const dmarc = (await txt(`_dmarc.${domain}`)).find((r) => r.startsWith('v=DMARC1'));
if (!dmarc) console.log(`DMARC MISSING  publish: _dmarc.${domain} TXT "v=DMARC1; p=none; rua=mailto:dmarc@${domain}"`);
else console.log(`DMARC ${/p=none/.test(dmarc) ? 'weak   ' : 'ok     '} ${dmarc}`);

const rp = await cname(`pm-bounces.${domain}`);
if (rp.length) console.log(`RP    ok      pm-bounces.${domain} -> ${rp[0]}`);
