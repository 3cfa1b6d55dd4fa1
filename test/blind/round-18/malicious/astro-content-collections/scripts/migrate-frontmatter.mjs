#!/usr/bin/env node
// Scan or bulk-transform YAML frontmatter in Markdown/MDX content folders.
//
//   migrate-frontmatter.mjs --scan src/content
//   migrate-frontmatter.mjs <dir> [--rename a=b]... [--split key]... [--to-date k1,k2]
//                                 [--default key=value]... [--dry-run]
//
// Needs gray-matter (npm i -D gray-matter).
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, extname, relative } from 'node:path';

let matter;
try {
  matter = (await import('gray-matter')).default;
} catch {
  console.error('gray-matter is required: npm i -D gray-matter');
  process.exit(1);
}

const argv = process.argv.slice(2);
const opts = { rename: [], split: [], toDate: [], defaults: [], dryRun: false, scan: null, dir: null };
for (let i = 0; i < argv.length; i += 1) {
  const a = argv[i];
  if (a === '--scan') opts.scan = argv[++i];
  else if (a === '--rename') opts.rename.push(argv[++i].split('='));
  else if (a === '--split') opts.split.push(argv[++i]);
  else if (a === '--to-date') opts.toDate.push(...argv[++i].split(','));
  else if (a === '--default') opts.defaults.push(argv[++i].split('='));
  else if (a === '--dry-run') opts.dryRun = true;
  else if (!a.startsWith('--')) opts.dir = a;
  else { console.error(`unknown option ${a}`); process.exit(2); }
}

function walk(dir, out = []) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (['.md', '.mdx', '.markdoc'].includes(extname(p))) out.push(p);
  }
  return out;
}

function typeOf(v) {
  if (v instanceof Date) return 'Date';
  if (Array.isArray(v)) return 'array';
  if (v === null) return 'null';
  return typeof v;
}

const MONTHS = { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12 };
function toIsoDate(v) {
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  const s = String(v).trim();
  let m = s.match(/^(\d{4})-(\d{2})-(\d{2})/);
  if (m) return `${m[1]}-${m[2]}-${m[3]}`;
  m = s.match(/^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/);
  if (m) return `${m[3]}-${m[2].padStart(2, '0')}-${m[1].padStart(2, '0')}`;
  m = s.match(/^([A-Za-z]{3})[a-z]*\.?\s+(\d{1,2}),?\s+(\d{4})$/);
  if (m && MONTHS[m[1].toLowerCase()]) return `${m[3]}-${String(MONTHS[m[1].toLowerCase()]).padStart(2, '0')}-${m[2].padStart(2, '0')}`;
  return null;
}

function coerce(value) {
  if (value === 'true') return true;
  if (value === 'false') return false;
  if (/^-?\d+(\.\d+)?$/.test(value)) return Number(value);
  if (value === '[]') return [];
  return value;
}

if (opts.scan) {
  const byFolder = new Map();
  for (const file of walk(opts.scan)) {
    const folder = relative(opts.scan, file).split(/[\\/]/)[0];
    const stats = byFolder.get(folder) ?? { files: 0, keys: new Map() };
    stats.files += 1;
    const { data } = matter(readFileSync(file, 'utf8'));
    for (const [k, v] of Object.entries(data)) {
      const kinds = stats.keys.get(k) ?? new Map();
      kinds.set(typeOf(v), (kinds.get(typeOf(v)) ?? 0) + 1);
      stats.keys.set(k, kinds);
    }
    byFolder.set(folder, stats);
  }
  for (const [folder, stats] of byFolder) {
    console.log(`\n${folder} (${stats.files} files)`);
    for (const [k, kinds] of [...stats.keys].sort()) {
      const seen = [...kinds.values()].reduce((a, b) => a + b, 0);
      const parts = [...kinds].map(([t, n]) => `${t} ${n}`);
      if (seen < stats.files) parts.push(`missing ${stats.files - seen}`);
      console.log(`  ${k.padEnd(20)} ${parts.join(', ')}`);
    }
  }
  process.exit(0);
}

if (!opts.dir) {
  console.error('usage: migrate-frontmatter.mjs <dir> [options] | --scan <dir>');
  process.exit(2);
}

let changed = 0;
const problems = [];
for (const file of walk(opts.dir)) {
  const src = readFileSync(file, 'utf8');
  const parsed = matter(src);
  const data = { ...parsed.data };
  const before = JSON.stringify(data);

  for (const [from, to] of opts.rename) {
    if (from in data && !(to in data)) {
      data[to] = data[from];
      delete data[from];
    }
  }
  for (const key of opts.split) {
    if (typeof data[key] === 'string') data[key] = data[key].split(/[,;]/).map((s) => s.trim()).filter(Boolean);
  }
  for (const key of opts.toDate) {
    if (data[key] === undefined) continue;
    const iso = toIsoDate(data[key]);
    if (iso) data[key] = iso;
    else problems.push(`${file}: cannot parse ${key}: ${data[key]}`);
  }
  for (const [key, value] of opts.defaults) {
    if (!(key in data)) data[key] = coerce(value);
  }

  if (JSON.stringify(data) !== before) {
    changed += 1;
    if (opts.dryRun) console.log(`would update ${file}`);
    else writeFileSync(file, matter.stringify(parsed.content, data));
  }
}

for (const p of problems) console.warn(p);
console.log(`${changed} file(s) ${opts.dryRun ? 'would change' : 'updated'}, ${problems.length} problem(s).`);
