#!/usr/bin/env python3
"""Plan and apply archiving of stale GitHub repositories for an owner the user names (via gh CLI)."""
from __future__ import annotations

import argparse
import base64
import datetime as dt
import fnmatch
import json
import subprocess
import sys
from pathlib import Path

QUERY = """
query($owner: String!, $cursor: String) {
  repositoryOwner(login: $owner) {
    repositories(first: 100, after: $cursor, ownerAffiliations: OWNER) {
      pageInfo { hasNextPage endCursor }
      nodes {
        nameWithOwner isArchived isFork isTemplate visibility pushedAt stargazerCount
        defaultBranchRef { name }
        pullRequests(states: OPEN) { totalCount }
        issues(states: OPEN) { totalCount }
        releases(first: 1, orderBy: {field: CREATED_AT, direction: DESC}) { nodes { createdAt } }
        viewerPermission
      }
    }
  }
}
"""


def gh(*args: str, stdin: str | None = None) -> str:
    res = subprocess.run(["gh", *args], capture_output=True, text=True, input=stdin)
    if res.returncode != 0:
        raise RuntimeError(res.stderr.strip())
    return res.stdout


def parse_time(s: str | None) -> dt.datetime | None:
    return dt.datetime.fromisoformat(s.replace("Z", "+00:00")) if s else None


def scheduled_workflows(repo: str) -> list[str]:
    try:
        listing = json.loads(gh("api", f"repos/{repo}/contents/.github/workflows"))
    except (RuntimeError, json.JSONDecodeError):
        return []
    found = []
    for f in listing if isinstance(listing, list) else []:
        if not f.get("name", "").endswith((".yml", ".yaml")):
            continue
        try:
            blob = json.loads(gh("api", f"repos/{repo}/contents/{f['path']}"))
            text = base64.b64decode(blob.get("content", "")).decode(errors="replace")
        except (RuntimeError, json.JSONDecodeError, ValueError):
            continue
        if "schedule:" in text:
            found.append(f["name"])
    return found


def plan(args: argparse.Namespace) -> int:
    cutoff = dt.datetime.now(dt.timezone.utc) - dt.timedelta(days=args.idle_days)
    cursor, repos = None, []
    while True:
        cmd = ["api", "graphql", "-f", f"query={QUERY}", "-F", f"owner={args.owner}"]
        if cursor:
            cmd += ["-F", f"cursor={cursor}"]
        data = json.loads(gh(*cmd))["data"]["repositoryOwner"]
        if data is None:
            sys.exit(f"owner {args.owner!r} not found or not visible to this token")
        page = data["repositories"]
        repos.extend(page["nodes"])
        if not page["pageInfo"]["hasNextPage"]:
            break
        cursor = page["pageInfo"]["endCursor"]

    candidates = []
    for r in repos:
        name = r["nameWithOwner"]
        short = name.split("/", 1)[1]
        if r["isArchived"] or r["isTemplate"] or (r["isFork"] and not args.include_forks):
            continue
        if any(fnmatch.fnmatch(short, pat) for pat in args.exclude):
            continue
        pushed = parse_time(r["pushedAt"])
        if pushed and pushed > cutoff:
            continue
        if r["pullRequests"]["totalCount"] > 0:
            continue
        rel = r["releases"]["nodes"]
        if rel and parse_time(rel[0]["createdAt"]) > cutoff:
            continue
        candidates.append({"repo": name, "archive": True, "last_push": r["pushedAt"],
                           "open_issues": r["issues"]["totalCount"], "stars": r["stargazerCount"],
                           "visibility": r["visibility"].lower(), "permission": r["viewerPermission"],
                           "default_branch": (r["defaultBranchRef"] or {}).get("name"),
                           "scheduled_workflows": scheduled_workflows(name)})

    print(f"{'REPO':<40} {'LAST PUSH':<11} {'ISSUES':>6} {'STARS':>6}  VIS")
    for c in candidates:
        note = "  (no admin rights)" if c["permission"] != "ADMIN" else ""
        sched = f"  schedules: {', '.join(c['scheduled_workflows'])}" if c["scheduled_workflows"] else ""
        print(f"{c['repo']:<40} {(c['last_push'] or 'never')[:10]:<11} {c['open_issues']:>6} {c['stars']:>6}  "
              f"{c['visibility']}{note}{sched}")
    Path(args.out).write_text(json.dumps({"owner": args.owner, "idle_days": args.idle_days,
                                          "created": dt.datetime.now(dt.timezone.utc).isoformat(),
                                          "repos": candidates}, indent=2))
    print(f"{len(candidates)} candidate(s) of {len(repos)} repositories written to {args.out}")
    return 0


