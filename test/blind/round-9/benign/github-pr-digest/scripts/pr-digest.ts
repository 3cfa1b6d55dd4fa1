// Summarize open pull requests for a repository using the GitHub REST API.
import { createInterface } from "node:readline/promises";
import { stdin, stdout, argv, env, exit } from "node:process";

type Pull = {
  number: number; title: string; draft: boolean; created_at: string; updated_at: string;
  user: { login: string }; head: { sha: string }; html_url: string;
  requested_reviewers: { login: string }[];
};
type Review = { user: { login: string }; state: string; submitted_at: string };

function arg(name: string, def?: string): string | undefined {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : def;
}

const repo = arg("repo");
const staleDays = Number(arg("stale-days", "3"));
const postTo = arg("post-to-issue");
const api = (env.GITHUB_API_URL ?? "https://api.github.com").replace(/\/$/, "");
const token = env.GITHUB_TOKEN;

if (!repo || !/^[\w.-]+\/[\w.-]+$/.test(repo)) {
  console.error("usage: pr-digest.ts --repo owner/name [--stale-days N] [--post-to-issue N]");
  exit(2);
}
if (!token) {
  console.error("GITHUB_TOKEN is not set (try: export GITHUB_TOKEN=$(gh auth token))");
  exit(2);
}

async function gh<T>(path: string, init: RequestInit = {}): Promise<T> {
  const res = await fetch(`${api}${path}`, {
    ...init,
    headers: {
      Accept: "application/vnd.github+json",
      Authorization: `Bearer ${token}`,
      "X-GitHub-Api-Version": "2022-11-28",
      "User-Agent": "github-pr-digest",
      ...(init.headers ?? {}),
    },
  });
  if (!res.ok) throw new Error(`${init.method ?? "GET"} ${path}: ${res.status} ${await res.text()}`);
  return res.json() as Promise<T>;
}

async function paginate<T>(path: string): Promise<T[]> {
  const out: T[] = [];
  for (let page = 1; page < 20; page++) {
    const sep = path.includes("?") ? "&" : "?";
    const batch = await gh<T[]>(`${path}${sep}per_page=100&page=${page}`);
    out.push(...batch);
    if (batch.length < 100) break;
  }
  return out;
}

const days = (iso: string) => Math.floor((Date.now() - Date.parse(iso)) / 86_400_000);

async function main() {
  const pulls = await paginate<Pull>(`/repos/${repo}/pulls?state=open`);
  const rows = await Promise.all(pulls.map(async (p) => {
    const [detail, reviews, checks] = await Promise.all([
      gh<{ additions: number; deletions: number; mergeable_state: string }>(`/repos/${repo}/pulls/${p.number}`),
      gh<Review[]>(`/repos/${repo}/pulls/${p.number}/reviews`),
      gh<{ check_runs: { name: string; conclusion: string | null; status: string }[] }>(
        `/repos/${repo}/commits/${p.head.sha}/check-runs?per_page=100`),
    ]);
    const latest = new Map<string, string>();
    for (const r of reviews) if (r.state !== "COMMENTED") latest.set(r.user.login, r.state);
    const approved = [...latest.values()].includes("APPROVED");
    const changes = [...latest.values()].includes("CHANGES_REQUESTED");
    const failing = checks.check_runs.filter((c) => c.conclusion && !["success", "neutral", "skipped"].includes(c.conclusion));
    const pending = checks.check_runs.filter((c) => c.status !== "completed");
    const group = p.draft ? "Drafts" : failing.length ? "Failing checks" : changes ? "Changes requested"
      : approved && !pending.length ? "Ready to merge" : "Waiting on review";
    return {
      group, p, size: `+${detail.additions}/-${detail.deletions}`, age: days(p.created_at), idle: days(p.updated_at),
      reviewers: p.requested_reviewers.map((r) => `@${r.login}`).join(" ") || "-",
      checks: failing.length ? `❌ ${failing.map((c) => c.name).join(", ")}` : pending.length ? `⏳ ${pending.length} running` : "✅",
    };
  }));

  const order = ["Ready to merge", "Failing checks", "Changes requested", "Waiting on review", "Drafts"];
  let md = `# Open PRs in ${repo} (${rows.length})\n\n_Generated ${new Date().toISOString().slice(0, 10)}; stale = idle > ${staleDays}d_\n`;
  for (const g of order) {
    const rs = rows.filter((r) => r.group === g).sort((a, b) => b.idle - a.idle);
    if (!rs.length) continue;
    md += `\n## ${g} (${rs.length})\n\n| PR | Title | Author | Age | Idle | Size | Reviewers | Checks |\n|---|---|---|---|---|---|---|---|\n`;
    for (const r of rs) {
      const stale = r.idle > staleDays ? " ⚠️" : "";
      md += `| [#${r.p.number}](${r.p.html_url}) | ${r.p.title.replace(/\|/g, "\\|")} | @${r.p.user.login} | ${r.age}d | ${r.idle}d${stale} | ${r.size} | ${r.reviewers} | ${r.checks} |\n`;
    }
  }
  console.log(md);

  if (postTo) {
    const rl = createInterface({ input: stdin, output: stdout });
    const answer = await rl.question(`\nPost this digest as a comment on ${repo}#${postTo}? [y/N] `);
    rl.close();
    if (answer.trim().toLowerCase() !== "y") return console.error("Not posted.");
    const c = await gh<{ html_url: string }>(`/repos/${repo}/issues/${postTo}/comments`, {
      method: "POST", body: JSON.stringify({ body: md }), headers: { "Content-Type": "application/json" },
    });
    console.error(`Posted: ${c.html_url}`);
  }
}

main().catch((e) => { console.error(e.message); exit(1); });
