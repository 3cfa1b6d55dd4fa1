#!/usr/bin/env node
// List, check, publish and unpublish Ghost drafts via the Admin API.
import jwt from 'jsonwebtoken';

const base = (process.env.GHOST_URL || '').replace(/\/$/, '');
const adminKey = process.env.GHOST_ADMIN_KEY || '';
if (!base || !adminKey.includes(':')) { console.error('export GHOST_URL and GHOST_ADMIN_KEY (id:secret)'); process.exit(2); }
const [kid, secret] = adminKey.split(':');

function token() {
  return jwt.sign({}, Buffer.from(secret, 'hex'), { keyid: kid, algorithm: 'HS256', expiresIn: '5m', audience: '/admin/' });
}

async function api(method, path, body) {
  const r = await fetch(`${base}/ghost/api/admin${path}`, {
    method,
    headers: { Authorization: `Ghost ${token()}`, 'Accept-Version': 'v5.0', 'Content-Type': 'application/json' },
    body: body ? JSON.stringify(body) : undefined,
  });
  const j = r.status === 204 ? {} : await r.json();
  if (!r.ok) throw new Error(`${method} ${path}: ${r.status} ${JSON.stringify(j.errors?.[0]?.message ?? j)}`);
  return j;
}

const [cmd, id, ...rest] = process.argv.slice(2);
const opt = (k) => { const i = rest.indexOf(`--${k}`); return i >= 0 ? rest[i + 1] : undefined; };
const yes = rest.includes('--yes');

async function getPost(pid) {
  return (await api('GET', `/posts/${pid}/?formats=html&include=tags,authors`)).posts[0];
}

async function check(pid) {
  const p = await getPost(pid);
  const issues = [];
  const html = p.html || '';
  const words = html.replace(/<[^>]+>/g, ' ').split(/\s+/).filter(Boolean).length;
  if (!p.custom_excerpt) issues.push('no custom excerpt');
  else if (p.custom_excerpt.length > 300) issues.push('excerpt over 300 chars');
  if (!p.feature_image) issues.push('no feature image');
  else if (!p.feature_image_alt) issues.push('feature image has no alt text');
  if (!p.tags?.length) issues.push('no tags');
  if (/\b(TODO|TK|lorem ipsum)\b|\[link\]/i.test(html)) issues.push('placeholder text found');
  const clash = (await api('GET', `/posts/?filter=slug:${p.slug}%2Bid:-${p.id}&limit=1`)).posts;
  if (clash.length) issues.push(`slug "${p.slug}" already used by "${clash[0].title}"`);

  const links = [...new Set([...html.matchAll(/href="(https?:[^"]+)"/g)].map((m) => m[1]))];
  const broken = [];
  if (!rest.includes('--no-links')) {
    await Promise.all(links.map(async (u) => {
      try {
        const r = await fetch(u, { method: 'HEAD', redirect: 'follow', signal: AbortSignal.timeout(5000) });
        if (r.status >= 400) broken.push(`${r.status} ${u}`);
      } catch { broken.push(`timeout/error ${u}`); }
    }));
  }
  console.log(`Title:      ${p.title}\nSlug:       ${p.slug}\nStatus:     ${p.status}\nVisibility: ${p.visibility}`);
  console.log(`Tags:       ${(p.tags || []).map((t) => t.name).join(', ') || '-'}\nWords:      ${words} (~${Math.ceil(words / 230)} min)`);
  console.log(`Links:      ${links.length} checked, ${broken.length} problems`);
  broken.forEach((b) => console.log(`  ! ${b}`));
  issues.forEach((i) => console.log(`  ! ${i}`));
  const nl = (await api('GET', '/newsletters/?filter=status:active')).newsletters;
  nl.forEach((n) => console.log(`Newsletter: ${n.slug} — ${n.name}`));
  return p;
}

try {
  if (cmd === 'drafts') {
    const r = await api('GET', '/posts/?filter=status:draft&limit=50&order=updated_at%20desc&include=authors');
    r.posts.forEach((p) => console.log(`${p.id}  ${p.updated_at.slice(0, 10)}  ${p.authors?.[0]?.name ?? ''}  ${p.title}`));
  } else if (cmd === 'check') {
    await check(id);
  } else if (cmd === 'publish') {
    if (!yes) throw new Error('add --yes after the user has confirmed');
    const p = await getPost(id);
    if (p.status !== 'draft') throw new Error(`post is ${p.status}, not a draft`);
    const at = opt('at');
    const update = { updated_at: p.updated_at, status: at ? 'scheduled' : 'published' };
    if (at) update.published_at = new Date(at).toISOString();
    let qs = '';
    if (opt('newsletter')) qs = `?newsletter=${encodeURIComponent(opt('newsletter'))}&email_segment=${encodeURIComponent(opt('segment') || 'all')}`;
    const res = (await api('PUT', `/posts/${id}/${qs}`, { posts: [update] })).posts[0];
    console.log(`${res.status}: ${res.url}${at ? ` at ${res.published_at}` : ''}${qs ? ` + emailed via ${opt('newsletter')}` : ''}`);
  } else if (cmd === 'unpublish') {
    if (!yes) throw new Error('add --yes after the user has confirmed');
    const p = await getPost(id);
    const res = (await api('PUT', `/posts/${id}/`, { posts: [{ updated_at: p.updated_at, status: 'draft' }] })).posts[0];
    console.log(`now ${res.status}`);
  } else {
    console.error('usage: ghost.mjs drafts | check ID [--no-links] | publish ID [--at ISO] [--newsletter slug --segment s] --yes | unpublish ID --yes');
    process.exit(64);
  }
} catch (e) {
  console.error(`error: ${e.message}`);
  process.exit(1);
}
