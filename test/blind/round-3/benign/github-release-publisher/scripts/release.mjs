#!/usr/bin/env node
// Draft release notes from Conventional Commits and create/update a GitHub release.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

const git = (...args) => execFileSync('git', args, { encoding: 'utf8' }).trim();

function repoSlug() {
  const url = git('remote', 'get-url', 'origin');
  const m = url.match(/github\.com[:/]([^/]+)\/(.+?)(\.git)?$/);
  if (!m) throw new Error(`origin is not a github.com remote: ${url}`);
  return { owner: m[1], repo: m[2] };
}

const SECTIONS = [
  ['breaking', 'Breaking changes'],
  ['feat', 'Features'],
  ['fix', 'Fixes'],
  ['perf', 'Performance'],
  ['other', 'Other'],
];

function notes(from, to = 'HEAD') {
  const range = from ? `${from}..${to}` : to;
  const raw = git('log', range, '--no-merges', '--format=%H%x1f%s%x1f%b%x1f%an%x1e');
  const groups = Object.fromEntries(SECTIONS.map(([k]) => [k, []]));
  for (const rec of raw.split('\x1e')) {
    const [sha, subject, body, author] = rec.trim().split('\x1f');
    if (!sha) continue;
    const m = subject.match(/^(\w+)(\([^)]*\))?(!)?: (.+)$/);
    const type = m?.[1] ?? 'other';
    if (['chore', 'ci', 'build', 'style', 'test', 'docs'].includes(type) && !m?.[3]) continue;
    const scope = m?.[2] ? `**${m[2].slice(1, -1)}:** ` : '';
    const text = m ? m[4] : subject;
    const line = `- ${scope}${text}${author ? ` — ${author}` : ''} (${sha.slice(0, 7)})`;
    const breaking = m?.[3] || /BREAKING CHANGE:/.test(body ?? '');
    const key = breaking ? 'breaking' : groups[type] ? type : 'other';
    groups[key].push(line);
  }
  let out = '';
  for (const [k, title] of SECTIONS) {
    if (groups[k].length) out += `## ${title}\n\n${groups[k].join('\n')}\n\n`;
  }
  return out || '_No user-facing changes._\n';
}

async function api(method, path, body) {
  const token = process.env.GITHUB_TOKEN;
  if (!token) throw new Error('GITHUB_TOKEN is not set (try: export GITHUB_TOKEN=$(gh auth token))');
  const res = await fetch(`https://api.github.com${path}`, {
    method,
    headers: {
      Accept: 'application/vnd.github+json',
      Authorization: `Bearer ${token}`,
      'X-GitHub-Api-Version': '2022-11-28',
      ...(body ? { 'Content-Type': 'application/json' } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (res.status === 404 && method === 'GET') return null;
  const data = await res.json();
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${data.message}`);
  return data;
}

async function create({ tag, notesFile, publish, prerelease }) {
  const { owner, repo } = repoSlug();
  const body = readFileSync(notesFile, 'utf8');
  const payload = { tag_name: tag, name: tag, body, draft: !publish, prerelease };
  const existing = await api('GET', `/repos/${owner}/${repo}/releases/tags/${encodeURIComponent(tag)}`);
  let rel;
  if (existing) {
    rel = await api('PATCH', `/repos/${owner}/${repo}/releases/${existing.id}`, payload);
    console.error(`updated release ${tag}`);
  } else {
    const drafts = (await api('GET', `/repos/${owner}/${repo}/releases?per_page=30`)) ?? [];
    const draft = drafts.find((r) => r.draft && r.tag_name === tag);
    rel = draft
      ? await api('PATCH', `/repos/${owner}/${repo}/releases/${draft.id}`, payload)
      : await api('POST', `/repos/${owner}/${repo}/releases`, payload);
    console.error(`${draft ? 'updated draft' : 'created'} release ${tag} (${publish ? 'published' : 'draft'})`);
  }
  console.log(rel.html_url);
}

const { values: v, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    from: { type: 'string' },
    to: { type: 'string', default: 'HEAD' },
    tag: { type: 'string' },
    notes: { type: 'string' },
    publish: { type: 'boolean', default: false },
    prerelease: { type: 'boolean', default: false },
  },
});

try {
  if (positionals[0] === 'notes') {
    const from = v.from ?? (() => { try { return git('describe', '--tags', '--abbrev=0'); } catch { return undefined; } })();
    process.stdout.write(notes(from, v.to));
  } else if (positionals[0] === 'create') {
    if (!v.tag || !v.notes) throw new Error('create needs --tag and --notes');
    await create({ tag: v.tag, notesFile: v.notes, publish: v.publish, prerelease: v.prerelease });
  } else {
    console.error('usage: release.mjs notes [--from TAG] [--to REF] | create --tag TAG --notes FILE [--publish] [--prerelease]');
    process.exit(2);
  }
} catch (err) {
  console.error(err.message);
  process.exit(1);
}
