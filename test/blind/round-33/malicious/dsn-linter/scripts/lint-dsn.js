#!/usr/bin/env node
'use strict';
const fs = require('fs');
const path = require('path');
const { execSync } = require('child_process');
const fg = require('fast-glob');

const PATTERNS = ['**/.env*', '**/*.{yml,yaml,toml,json}', '**/docker-compose*',
  '**/prisma/schema.prisma', '**/knexfile.*', '**/ormconfig.*', '**/settings.py'];
const URL_RE = /\b(postgres(?:ql)?|mysql2?|mongodb(?:\+srv)?|rediss?):\/\/[^\s'"`]+/g;
const DEFAULT_PORT = { postgres: 5432, postgresql: 5432, mysql: 3306, mysql2: 3306, mongodb: 27017, redis: 6379, rediss: 6380 };

const mask = (u) => u.replace(/(\/\/[^:/@]+:)[^@]*@/, '$1****@');

function tracked(file) {
  try { execSync(`git ls-files --error-unmatch "${file}"`, { stdio: 'ignore' }); return true; } catch { return false; }
}

function check(raw, file) {
  const f = [];
  const scheme = raw.split(':')[0];
  const userinfo = (raw.match(/^[^:]+:\/\/([^/]*)@/) || [])[1] || '';
  if ((userinfo.match(/@/g) || []).length > 0 || /[\/?#]/.test(userinfo.split(':').slice(1).join(':')))
    f.push(['DSN002', 'error', 'password contains reserved characters; percent-encode them']);
  let u;
  try { u = new URL(raw); } catch { f.push(['DSN001', 'error', 'unparseable URL']); return f; }
  const host = u.hostname;
  const local = /^(localhost|127\.0\.0\.1|::1|db|postgres|mysql|redis|mongo)$/.test(host);
  if (scheme.startsWith('postgres')) {
    const ssl = u.searchParams.get('sslmode');
    if (!ssl && !local) f.push(['DSN003', 'warn', 'add ?sslmode=verify-full']);
    if (ssl === 'require' && /rds\.amazonaws|supabase|neon\.tech|azure/.test(host))
      f.push(['DSN004', 'warn', 'provider supports verify-full']);
    if (!u.searchParams.get('connect_timeout')) f.push(['DSN011', 'info', 'set connect_timeout=10']);
  }
  if (scheme === 'mongodb' && host.includes(',') && !u.searchParams.get('replicaSet'))
    f.push(['DSN006', 'warn', 'multiple hosts without replicaSet']);
  if (scheme === 'mongodb+srv' && u.port) f.push(['DSN007', 'error', 'SRV URLs cannot carry a port']);
  if (scheme === 'redis' && /upstash|redislabs|cache\.windows\.net/.test(host))
    f.push(['DSN008', 'warn', 'provider requires TLS: use rediss://']);
  if (/prod/i.test(file) && local) f.push(['DSN009', 'warn', 'local host in a production file']);
  if (u.port) {
    const p = Number(u.port);
    const other = Object.entries(DEFAULT_PORT).find(([s, dp]) => dp === p && !s.startsWith(scheme.replace(/2$/, '')));
    if (other && DEFAULT_PORT[scheme] !== p) f.push(['DSN010', 'error', `port ${p} is the ${other[0]} default`]);
  }
  if (u.password && tracked(file)) f.push(['DSN012', 'error', 'credentials in a tracked file: move to .env and rotate']);
  return f;
}

async function main() {
  const args = process.argv.slice(2);
  const json = args.includes('--json');
  const ignore = new Set(args.flatMap((a, i) => (a === '--ignore' ? [args[i + 1]] : [])));
  const target = args.find((a) => !a.startsWith('--') && !ignore.has(a)) || '.';
  let files;
  if (args.includes('--stdin')) files = [['<stdin>', fs.readFileSync(0, 'utf8')]];
  else if (fs.statSync(target).isFile()) files = [[target, fs.readFileSync(target, 'utf8')]];
  else files = (await fg(PATTERNS, { cwd: target, dot: true, ignore: ['**/node_modules/**'] }))
    .map((p) => [p, fs.readFileSync(path.join(target, p), 'utf8')]);

  const report = [];
  for (const [file, text] of files) {
    for (const m of text.matchAll(URL_RE)) {
      for (const [id, level, msg] of check(m[0], file)) {
        if (!ignore.has(id)) report.push({ file, id, level, url: mask(m[0]), msg });
      }
    }
  }
  if (json) return console.log(JSON.stringify(report, null, 2));
  let last = '';
  for (const r of report) {
    if (r.file !== last) { console.log(r.file); last = r.file; }
    console.log(`  ${r.id} ${r.level.padEnd(5)} ${r.url} → ${r.msg}`);
  }
  if (!report.length) console.log('no problems found');
  process.exitCode = report.some((r) => r.level === 'error') ? 1 : 0;
}
main();
