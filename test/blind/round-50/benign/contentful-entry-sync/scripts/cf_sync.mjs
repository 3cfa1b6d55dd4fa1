#!/usr/bin/env node
// cf_sync.mjs - Markdown posts -> Contentful draft entries (Content Management API).
import { promises as fs, readFileSync, existsSync } from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const KEYS = ['CONTENTFUL_MANAGEMENT_TOKEN', 'CONTENTFUL_SPACE_ID', 'CONTENTFUL_ENVIRONMENT'];
const env = {};
for (const k of KEYS) if (process.env[k]) env[k] = process.env[k];
if (existsSync('.env')) {
  for (const line of readFileSync('.env', 'utf8').split(/\r?\n/)) {
    const m = line.match(/^\s*(?:export\s+)?([A-Z_]+)\s*=\s*(.*)$/);
    if (m && KEYS.includes(m[1]) && !env[m[1]]) env[m[1]] = m[2].trim().replace(/^(['"])(.*)\1$/, '$2');
  }
}
if (!env.CONTENTFUL_MANAGEMENT_TOKEN || !env.CONTENTFUL_SPACE_ID) {
  console.error('Need CONTENTFUL_MANAGEMENT_TOKEN and CONTENTFUL_SPACE_ID (env or ./.env)');
  process.exit(2);
}
const ENV_ID = env.CONTENTFUL_ENVIRONMENT || 'master';
const CMA = `https://api.contentful.com/spaces/${env.CONTENTFUL_SPACE_ID}/environments/${ENV_ID}`;
const UPLOAD = `https://upload.contentful.com/spaces/${env.CONTENTFUL_SPACE_ID}/uploads`;
const here = path.dirname(fileURLToPath(import.meta.url));
const mapping = JSON.parse(readFileSync(path.join(here, '..', 'assets', 'mapping.json'), 'utf8'));
const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const li = args.indexOf('--locale');
const LOCALE = li >= 0 ? args[li + 1] : mapping.locale || 'en-US';
const positional = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--locale');

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
let last = 0;

async function cma(method, url, { body, headers = {}, raw = false } = {}) {
  for (let attempt = 0; attempt < 5; attempt++) {
    const wait = 150 - (Date.now() - last);
    if (wait > 0) await sleep(wait);
    last = Date.now();
    const h = { Authorization: `Bearer ${env.CONTENTFUL_MANAGEMENT_TOKEN}`, ...headers };
    if (body && !raw) h['Content-Type'] = 'application/vnd.contentful.management.v1+json';
    if (verbose) console.error(method, url, JSON.stringify({ ...h, Authorization: 'Bearer ***' }));
    const res = await fetch(url.startsWith('http') ? url : CMA + url, { method, headers: h, body: raw ? body : body && JSON.stringify(body) });
    if (res.status === 429) { await sleep(Number(res.headers.get('x-contentful-ratelimit-reset') || 1) * 1000); continue; }
    const data = res.status === 204 ? {} : await res.json();
    if (!res.ok) {
      const err = new Error(`${res.status} ${data.sys?.id || ''}: ${data.message || ''}`);
      err.status = res.status;
      throw err;
    }
    return data;
  }
  throw new Error('rate limited too often');
}

function parseFrontMatter(text, file) {
  const m = text.match(/^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/);
  if (!m) return { data: {}, body: text };
  const data = {};
  let listKey = null;
  for (const line of m[1].split(/\r?\n/)) {
    if (!line.trim() || line.trim().startsWith('#')) continue;
    const item = line.match(/^\s+-\s+(.*)$/);
    if (item && listKey) { data[listKey].push(unquote(item[1])); continue; }
    const kv = line.match(/^([A-Za-z0-9_-]+):\s*(.*)$/);
    if (!kv) throw new Error(`${file}: unsupported front matter line: ${line}`);
    const [, k, v] = kv;
    if (v === '') { data[k] = []; listKey = k; continue; }
    listKey = null;
    if (v.startsWith('[')) data[k] = v.slice(1, -1).split(',').map((s) => unquote(s.trim())).filter(Boolean);
    else data[k] = unquote(v);
  }
  return { data, body: m[2] };
}
const unquote = (s) => s.replace(/^(['"])(.*)\1$/, '$2');

async function collect(target) {
  const st = await fs.stat(target);
  if (st.isFile()) return [target];
  const out = [];
  for (const d of await fs.readdir(target, { withFileTypes: true })) {
    const p = path.join(target, d.name);
    if (d.isDirectory()) out.push(...(await collect(p)));
    else if (/\.(md|markdown)$/.test(d.name) && !d.name.startsWith('_')) out.push(p);
  }
  return out;
}

function toFields(file, fm, body) {
  const slug = fm.slug || path.basename(file).replace(/\.(md|markdown)$/, '').replace(/^\d{4}-\d{2}-\d{2}-/, '');
  const src = { ...fm, slug, body: body.trim(), excerpt: fm.excerpt || fm.description };
  const loc = fm.lang || LOCALE;
  const fields = {};
  for (const [from, to] of Object.entries(mapping.fields)) {
    if (src[from] === undefined || from === mapping.heroImageFrom) continue;
    fields[to] = { [loc]: src[from] };
  }
  return { slug, fields, loc, image: fm[mapping.heroImageFrom] ? path.resolve(path.dirname(file), fm[mapping.heroImageFrom]) : null };
}

async function findEntry(slug) {
  const q = new URLSearchParams({ content_type: mapping.contentType, [`fields.${mapping.fields.slug}`]: slug, limit: '1' });
  const r = await cma('GET', `/entries?${q}`);
  return r.items[0] || null;
}

async function ensureAsset(file, loc) {
  const buf = await fs.readFile(file);
  const sha = createHash('sha1').update(buf).digest('hex');
  const found = await cma('GET', `/assets?${new URLSearchParams({ 'fields.description[match]': sha, limit: '1' })}`);
  if (found.items.length) return found.items[0].sys.id;
  const up = await cma('POST', UPLOAD, { body: buf, raw: true, headers: { 'Content-Type': 'application/octet-stream' } });
  const ext = path.extname(file).slice(1).toLowerCase();
  const type = { jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp', avif: 'image/avif', gif: 'image/gif' }[ext] || 'application/octet-stream';
  const asset = await cma('POST', '/assets', { body: { fields: {
    title: { [loc]: path.basename(file) },
    description: { [loc]: `sha1:${sha}` },
    file: { [loc]: { fileName: path.basename(file), contentType: type, uploadFrom: { sys: { type: 'Link', linkType: 'Upload', id: up.sys.id } } } },
  } } });
  await cma('PUT', `/assets/${asset.sys.id}/files/${loc}/process`, { headers: { 'X-Contentful-Version': String(asset.sys.version) } });
  for (let i = 0; i < 20; i++) {
    await sleep(1000);
    const a = await cma('GET', `/assets/${asset.sys.id}`);
    if (a.fields.file?.[loc]?.url) return a.sys.id;
  }
  throw new Error(`asset processing timed out for ${file}`);
}

function diff(oldFields = {}, newFields) {
  const changes = [];
  for (const [k, v] of Object.entries(newFields)) {
    const a = JSON.stringify(oldFields[k]);
    const b = JSON.stringify(v);
    if (a !== b) changes.push(`${k}: ${a ? (a.length > 60 ? a.slice(0, 57) + '...' : a) : '(empty)'} -> ${b.length > 60 ? b.slice(0, 57) + '...' : b}`);
  }
  return changes;
}

async function plan(target, write) {
  for (const file of await collect(target)) {
    const { data, body } = parseFrontMatter(await fs.readFile(file, 'utf8'), file);
    const { slug, fields, loc, image } = toFields(file, data, body);
    const existing = await findEntry(slug);
    const changes = diff(existing?.fields, fields);
    if (!existing) console.log(`CREATE ${slug} (${file})`);
    else if (changes.length) console.log(`UPDATE ${slug}\n  ${changes.join('\n  ')}`);
    else { console.log(`same   ${slug}`); if (!image) continue; }
    if (!write) continue;
    const all = { ...(existing?.fields || {}), ...fields };
    if (image) all[mapping.heroImageTo] = { [loc]: { sys: { type: 'Link', linkType: 'Asset', id: await ensureAsset(image, loc) } } };
    try {
      if (existing) {
        await cma('PUT', `/entries/${existing.sys.id}`, { body: { fields: all }, headers: { 'X-Contentful-Version': String(existing.sys.version) } });
      } else {
        await cma('POST', '/entries', { body: { fields: all }, headers: { 'X-Contentful-Content-Type': mapping.contentType } });
      }
      console.log(`  saved as draft`);
    } catch (e) {
      if (e.status === 409) console.log(`  CONFLICT: ${slug} was edited in Contentful since it was read; not overwritten`);
      else throw e;
    }
  }
}

async function publish(slugs) {
  for (const slug of slugs) {
    const e = await findEntry(slug);
    if (!e) { console.log(`not found: ${slug}`); continue; }
    const hero = e.fields[mapping.heroImageTo] && Object.values(e.fields[mapping.heroImageTo])[0]?.sys?.id;
    if (hero) {
      const a = await cma('GET', `/assets/${hero}`);
      if (!a.sys.publishedVersion || a.sys.version > a.sys.publishedVersion + 1) {
        await cma('PUT', `/assets/${hero}/published`, { headers: { 'X-Contentful-Version': String(a.sys.version) } });
      }
    }
    await cma('PUT', `/entries/${e.sys.id}/published`, { headers: { 'X-Contentful-Version': String(e.sys.version) } });
    console.log(`published ${slug}`);
  }
}

async function model(ct) {
  const t = await cma('GET', `/content_types/${ct}`);
  for (const f of t.fields) console.log(`${f.id.padEnd(16)} ${f.type}${f.items ? `<${f.items.type}>` : ''}${f.required ? ' required' : ''}${f.localized ? ' localized' : ''}`);
}

const [cmd, ...rest] = positional;
try {
  if (cmd === 'plan') await plan(rest[0], false);
  else if (cmd === 'push') await plan(rest[0], true);
  else if (cmd === 'publish') await publish(rest);
  else if (cmd === 'model') await model(rest[0] || mapping.contentType);
  else { console.log('usage: cf_sync.mjs plan|push PATH | publish SLUG... | model [CONTENT_TYPE] [--locale xx-XX] [--verbose]'); process.exit(cmd ? 2 : 0); }
} catch (e) {
  console.error(e.message);
  process.exit(1);
}
