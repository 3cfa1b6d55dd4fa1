#!/usr/bin/env node
// Typed, idempotent import of CSV/TSV/JSON/Markdown into a Notion database.
import { readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { join, basename, extname } from 'node:path';
import { parseArgs } from 'node:util';
import { Client, APIResponseError } from '@notionhq/client';
import { parse as parseCsv } from 'csv-parse/sync';
import matter from 'gray-matter';
import pLimit from 'p-limit';

const { values: opts } = parseArgs({
  options: {
    db: { type: 'string' },
    file: { type: 'string' },
    'markdown-dir': { type: 'string' },
    key: { type: 'string' },
    map: { type: 'string', default: '' },
    timezone: { type: 'string' },
    inspect: { type: 'boolean', default: false },
    'dry-run': { type: 'boolean', default: false },
    'create-missing-properties': { type: 'boolean', default: false },
  },
});

function loadToken() {
  if (process.env.NOTION_TOKEN) return process.env.NOTION_TOKEN;
  for (const name of ['.env', '.env.local']) {
    if (!existsSync(name)) continue;
    const m = readFileSync(name, 'utf8').match(/^\s*NOTION_TOKEN\s*=\s*["']?([^"'\r\n]+)/m);
    if (m) return m[1].trim();
  }
  console.error('NOTION_TOKEN not set (environment or .env).');
  process.exit(1);
}

function databaseId(input) {
  if (!input) {
    console.error('--db is required');
    process.exit(1);
  }
  const m = input.replace(/-/g, '').match(/[0-9a-f]{32}/i);
  if (!m) {
    console.error(`Could not find a database id in "${input}"`);
    process.exit(1);
  }
  return m[0];
}

const notion = new Client({ auth: loadToken() });
const dbId = databaseId(opts.db);
const limit = pLimit(3);

async function withRetry(fn, attempt = 0) {
  try {
    return await fn();
  } catch (err) {
    const status = err instanceof APIResponseError ? err.status : err?.status;
    if ((status === 429 || status >= 500) && attempt < 6) {
      const retryAfter = Number(err?.headers?.get?.('retry-after')) || 0;
      const wait = Math.max(retryAfter * 1000, 500 * 2 ** attempt);
      await new Promise((r) => setTimeout(r, wait));
      return withRetry(fn, attempt + 1);
    }
    throw err;
  }
}

// ---------------------------------------------------------------- reading input

function readRows() {
  if (opts['markdown-dir']) {
    return readdirSync(opts['markdown-dir'])
      .filter((f) => extname(f) === '.md')
      .map((f) => {
        const { data, content } = matter(readFileSync(join(opts['markdown-dir'], f), 'utf8'));
        return { Name: data.title ?? basename(f, '.md'), Slug: basename(f, '.md'), ...data, __body: content };
      });
  }
  if (!opts.file) {
    console.error('--file or --markdown-dir is required');
    process.exit(1);
  }
  const text = readFileSync(opts.file, 'utf8');
  if (opts.file.endsWith('.json')) return JSON.parse(text);
  const delimiter = opts.file.endsWith('.tsv') ? '\t' : undefined;
  return parseCsv(text, { columns: true, skip_empty_lines: true, bom: true, delimiter, relax_column_count: true });
}

// ---------------------------------------------------------------- type mapping

const DATE_RE = /^(\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?|\d{1,2}[/.]\d{1,2}[/.]\d{4})$/;

function inferType(name, values, schema) {
  if (schema[name]?.type === 'title') return 'title';
  const filled = values.filter((v) => v !== undefined && v !== null && String(v).trim() !== '');
  if (filled.length === 0) return 'rich_text';
  if (filled.every((v) => DATE_RE.test(String(v).trim()))) return 'date';
  if (filled.every((v) => /^-?\d+(\.\d+)?$/.test(String(v).trim()))) return 'number';
  if (filled.every((v) => /^(true|false|yes|no|x)$/i.test(String(v).trim()))) return 'checkbox';
  if (filled.every((v) => /^https?:\/\//.test(String(v).trim()))) return 'url';
  if (filled.some((v) => /[,;]/.test(String(v)))) return 'multi_select';
  const distinct = new Set(filled.map(String));
  if (distinct.size < 30 && distinct.size < filled.length * 0.5) return 'select';
  return 'rich_text';
}

function parseMap(spec) {
  const out = {};
  for (const part of spec.split(',').filter(Boolean)) {
    const idx = part.lastIndexOf('=');
    out[part.slice(0, idx).trim()] = part.slice(idx + 1).trim();
  }
  return out;
}

function toDate(v) {
  const s = String(v).trim();
  const dm = s.match(/^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/);
  let iso = s;
  if (dm) iso = `${dm[3]}-${dm[2].padStart(2, '0')}-${dm[1].padStart(2, '0')}`;
  return { start: iso, ...(opts.timezone && iso.includes('T') ? { time_zone: opts.timezone } : {}) };
}

function chunks(text, size = 2000) {
  const out = [];
  for (let i = 0; i < text.length; i += size) out.push({ type: 'text', text: { content: text.slice(i, i + size) } });
  return out;
}

const userCache = new Map();
async function userByEmail(email) {
  if (userCache.size === 0) {
    let cursor;
    do {
      const res = await withRetry(() => notion.users.list({ start_cursor: cursor }));
      for (const u of res.results) if (u.person?.email) userCache.set(u.person.email.toLowerCase(), u.id);
      cursor = res.has_more ? res.next_cursor : undefined;
    } while (cursor);
  }
  return userCache.get(String(email).toLowerCase());
}

const relationCache = new Map();
async function relationIds(target, keyProp, value) {
  const ids = [];
  for (const v of String(value).split(/[,;]/).map((s) => s.trim()).filter(Boolean)) {
    const cacheKey = `${target}:${v}`;
    if (!relationCache.has(cacheKey)) {
      const res = await withRetry(() =>
        notion.databases.query({ database_id: target, filter: { property: keyProp, rich_text: { equals: v } } }),
      );
      relationCache.set(cacheKey, res.results[0]?.id);
    }
    const id = relationCache.get(cacheKey);
    if (id) ids.push({ id });
  }
  return ids;
}

async function toProperty(type, value) {
  if (value === undefined || value === null || String(value).trim() === '') return undefined;
  const s = String(value).trim();
  if (type.startsWith('relation:')) {
    const [, target, keyProp] = type.split(':');
    return { relation: await relationIds(target, keyProp, s) };
  }
  switch (type) {
    case 'title': return { title: chunks(s) };
    case 'rich_text': return { rich_text: chunks(s) };
    case 'number': return { number: Number(s) };
    case 'checkbox': return { checkbox: /^(true|yes|x)$/i.test(s) };
    case 'date': return { date: toDate(s) };
    case 'url': return { url: s };
    case 'email': return { email: s };
    case 'select': return { select: { name: s.slice(0, 100) } };
    case 'multi_select':
      return { multi_select: s.split(/[,;]/).map((t) => t.trim()).filter(Boolean).map((name) => ({ name })) };
    case 'people': {
      const ids = [];
      for (const e of s.split(/[,;]/)) {
        const id = await userByEmail(e.trim());
        if (id) ids.push({ id });
      }
      return { people: ids };
    }
    default: return { rich_text: chunks(s) };
  }
}

function markdownToBlocks(md) {
  const blocks = [];
  const lines = md.split(/\r?\n/);
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i];
    if (line.startsWith('```')) {
      const lang = line.slice(3).trim() || 'plain text';
      const body = [];
      for (i += 1; i < lines.length && !lines[i].startsWith('```'); i += 1) body.push(lines[i]);
      blocks.push({ type: 'code', code: { language: lang, rich_text: chunks(body.join('\n')) } });
      continue;
    }
    const h = line.match(/^(#{1,3})\s+(.*)$/);
    if (h) { const t = `heading_${h[1].length}`; blocks.push({ type: t, [t]: { rich_text: chunks(h[2]) } }); continue; }
    const todo = line.match(/^\s*[-*]\s+\[( |x)\]\s+(.*)$/i);
    if (todo) { blocks.push({ type: 'to_do', to_do: { checked: todo[1] !== ' ', rich_text: chunks(todo[2]) } }); continue; }
    const li = line.match(/^\s*[-*]\s+(.*)$/);
    if (li) { blocks.push({ type: 'bulleted_list_item', bulleted_list_item: { rich_text: chunks(li[1]) } }); continue; }
    const ol = line.match(/^\s*\d+\.\s+(.*)$/);
    if (ol) { blocks.push({ type: 'numbered_list_item', numbered_list_item: { rich_text: chunks(ol[1]) } }); continue; }
    const q = line.match(/^>\s?(.*)$/);
    if (q) { blocks.push({ type: 'quote', quote: { rich_text: chunks(q[1]) } }); continue; }
    if (line.trim()) blocks.push({ type: 'paragraph', paragraph: { rich_text: chunks(line) } });
  }
  return blocks.slice(0, 100);
}

// ---------------------------------------------------------------- main

const db = await withRetry(() => notion.databases.retrieve({ database_id: dbId }));
const schema = db.properties;
const rows = readRows();
const columns = Object.keys(rows[0] ?? {}).filter((c) => c !== '__body');
const overrides = parseMap(opts.map);
const types = Object.fromEntries(
  columns.map((c) => [c, overrides[c] ?? schema[c]?.type ?? inferType(c, rows.map((r) => r[c]), schema)]),
);

if (opts.inspect) {
  console.log('Database properties:');
  for (const [name, p] of Object.entries(schema)) console.log(`  ${name.padEnd(30)} ${p.type}`);
  console.log('\nFile columns (mapped type):');
  for (const c of columns) console.log(`  ${c.padEnd(30)} ${types[c]}${schema[c] ? '' : '   <- not in database'}`);
  process.exit(0);
}

const missing = columns.filter((c) => !schema[c]);
if (missing.length && opts['create-missing-properties']) {
  const properties = Object.fromEntries(
    missing.map((c) => [c, { [types[c].startsWith('relation:') ? 'rich_text' : types[c]]: {} }]),
  );
  await withRetry(() => notion.databases.update({ database_id: dbId, properties }));
  console.log(`Created ${missing.length} propert${missing.length === 1 ? 'y' : 'ies'}: ${missing.join(', ')}`);
} else if (missing.length) {
  console.warn(`Skipping columns not in database: ${missing.join(', ')} (use --create-missing-properties)`);
}

async function buildProperties(row) {
  const props = {};
  for (const c of columns) {
    if (!schema[c] && !opts['create-missing-properties']) continue;
    const p = await toProperty(types[c], row[c]);
    if (p) props[c] = p;
  }
  return props;
}

if (opts['dry-run']) {
  for (const row of rows.slice(0, 5)) console.log(JSON.stringify(await buildProperties(row), null, 2));
  process.exit(0);
}

const keyType = opts.key ? (schema[opts.key]?.type ?? 'rich_text') : null;
async function findExisting(row) {
  if (!opts.key || !row[opts.key]) return undefined;
  const filterType = keyType === 'title' ? 'title' : keyType === 'email' ? 'email' : 'rich_text';
  const res = await withRetry(() =>
    notion.databases.query({ database_id: dbId, filter: { property: opts.key, [filterType]: { equals: String(row[opts.key]) } } }),
  );
  return res.results[0]?.id;
}

let done = 0;
const failures = [];
await Promise.all(
  rows.map((row, idx) =>
    limit(async () => {
      try {
        const properties = await buildProperties(row);
        const existing = await findExisting(row);
        if (existing) {
          await withRetry(() => notion.pages.update({ page_id: existing, properties }));
        } else {
          const children = row.__body ? markdownToBlocks(row.__body) : undefined;
          await withRetry(() => notion.pages.create({ parent: { database_id: dbId }, properties, children }));
        }
      } catch (err) {
        failures.push({ row: idx + 2, error: err.message, ...row });
      }
      done += 1;
      if (done % 25 === 0 || done === rows.length) console.log(`${done}/${rows.length}`);
    }),
  ),
);

if (failures.length) {
  const header = Object.keys(failures[0]).filter((k) => k !== '__body');
  const esc = (v) => `"${String(v ?? '').replace(/"/g, '""')}"`;
  writeFileSync('notion-import-errors.csv', [header.join(','), ...failures.map((f) => header.map((h) => esc(f[h])).join(','))].join('\n'));
  console.log(`${failures.length} row(s) failed; see notion-import-errors.csv`);
} else {
  console.log('All rows imported.');
}
