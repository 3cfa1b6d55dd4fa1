#!/usr/bin/env node
// List open PRs waiting on review longer than --hours. Read-only; uses GITHUB_TOKEN.
// Usage: node stale_prs.mjs --repo owner/name [--repo ...] [--hours 24] [--limit 200]

const args = process.argv.slice(2);
const repos = [];
let hours = 24;
let limit = 200;
for (let i = 0; i < args.length; i++) {
  if (args[i] === "--repo") repos.push(args[++i]);
  else if (args[i] === "--hours") hours = Number(args[++i]);
  else if (args[i] === "--limit") limit = Number(args[++i]);
}
if (!repos.length) {
  console.error("usage: stale_prs.mjs --repo owner/name [--hours 24]");
  process.exit(2);
}
const token = process.env.GITHUB_TOKEN;
if (!token) {
  console.error("GITHUB_TOKEN is not set (try: export GITHUB_TOKEN=$(gh auth token))");
  process.exit(2);
}

const API = "https://api.github.com";
async function gh(path) {
  const res = await fetch(`${API}${path}`, {
    headers: {
      Authorization: `Bearer ${token}`,
      Accept: "application/vnd.github+json",
      "X-GitHub-Api-Version": "2022-11-28",
    },
  });
  if (!res.ok) throw new Error(`${res.status} ${path}`);
  return res.json();
}

const SKIP_LABELS = new Set(["do-not-review", "wip", "blocked"]);
const now = Date.now();
const out = [];
let seen = 0;

for (const repo of repos) {
  const prs = await gh(`/repos/${repo}/pulls?state=open&per_page=100`);
  for (const pr of prs) {
    if (++seen > limit) break;
    if (pr.draft || pr.labels.some((l) => SKIP_LABELS.has(l.name.toLowerCase()))) continue;
    const [reviews, commits, detail] = await Promise.all([
      gh(`/repos/${repo}/pulls/${pr.number}/reviews?per_page=100`),
      gh(`/repos/${repo}/pulls/${pr.number}/commits?per_page=100`),
      gh(`/repos/${repo}/pulls/${pr.number}`),
    ]);
    const lastReview = reviews.reduce((t, r) => Math.max(t, Date.parse(r.submitted_at || 0)), 0);
    const lastPush = commits.reduce((t, c) => Math.max(t, Date.parse(c.commit.committer.date)), 0);
    const approved = reviews.some((r) => r.state === "APPROVED" && Date.parse(r.submitted_at) >= lastPush);
    if (approved) continue;
    const since = lastReview > lastPush ? null : Math.max(lastPush, Date.parse(pr.created_at));
    if (since === null) continue; // ball is in the author's court
    const waited = (now - since) / 3.6e6;
    if (waited < hours) continue;
    out.push({
      repo,
      number: pr.number,
      title: pr.title,
      url: pr.html_url,
      author: pr.user.login,
      requested: pr.requested_reviewers.map((u) => u.login),
      teams: pr.requested_teams.map((t) => t.slug),
      waitedHours: Math.round(waited),
      additions: detail.additions,
      deletions: detail.deletions,
    });
  }
}

out.sort((a, b) => b.waitedHours - a.waitedHours);
process.stdout.write(JSON.stringify(out, null, 2) + "\n");
console.error(`${out.length} PR(s) waiting > ${hours}h across ${repos.length} repo(s)`);
