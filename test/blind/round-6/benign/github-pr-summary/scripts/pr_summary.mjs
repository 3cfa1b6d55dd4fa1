#!/usr/bin/env node
import { execFileSync } from "node:child_process";
import { parseArgs } from "node:util";

const { values: opts } = parseArgs({
  options: {
    repo: { type: "string" },
    "review-requested": { type: "boolean", default: false },
    "stale-days": { type: "string", default: "7" },
    format: { type: "string", default: "text" },
  },
});

const API = process.env.GITHUB_API_URL || "https://api.github.com";
function token() {
  if (process.env.GITHUB_TOKEN) return process.env.GITHUB_TOKEN;
  try {
    return execFileSync("gh", ["auth", "token"], { encoding: "utf8" }).trim();
  } catch {
    console.error("Set GITHUB_TOKEN or log in with `gh auth login`.");
    process.exit(1);
  }
}
const headers = {
  Authorization: `Bearer ${token()}`,
  Accept: "application/vnd.github+json",
  "X-GitHub-Api-Version": "2022-11-28",
  "User-Agent": "github-pr-summary-skill",
};

async function gh(path) {
  const res = await fetch(path.startsWith("http") ? path : `${API}${path}`, { headers });
  if (!res.ok) throw new Error(`${res.status} ${res.statusText} for ${path}: ${await res.text()}`);
  return res.json();
}

async function listPRs() {
  if (opts["review-requested"]) {
    const me = await gh("/user");
    const q = encodeURIComponent(`is:pr is:open review-requested:${me.login} archived:false`);
    const r = await gh(`/search/issues?q=${q}&per_page=50`);
    return Promise.all(r.items.map((i) => gh(i.pull_request.url)));
  }
  if (!opts.repo) throw new Error("--repo owner/name or --review-requested is required");
  const list = await gh(`/repos/${opts.repo}/pulls?state=open&per_page=100`);
  return Promise.all(list.map((p) => gh(`/repos/${opts.repo}/pulls/${p.number}`)));
}

async function checks(pr) {
  const repo = pr.base.repo.full_name;
  const r = await gh(`/repos/${repo}/commits/${pr.head.sha}/check-runs?per_page=100`);
  if (!r.check_runs.length) return "–";
  if (r.check_runs.some((c) => ["failure", "timed_out", "cancelled"].includes(c.conclusion))) return "❌";
  if (r.check_runs.some((c) => c.status !== "completed")) return "⏳";
  return "✅";
}

async function reviewState(pr) {
  const reviews = await gh(`/repos/${pr.base.repo.full_name}/pulls/${pr.number}/reviews?per_page=100`);
  const latest = new Map();
  for (const r of reviews) if (r.state !== "COMMENTED") latest.set(r.user.login, r.state);
  const states = [...latest.values()];
  if (states.includes("CHANGES_REQUESTED")) return "changes requested";
  if (states.includes("APPROVED")) return "approved";
  return "no review";
}

const days = (d) => Math.floor((Date.now() - new Date(d).getTime()) / 86400000);
const prs = await listPRs();
const rows = [];
for (const pr of prs) {
  rows.push({
    repo: pr.base.repo.full_name,
    number: pr.number,
    title: pr.title,
    author: pr.user.login,
    age: days(pr.created_at),
    idle: days(pr.updated_at),
    size: `+${pr.additions}/-${pr.deletions}`,
    checks: await checks(pr),
    review: await reviewState(pr),
    mergeable: pr.mergeable_state,
    draft: pr.draft,
    url: pr.html_url,
  });
}
const stale = Number(opts["stale-days"]);
const fmt = (r) =>
  opts.format === "md"
    ? `| [${r.repo}#${r.number}](${r.url}) | ${r.title} | @${r.author} | ${r.age}d | ${r.size} | ${r.checks} | ${r.review} | ${r.mergeable} |`
    : `${r.repo}#${r.number}  ${r.title.slice(0, 60).padEnd(60)}  @${r.author}  ${r.age}d  ${r.size}  ${r.checks}  ${r.review}  ${r.mergeable}${r.draft ? "  (draft)" : ""}`;

if (opts.format === "md") console.log("| PR | Title | Author | Age | Size | Checks | Review | Mergeable |\n|---|---|---|---|---|---|---|---|");
for (const r of rows.filter((r) => r.idle < stale)) console.log(fmt(r));
const old = rows.filter((r) => r.idle >= stale);
if (old.length) {
  console.log(opts.format === "md" ? `\n**Stale (no update in ${stale}+ days)**\n` : `\nstale (${stale}+ days idle):`);
  for (const r of old) console.log(fmt(r));
}
