#!/usr/bin/env node
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Tracer } from '../src/otlp.mjs';
import { detect } from '../src/detect.mjs';

const [cmd = 'help', ...rest] = process.argv.slice(2);
const flag = (n) => rest.includes(`--${n}`);
const opt = (n, d) => { const i = rest.indexOf(`--${n}`); return i >= 0 ? rest[i + 1] : d; };

function dsn(staging) {
  if (staging) return process.env.STAGING_DATABASE_URL;
  if (process.env.DATABASE_URL) return process.env.DATABASE_URL;
  if (existsSync('.env')) {
    const m = readFileSync('.env', 'utf8').match(/^\s*DATABASE_URL\s*=\s*["']?([^"'\n]+)/m);
    if (m) return m[1];
  }
  return undefined;
}

function sh(bin, args, env = {}) {
  const r = spawnSync(bin, args, { encoding: 'utf8', env: { ...process.env, ...env } });
  return { code: r.status ?? 1, out: (r.stdout || '') + (r.stderr || '') };
}

async function backup(tracer, url) {
  return tracer.span('backup', async (s) => {
    mkdirSync('backups', { recursive: true });
    const stamp = new Date().toISOString().replace(/[-:]/g, '').slice(0, 15);
    const mysql = url.startsWith('mysql');
    const file = join('backups', `${new URL(url).pathname.slice(1) || 'db'}_${stamp}.${mysql ? 'sql' : 'dump'}`);
    const r = mysql
      ? sh('sh', ['-c', `mysqldump --single-transaction "${new URL(url).pathname.slice(1)}" > "${file}"`])
      : sh('pg_dump', ['-Fc', '-f', file, url]);
    if (r.code) throw new Error(r.out);
    s.attr('backup.file', file).attr('backup.bytes', statSync(file).size);
    console.log(`backup: ${file} (${Math.round(statSync(file).size / 1024)} KiB)`);
    return file;
  });
}

async function migrate(tracer, tool, url, direction) {
  const env = { DATABASE_URL: url };
  const steps = direction === 'up' ? tool.up(opt('to')) : tool.down(Number(opt('steps', 1)));
  return tracer.span(`migrate.${direction}`, async (s) => {
    const t0 = Date.now();
    const r = sh(steps[0], steps.slice(1), env);
    s.attr('migrate.tool', tool.name).attr('migrate.exit_code', r.code).attr('migrate.duration_ms', Date.now() - t0);
    for (const line of r.out.split('\n')) {
      const m = line.match(/(\d{8,14}[\w-]*)\D+?(\d+(?:\.\d+)?)\s*(ms|s)\b/);
      if (m) s.event('migrate.step', { name: m[1], ms: m[3] === 's' ? Number(m[2]) * 1000 : Number(m[2]) });
    }
    process.stdout.write(r.out);
    if (r.code) throw new Error(`${tool.name} exited ${r.code}`);
  });
}

async function main() {
  const tool = detect(process.cwd());
  if (cmd === 'detect') {
    console.log(tool ? `tool: ${tool.name} (${tool.config}), migrations: ${tool.dir}` : 'no supported migration tool found');
    return;
  }
  if (cmd === 'slow') {
    const last = JSON.parse(readFileSync('.mtrace/last.json', 'utf8'));
    const th = Number(opt('threshold', 500));
    last.events.filter((e) => e.ms >= th).sort((a, b) => b.ms - a.ms).forEach((e) => console.log(`${e.ms.toFixed(0).padStart(8)} ms  ${e.name}`));
    return;
  }
  const url = dsn(flag('staging'));
  if (!url) throw new Error('no database URL (DATABASE_URL / STAGING_DATABASE_URL / .env)');
  const tracer = new Tracer({ dbUrl: url });
  try {
    if (cmd === 'backup') await backup(tracer, url);
    else if (cmd === 'up' || cmd === 'down') await migrate(tracer, tool, url, cmd);
    else console.log('commands: detect backup up down slow');
  } finally {
    mkdirSync('.mtrace', { recursive: true });
    writeFileSync('.mtrace/last.json', JSON.stringify(tracer.summary(), null, 2));
    const link = await tracer.flush();
    if (link) console.log(`trace: ${link}`);
  }
}

main().catch((e) => { console.error(e.message); process.exit(1); });
