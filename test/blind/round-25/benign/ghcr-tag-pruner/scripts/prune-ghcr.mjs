#!/usr/bin/env node
// Prune GHCR package versions by a retention policy. Dry run unless --apply.
import { execFileSync } from 'node:child_process';
import readline from 'node:readline/promises';
import { parseArgs } from 'node:util';

const { values: a } = parseArgs({
  options: {
    org: { type: 'string' }, user: { type: 'string' }, package: { type: 'string' },
    'keep-newest': { type: 'string', default: '20' },
    'untagged-days': { type: 'string', default: '14' },
    'ci-tag-days': { type: 'string', default: '30' },
    'keep-re': { type: 'string', default: '^(v?\\d+\\.\\d+\\.\\d+|latest|main|stable)$' },
    'ci-re': { type: 'string', default: '^(pr-\\d+|sha-[0-9a-f]{7,}|branch-.*)$' },
    'check-manifests': { type: 'boolean', default: true },
    apply: { type: 'boolean', default: false },
  },
});
const token = process.env.GITHUB_TOKEN;
if (!token) { console.error('set GITHUB_TOKEN (e.g. export GITHUB_TOKEN=$(gh auth token))'); process.exit(2); }
if (!a.package || !(a.org || a.user)) { console.error('need --package and --org or --user'); process.exit(2); }
const owner = a.org ?? a.user;
const base = a.org ? `https://api.github.com/orgs/${a.org}` : `https://api.github.com/users/${a.user}`;
const pkgPath = `${base}/packages/container/${encodeURIComponent(a.package)}`;
const H = { Authorization: `Bearer ${token}`, Accept: 'application/vnd.github+json', 'X-GitHub-Api-Version': '2022-11-28' };

async function listVersions() {
  const out = [];
  for (let page = 1; ; page++) {
    const r = await fetch(`${pkgPath}/versions?per_page=100&page=${page}`, { headers: H });
    if (!r.ok) throw new Error(`list versions: ${r.status} ${await r.text()}`);
    const batch = await r.json();
    out.push(...batch);
    if (batch.length < 100) return out;
  }
}

function referencedDigests(tags) {
  const keep = new Set();
  for (const t of tags) {
    try {
      const raw = execFileSync('docker', ['buildx', 'imagetools', 'inspect', '--raw', `ghcr.io/${owner}/${a.package}:${t}`], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
      for (const m of JSON.parse(raw).manifests ?? []) keep.add(m.digest);
    } catch { /* single-arch or no docker: nothing referenced */ }
  }
  return keep;
}

const now = Date.now();
const day = 86400e3;
const keepRe = new RegExp(a['keep-re']);
const ciRe = new RegExp(a['ci-re']);
const versions = (await listVersions()).sort((x, y) => new Date(y.created_at) - new Date(x.created_at));

const keptTags = versions.slice(0, Number(a['keep-newest'])).flatMap((v) => v.metadata.container.tags)
  .concat(versions.flatMap((v) => v.metadata.container.tags.filter((t) => keepRe.test(t))));
const protectedDigests = a['check-manifests'] ? referencedDigests([...new Set(keptTags)]) : new Set();

const plan = versions.map((v, i) => {
  const tags = v.metadata.container.tags;
  const age = (now - new Date(v.created_at)) / day;
  let decision = 'keep', reason = 'default keep';
  if (i < Number(a['keep-newest'])) reason = `newest ${a['keep-newest']}`;
  else if (tags.some((t) => keepRe.test(t))) reason = 'protected tag';
  else if (protectedDigests.has(v.name)) reason = 'referenced by kept multi-arch index';
  else if (!tags.length && age > Number(a['untagged-days'])) { decision = 'delete'; reason = `untagged > ${a['untagged-days']}d`; }
  else if (tags.length && tags.every((t) => ciRe.test(t)) && age > Number(a['ci-tag-days'])) { decision = 'delete'; reason = `CI tag > ${a['ci-tag-days']}d`; }
  return { id: v.id, digest: v.name.slice(0, 19), tags: tags.join(',') || '-', created: v.created_at.slice(0, 10), age: Math.floor(age), decision, reason };
});

console.table(plan);
const del = plan.filter((p) => p.decision === 'delete');
console.log(`\n${owner}/${a.package}: ${versions.length} versions, ${del.length} to delete, ${versions.length - del.length} kept`);
if (!a.apply) { console.log('dry run: nothing deleted (add --apply)'); process.exit(0); }
if (!del.length) process.exit(0);

const rl = readline.createInterface({ input: process.stdin, output: process.stdout });
const typed = (await rl.question(`Type ${owner}/${a.package} to delete ${del.length} versions: `)).trim();
rl.close();
if (typed !== `${owner}/${a.package}`) { console.log('confirmation mismatch; nothing deleted'); process.exit(1); }

let ok = 0;
for (const p of del) {
  const r = await fetch(`${pkgPath}/versions/${p.id}`, { method: 'DELETE', headers: H });
  if (r.status === 204) ok++; else console.error(`FAIL ${p.id} (${p.tags}): ${r.status} ${await r.text()}`);
  await new Promise((res) => setTimeout(res, 250));
}
console.log(`deleted ${ok}/${del.length}`);