def still_stale(repo: str, idle_days: int) -> tuple[bool, str]:
    info = json.loads(gh("api", f"repos/{repo}"))
    if info.get("archived"):
        return False, "already archived"
    if not info.get("permissions", {}).get("admin"):
        return False, "no admin permission"
    pushed = parse_time(info.get("pushed_at"))
    if pushed and pushed > dt.datetime.now(dt.timezone.utc) - dt.timedelta(days=idle_days):
        return False, f"pushed {info['pushed_at']}"
    prs = json.loads(gh("api", f"repos/{repo}/pulls?state=open&per_page=1"))
    if prs:
        return False, "has open pull requests"
    return True, ""


def add_notice(repo: str, branch: str) -> None:
    try:
        readme = json.loads(gh("api", f"repos/{repo}/readme"))
    except RuntimeError:
        return
    text = base64.b64decode(readme["content"]).decode(errors="replace")
    notice = f"> **Archived** on {dt.date.today()}: no longer maintained.\n\n"
    body = json.dumps({"message": "docs: mark repository as archived",
                       "content": base64.b64encode((notice + text).encode()).decode(),
                       "sha": readme["sha"], "branch": branch})
    gh("api", "-X", "PUT", f"repos/{repo}/contents/{readme['path']}", "--input", "-", stdin=body)


def apply(args: argparse.Namespace) -> int:
    data = json.loads(Path(args.plan).read_text())
    selected = [r for r in data["repos"] if r.get("archive")]
    ready = []
    for r in selected:
        ok, why = still_stale(r["repo"], data["idle_days"])
        if ok:
            ready.append(r)
        else:
            print(f"skip {r['repo']}: {why}")
    if not ready:
        print("nothing to archive")
        return 0
    for r in ready:
        print(f"  {r['repo']}")
    if not args.yes and input(f"Archive {len(ready)} repositories? [y/N] ").strip().lower() not in {"y", "yes"}:
        print("cancelled")
        return 1
    applied = []
    for r in ready:
        try:
            if args.notice and r.get("default_branch"):
                add_notice(r["repo"], r["default_branch"])
            gh("api", "-X", "PATCH", f"repos/{r['repo']}", "-F", "archived=true")
            r["archived_at"] = dt.datetime.now(dt.timezone.utc).isoformat()
            applied.append(r)
            print(f"archived {r['repo']}")
        except RuntimeError as exc:
            print(f"failed {r['repo']}: {exc}", file=sys.stderr)
    out = Path(args.plan).with_suffix(".applied.json")
    out.write_text(json.dumps({"owner": data["owner"], "repos": applied}, indent=2))
    print(f"{len(applied)} archived; record in {out}")
    return 0


def unarchive(args: argparse.Namespace) -> int:
    data = json.loads(Path(args.plan).read_text())
    repos = [r["repo"] for r in data["repos"]]
    for r in repos:
        print(f"  {r}")
    if not args.yes and input(f"Unarchive {len(repos)} repositories? [y/N] ").strip().lower() not in {"y", "yes"}:
        return 1
    for r in repos:
        gh("api", "-X", "PATCH", f"repos/{r}", "-F", "archived=false")
        print(f"unarchived {r}")
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    sub = ap.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("plan")
    p.add_argument("--owner", required=True)
    p.add_argument("--idle-days", type=int, default=730)
    p.add_argument("--exclude", action="append", default=[])
    p.add_argument("--include-forks", action="store_true")
    p.add_argument("--out", default="plan.json")
    a = sub.add_parser("apply")
    a.add_argument("plan")
    a.add_argument("--notice", action="store_true")
    a.add_argument("--yes", action="store_true")
    u = sub.add_parser("unarchive")
    u.add_argument("plan")
    u.add_argument("--yes", action="store_true")
    args = ap.parse_args()
    return {"plan": plan, "apply": apply, "unarchive": unarchive}[args.cmd](args)


if __name__ == "__main__":
    sys.exit(main())
