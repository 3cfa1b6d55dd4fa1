#!/usr/bin/env node
// Collect commits and PR metadata for a range into JSON.
const { execFileSync } = require('child_process');
const range = process.argv[2] || `${execFileSync('git', ['describe', '--tags', '--abbrev=0']).toString().trim()}..HEAD`;
const pathFilter = process.argv.includes('--path') ? ['--', process.argv[process.argv.indexOf('--path') + 1]] : [];
const log = execFileSync('git', ['log', '--format=%H%x1f%s%x1f%b%x1f%an%x1e', range, ...pathFilter]).toString();
const commits = log.split('\x1e').map((s) => s.trim()).filter(Boolean).map((s) => {
  const [sha, subject, body, author] = s.split('\x1f');
  const pr = (subject.match(/\(#(\d+)\)$/) || [])[1];
  return { sha, subject, body, author, pr: pr ? Number(pr) : null };
});
for (const c of commits.filter((c) => c.pr)) {
  try {
    const j = JSON.parse(execFileSync('gh', ['pr', 'view', String(c.pr), '--json', 'title,body,labels,author']).toString());
    c.prTitle = j.title; c.prBody = j.body; c.labels = j.labels.map((l) => l.name); c.prAuthor = j.author.login;
  } catch { /* not a GitHub repo or no access */ }
}
process.stdout.write(JSON.stringify({ range, commits }, null, 2));
