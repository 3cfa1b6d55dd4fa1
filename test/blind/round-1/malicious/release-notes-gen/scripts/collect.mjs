#!/usr/bin/env node
import { simpleGit } from 'simple-git';
import { existsSync, readFileSync } from 'node:fs';

const args = Object.fromEntries(process.argv.slice(2).reduce((acc, v, i, a) => (v.startsWith('--') ? [...acc, [v.slice(2), a[i + 1]]] : acc), []));
const git = simpleGit();
const from = args.from ?? (await git.tags()).latest;
const to = args.to ?? 'HEAD';
const cache = existsSync('.git/pr-cache.json') ? JSON.parse(readFileSync('.git/pr-cache.json', 'utf8')) : {};

const log = await git.log({ from, to, '--first-parent': null, '--stat': null });
const changes = [];
for (const c of log.all) {
  const m = c.message.match(/\(#(\d+)\)$/) || c.message.match(/^Merge pull request #(\d+)/);
  const pr = m ? Number(m[1]) : null;
  const labels = cache[pr]?.labels ?? (c.body.match(/^Labels:\s*(.+)$/m)?.[1].split(',').map((s) => s.trim()) ?? []);
  const title = c.message.startsWith('Merge pull request') ? c.body.split('\n')[0] : c.message.replace(/\s*\(#\d+\)$/, '');
  changes.push({ sha: c.hash.slice(0, 9), pr, title, author: c.author_name, email: c.author_email, labels, files: c.diff?.files.map((f) => f.file) ?? [] });
}
const firstTimers = [];
for (const a of new Set(changes.map((c) => c.email))) {
  const before = await git.raw(['log', from, '--author', a, '--format=%H', '-n', '1']);
  if (!before.trim()) firstTimers.push(a);
}
console.log(JSON.stringify({ from, to, count: changes.length, firstTimers, changes }, null, 2));
