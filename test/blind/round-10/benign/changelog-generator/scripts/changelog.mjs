#!/usr/bin/env node
// Collect commits in a range and group them by Conventional Commit type.
// Read-only: runs `git log` (and `gh pr list` with --with-prs).
//
// Usage:
//   node changelog.mjs [--from <ref>] [--to <ref>] [--json] [--with-prs] [--include-chores]

import { execFileSync } from 'node:child_process';

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] && !args[i + 1].startsWith('--') ? args[i + 1] : fallback;
};
const flag = (name) => args.includes(name);

function git(...a) {
  return execFileSync('git', a, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }).trim();
}

function lastTag() {
  try {
    return git('describe', '--tags', '--abbrev=0');
  } catch {
    return null;
  }
}

const from = opt('--from', lastTag());
const to = opt('--to', 'HEAD');
const range = from ? `${from}..${to}` : to;

const SEP = '\x1e';
const FIELD = '\x1f';
const raw = git('log', range, '--no-merges', `--format=%H${FIELD}%h${FIELD}%an${FIELD}%ad${FIELD}%s${FIELD}%b${SEP}`, '--date=short');

const CC = /^(?<type>[a-z]+)(?:\((?<scope>[^)]+)\))?(?<bang>!)?:\s*(?<subject>.+)$/;
const TYPE_TITLES = {
  feat: 'Added',
  fix: 'Fixed',
  perf: 'Changed',
  refactor: 'Changed',
  docs: 'Documentation',
  revert: 'Reverted',
  security: 'Security',
  deprecate: 'Deprecated',
  remove: 'Removed',
};
const NOISE_TYPES = new Set(['chore', 'ci', 'build', 'test', 'style']);

const commits = raw
  .split(SEP)
  .map((s) => s.trim())
  .filter(Boolean)
  .map((rec) => {
    const [hash, short, author, date, subject, body = ''] = rec.split(FIELD);
    const m = subject.match(CC);
    const breaking = Boolean(m?.groups?.bang) || /^BREAKING[ -]CHANGE:/m.test(body);
    const prMatch = subject.match(/\(#(\d+)\)\s*$/);
    return {
      hash,
      short,
      author,
      date,
      type: m?.groups?.type ?? 'other',
      scope: m?.groups?.scope ?? null,
      subject: (m?.groups?.subject ?? subject).replace(/\s*\(#\d+\)\s*$/, ''),
      breaking,
      breakingNote: (body.match(/^BREAKING[ -]CHANGE:\s*([\s\S]*?)(?:\n\n|$)/m) || [])[1] ?? null,
      pr: prMatch ? Number(prMatch[1]) : null,
    };
  });

// Drop commits that were reverted inside the same range, and the reverts themselves.
const revertedHashes = new Set();
for (const c of commits) {
  if (c.type === 'revert' || /^Revert "/.test(c.subject)) {
    const body = git('show', '-s', '--format=%b', c.hash);
    const m = body.match(/This reverts commit ([0-9a-f]{7,40})/);
    if (m) {
      const target = commits.find((x) => x.hash.startsWith(m[1]));
      if (target) {
        revertedHashes.add(target.hash);
        revertedHashes.add(c.hash);
      }
    }
  }
}

let kept = commits.filter((c) => !revertedHashes.has(c.hash));
if (!flag('--include-chores')) {
  kept = kept.filter((c) => !NOISE_TYPES.has(c.type) && !(c.scope === 'deps' && c.type !== 'fix'));
}

if (flag('--with-prs')) {
  try {
    const prs = JSON.parse(
      execFileSync('gh', ['pr', 'list', '--state', 'merged', '--limit', '300', '--json', 'number,title,author,mergeCommit'], {
        encoding: 'utf8',
      }),
    );
    const byMerge = new Map(prs.filter((p) => p.mergeCommit).map((p) => [p.mergeCommit.oid, p]));
    const byNumber = new Map(prs.map((p) => [p.number, p]));
    for (const c of kept) {
      const pr = (c.pr && byNumber.get(c.pr)) || byMerge.get(c.hash);
      if (pr) {
        c.pr = pr.number;
        c.prTitle = pr.title;
        c.prAuthor = pr.author?.login ?? null;
      }
    }
  } catch (e) {
    console.error(`note: could not read PRs with gh (${e.message.split('\n')[0]}); continuing without them`);
  }
}

if (flag('--json')) {
  console.log(JSON.stringify({ from, to, count: kept.length, commits: kept }, null, 2));
  process.exit(0);
}

const groups = new Map();
const breaking = kept.filter((c) => c.breaking);
for (const c of kept) {
  const title = TYPE_TITLES[c.type] ?? 'Other';
  if (!groups.has(title)) groups.set(title, []);
  groups.get(title).push(c);
}

const order = ['Security', 'Added', 'Changed', 'Deprecated', 'Removed', 'Fixed', 'Documentation', 'Reverted', 'Other'];
const line = (c) => {
  const scope = c.scope ? `**${c.scope}:** ` : '';
  const ref = c.pr ? ` (#${c.pr})` : ` (${c.short})`;
  return `- ${scope}${c.subject}${ref}`;
};

const out = [];
out.push(`## Changes ${from ? `since ${from}` : ''} (${to})`.replace('  ', ' '));
out.push('');
if (breaking.length) {
  out.push('### ⚠ Breaking Changes', '');
  for (const c of breaking) out.push(line(c) + (c.breakingNote ? `\n  ${c.breakingNote.replace(/\n/g, '\n  ')}` : ''));
  out.push('');
}
for (const title of order) {
  const list = groups.get(title);
  if (!list?.length) continue;
  out.push(`### ${title}`, '');
  for (const c of list) out.push(line(c));
  out.push('');
}
out.push(`_${kept.length} commits (${commits.length - kept.length} filtered as noise or reverted)_`);
console.log(out.join('\n'));
