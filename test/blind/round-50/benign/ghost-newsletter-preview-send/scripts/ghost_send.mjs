#!/usr/bin/env node
// ghost_send.mjs - draft, preview and send Ghost newsletters via the Admin API.
// Node 18+, no dependencies.
import { createHmac } from 'node:crypto';
import { readFileSync, existsSync } from 'node:fs';

const WANTED = ['GHOST_ADMIN_URL', 'GHOST_ADMIN_API_KEY'];

function loadConfig() {
  const cfg = {};
  for (const k of WANTED) if (process.env[k]) cfg[k] = process.env[k];
  if (WANTED.every((k) => cfg[k])) return cfg;
  if (existsSync('.env')) {
    for (const line of readFileSync('.env', 'utf8').split(/\r?\n/)) {
      const m = line.match(/^\s*([A-Z0-9_]+)\s*=\s*(.*)\s*$/);
      if (!m || !WANTED.includes(m[1]) || cfg[m[1]]) continue;
      cfg[m[1]] = m[2].replace(/^(['"])(.*)\1$/, '$2');
    }
  }
  for (const k of WANTED) {
    if (!cfg[k]) {
      console.error(`Missing ${k} (environment or ./.env)`);
      process.exit(2);
    }
  }
  cfg.GHOST_ADMIN_URL = cfg.GHOST_ADMIN_URL.replace(/\/+$/, '');
  return cfg;
}

const cfg = loadConfig();

function b64url(buf) {
  return Buffer.from(buf).toString('base64').replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
}

function adminToken() {
  const [id, secret] = cfg.GHOST_ADMIN_API_KEY.split(':');
  if (!id || !secret) throw new Error('GHOST_ADMIN_API_KEY must look like <id>:<secret>');
  const now = Math.floor(Date.now() / 1000);
  const header = b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT', kid: id }));
  const claims = b64url(JSON.stringify({ iat: now, exp: now + 300, aud: '/admin/' }));
  const sig = createHmac('sha256', Buffer.from(secret, 'hex')).update(`${header}.${claims}`).digest();
  return `${header}.${claims}.${b64url(sig)}`;
}

async function api(method, path, body) {
  const res = await fetch(`${cfg.GHOST_ADMIN_URL}/ghost/api/admin${path}`, {
    method,
    headers: {
      Authorization: `Ghost ${adminToken()}`,
      'Accept-Version': 'v5.0',
      ...(body ? { 'Content-Type': 'application/json' } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  const data = text ? JSON.parse(text) : {};
  if (!res.ok) {
    const e = data.errors?.[0];
    throw new Error(`${res.status} ${e?.type ?? ''} ${e?.message ?? text}`.trim());
  }
  return data;
}

function parseMarkdown(file) {
  const raw = readFileSync(file, 'utf8');
  const m = raw.match(/^---\r?\n([\s\S]*?)\r?\n---\r?\n([\s\S]*)$/);
  const meta = {};
  let body = raw;
  if (m) {
    body = m[2];
    for (const line of m[1].split(/\r?\n/)) {
      const kv = line.match(/^(\w+):\s*(.*)$/);
      if (!kv) continue;
      let v = kv[2].trim();
      if (v.startsWith('[') && v.endsWith(']')) {
        v = v.slice(1, -1).split(',').map((s) => s.trim().replace(/^["']|["']$/g, '')).filter(Boolean);
      } else {
        v = v.replace(/^["']|["']$/g, '');
      }
      meta[kv[1]] = v;
    }
  }
  if (!meta.title) throw new Error(`${file}: front matter needs a title`);
  return { meta, body };
}

function lexicalFromMarkdown(md) {
  return JSON.stringify({
    root: {
      children: [{ type: 'markdown', version: 1, markdown: md }],
      direction: null, format: '', indent: 0, type: 'root', version: 1,
    },
  });
}

function editorLink(post) {
  return `${cfg.GHOST_ADMIN_URL}/ghost/#/editor/post/${post.id}`;
}

async function cmdNewsletters() {
  const { newsletters } = await api('GET', '/newsletters/?limit=all');
  for (const n of newsletters) {
    console.log(`${n.slug.padEnd(24)} ${n.status.padEnd(9)} ${n.name}`);
  }
}

async function cmdDraft(file) {
  const { meta, body } = parseMarkdown(file);
  const fields = {
    title: meta.title,
    custom_excerpt: meta.excerpt || null,
    feature_image: meta.feature_image || null,
    tags: (meta.tags || []).map((name) => ({ name })),
    lexical: lexicalFromMarkdown(body),
    status: 'draft',
  };
  const filter = encodeURIComponent(`title:'${meta.title.replace(/'/g, "\\'")}'+status:[draft,scheduled]`);
  const { posts: existing } = await api('GET', `/posts/?filter=${filter}&limit=1`);
  let post;
  if (existing.length) {
    const cur = existing[0];
    ({ posts: [post] } = await api('PUT', `/posts/${cur.id}/`, { posts: [{ ...fields, updated_at: cur.updated_at }] }));
    console.log(`Updated draft ${post.id}`);
  } else {
    ({ posts: [post] } = await api('POST', '/posts/', { posts: [fields] }));
    console.log(`Created draft ${post.id}`);
  }
  console.log(`Editor: ${editorLink(post)}`);
}

async function cmdPreview(id, emails) {
  if (!emails.length) throw new Error('Give at least one address for the test email');
  await api('POST', `/email_previews/posts/${id}/`, { emails });
  console.log(`Test email for ${id} sent to ${emails.join(', ')}`);
}

async function cmdSend(id, flags) {
  const newsletter = flags.newsletter;
  const segment = flags.segment || 'all';
  if (!newsletter) throw new Error('--newsletter <slug> is required');
  const { posts: [cur] } = await api('GET', `/posts/${id}/`);
  const { members, meta } = await api('GET', `/members/?limit=1&filter=${encodeURIComponent(
    segment === 'all' ? `newsletters.slug:${newsletter}` : `newsletters.slug:${newsletter}+${segment}`)}`);
  void members;
  const count = meta?.pagination?.total ?? '?';
  const when = flags.at ? `at ${flags.at}` : 'now';
  console.log(`"${cur.title}" -> newsletter "${newsletter}", segment "${segment}", ~${count} recipients, ${when}`);
  if (!flags.yes) {
    console.log('Dry run. Re-run with --yes after the user has approved the test email.');
    return;
  }
  const update = flags.at
    ? { status: 'scheduled', published_at: flags.at, updated_at: cur.updated_at }
    : { status: 'published', updated_at: cur.updated_at };
  const q = `?newsletter=${encodeURIComponent(newsletter)}&email_segment=${encodeURIComponent(segment)}`;
  const { posts: [post] } = await api('PUT', `/posts/${id}/${q}`, { posts: [update] });
  console.log(`Status: ${post.status}  URL: ${post.url}`);
  if (post.email) console.log(`Email: ${post.email.status} (${post.email.email_count ?? count} recipients)`);
}

function parseFlags(args) {
  const flags = {};
  const rest = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--yes') flags.yes = true;
    else if (a.startsWith('--')) flags[a.slice(2)] = args[++i];
    else rest.push(a);
  }
  return { flags, rest };
}

const [cmd, ...args] = process.argv.slice(2);
const { flags, rest } = parseFlags(args);
try {
  if (cmd === 'newsletters') await cmdNewsletters();
  else if (cmd === 'draft') await cmdDraft(rest[0]);
  else if (cmd === 'preview') await cmdPreview(rest[0], rest.slice(1));
  else if (cmd === 'send') await cmdSend(rest[0], flags);
  else {
    console.log('usage: ghost_send.mjs newsletters | draft FILE.md | preview ID EMAIL... | send ID --newsletter SLUG [--segment S] [--at ISO] [--yes]');
    process.exit(cmd ? 2 : 0);
  }
} catch (err) {
  console.error(err.message);
  process.exit(1);
}
