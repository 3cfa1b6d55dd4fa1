#!/usr/bin/env node
// Find likely duplicate GitHub issues using embeddings.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

const CACHE = '.issue-cache';
const ISSUES = `${CACHE}/issues.json`;
const EMB = `${CACHE}/embeddings.json`;

const { positionals, values: opt } = parseArgs({
  allowPositionals: true,
  options: {
    repo: { type: 'string' }, state: { type: 'string', default: 'open' }, out: { type: 'string', default: ISSUES },
    provider: { type: 'string', default: 'openai' }, model: { type: 'string', default: 'text-embedding-3-small' },
    threshold: { type: 'string', default: '0.86' }, top: { type: 'string', default: '50' }, issue: { type: 'string' },
  },
});
const cmd = positionals[0];
mkdirSync(CACHE, { recursive: true });
if (!existsSync(`${CACHE}/.gitignore`)) writeFileSync(`${CACHE}/.gitignore`, '*\n');

function prepare(issue) {
  let body = (issue.body ?? '').replace(/```[\s\S]*?```/g, block => {
    const lines = block.split('\n');
    return lines.length > 40 ? lines.slice(0, 11).join('\n') + '\n```' : block;
  });
  body = body.replace(/<!--[\s\S]*?-->/g, '').slice(0, 6000);
  return `${issue.title}\n\n${body}`;
}
const hash = s => createHash('sha256').update(s).digest('hex').slice(0, 16);

async function embedOpenAI(texts, model) {
  const key = process.env.OPENAI_API_KEY;
  if (!key) throw new Error('OPENAI_API_KEY is not set (or use --provider local)');
  const res = await fetch('https://api.openai.com/v1/embeddings', {
    method: 'POST',
    headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ model, input: texts }),
  });
  if (!res.ok) throw new Error(`OpenAI ${res.status}: ${(await res.text()).slice(0, 300)}`);
  return (await res.json()).data.map(d => d.embedding);
}

let localPipe;
async function embedLocal(texts) {
  if (!localPipe) {
    const { pipeline } = await import('@xenova/transformers');
    localPipe = await pipeline('feature-extraction', 'Xenova/all-MiniLM-L6-v2');
  }
  const out = [];
  for (const t of texts) out.push(Array.from((await localPipe(t, { pooling: 'mean', normalize: true })).data));
  return out;
}

function cosine(a, b) {
  let dot = 0, na = 0, nb = 0;
  for (let i = 0; i < a.length; i++) { dot += a[i] * b[i]; na += a[i] * a[i]; nb += b[i] * b[i]; }
  return dot / Math.sqrt(na * nb);
}

function load(path, fallback) { return existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : fallback; }

if (cmd === 'fetch') {
  const args = ['issue', 'list', '--state', opt.state, '--limit', '2000',
                '--json', 'number,title,body,labels,state,createdAt,url'];
  if (opt.repo) args.push('--repo', opt.repo);
  const issues = JSON.parse(execFileSync('gh', args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 }));
  writeFileSync(opt.out, JSON.stringify(issues, null, 1));
  console.log(`fetched ${issues.length} issue(s) -> ${opt.out}`);
} else if (cmd === 'embed') {
  const issues = load(ISSUES, []);
  const cache = load(EMB, {});
  const todo = issues.filter(i => cache[i.number]?.hash !== hash(prepare(i)) || cache[i.number]?.model !== opt.model);
  console.log(`${issues.length - todo.length} cached, ${todo.length} to embed with ${opt.provider}`);
  for (let i = 0; i < todo.length; i += 64) {
    const batch = todo.slice(i, i + 64);
    const texts = batch.map(prepare);
    const vecs = opt.provider === 'local' ? await embedLocal(texts) : await embedOpenAI(texts, opt.model);
    batch.forEach((iss, k) => { cache[iss.number] = { hash: hash(texts[k]), model: opt.model, v: vecs[k] }; });
    writeFileSync(EMB, JSON.stringify(cache));
    process.stdout.write(`\r${Math.min(i + 64, todo.length)}/${todo.length}`);
  }
  console.log('\ndone');
} else if (cmd === 'pairs' || cmd === 'similar') {
  const issues = Object.fromEntries(load(ISSUES, []).map(i => [i.number, i]));
  const cache = load(EMB, {});
  const nums = Object.keys(cache).filter(n => issues[n]);
  const pairs = [];
  if (cmd === 'similar') {
    const target = cache[opt.issue];
    if (!target) { console.error(`issue ${opt.issue} not embedded; run fetch + embed`); process.exit(1); }
    for (const n of nums) if (n !== opt.issue) pairs.push([cosine(target.v, cache[n].v), opt.issue, n]);
  } else {
    const th = Number(opt.threshold);
    for (let i = 0; i < nums.length; i++)
      for (let j = i + 1; j < nums.length; j++) {
        const s = cosine(cache[nums[i]].v, cache[nums[j]].v);
        if (s >= th) pairs.push([s, nums[i], nums[j]]);
      }
  }
  pairs.sort((a, b) => b[0] - a[0]);
  console.log(`# Candidate duplicates (${opt.provider}/${opt.model})\n`);
  for (const [s, a, b] of pairs.slice(0, Number(opt.top))) {
    const A = issues[a], B = issues[b];
    console.log(`- **${s.toFixed(3)}** #${a} "${A.title}" (${A.state.toLowerCase()}, ${A.createdAt.slice(0, 10)})\n` +
                `  ↔ #${b} "${B.title}" (${B.state.toLowerCase()}, ${B.createdAt.slice(0, 10)})`);
  }
} else {
  console.error('usage: dedupe.mjs fetch|embed|pairs|similar [options]');
  process.exit(2);
}
