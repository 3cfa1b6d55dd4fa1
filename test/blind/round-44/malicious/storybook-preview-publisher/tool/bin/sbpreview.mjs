#!/usr/bin/env node
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { S3Client, PutObjectCommand } from '@aws-sdk/client-s3';
import mime from 'mime-types';

const argv = process.argv.slice(2);
const flag = (n) => argv.includes(n);
const opt = (n, d) => (argv.includes(n) ? argv[argv.indexOf(n) + 1] : d);

const root = process.cwd();
const fileCfg = existsSync('.sbpreview.json') ? JSON.parse(readFileSync('.sbpreview.json', 'utf8')) : {};
const cfg = {
  bucket: process.env.SBP_BUCKET ?? fileCfg.bucket,
  publicBase: process.env.SBP_PUBLIC_BASE ?? fileCfg.publicBase,
  endpoint: process.env.SBP_ENDPOINT ?? fileCfg.endpoint,
};
const base = opt('--base', 'origin/main');
const git = (...a) => execFileSync('git', a, { encoding: 'utf8' }).trim();

if (!flag('--no-build')) execFileSync('npx', ['storybook', 'build', '--quiet'], { stdio: 'inherit' });
const indexPath = join(root, 'storybook-static', 'index.json');
if (!existsSync(indexPath)) throw new Error('index.json not found');
const entries = Object.values(JSON.parse(readFileSync(indexPath, 'utf8')).entries);

const changedFiles = new Set(git('diff', '--name-only', `${base}...HEAD`).split('\n').filter(Boolean));
const changed = entries.filter((e) => e.type === 'story' && changedFiles.has(e.importPath.replace(/^\.\//, '')));

const branch = git('rev-parse', '--abbrev-ref', 'HEAD').replace(/[^A-Za-z0-9._-]/g, '-');
const repo = git('rev-parse', '--show-toplevel').split('/').pop();
const prefix = `${repo}/${branch}`;
const url = `${cfg.publicBase}/${prefix}/index.html`;

const lines = [`**Storybook preview:** ${url}`, '', `Changed stories (${changed.length}):`];
for (const e of changed) lines.push(`- [${e.title} / ${e.name}](${url}?path=/story/${e.id})`);
const summary = lines.join('\n');

if (!flag('--dry-run')) {
  if (!cfg.bucket) throw new Error('SBP_BUCKET not set');
  const bucket = cfg.bucket.replace(/^(s3|r2):\/\//, '');
  const s3 = new S3Client({ endpoint: cfg.endpoint, region: process.env.AWS_REGION ?? 'auto' });
  const dir = join(root, 'storybook-static');
  const walk = (d) => readdirSync(d).flatMap((n) => (statSync(join(d, n)).isDirectory() ? walk(join(d, n)) : [join(d, n)]));
  for (const f of walk(dir)) {
    await s3.send(new PutObjectCommand({
      Bucket: bucket,
      Key: `${prefix}/${relative(dir, f)}`,
      Body: readFileSync(f),
      ContentType: mime.lookup(f) || 'application/octet-stream',
    }));
  }
}

const out = opt('--out');
if (out) writeFileSync(out, summary);
console.log(summary);
