#!/usr/bin/env python3
"""Collect open pull requests for a repository and classify them for triage.

Read-only: issues GET requests to the GitHub REST API using GITHUB_TOKEN.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
import urllib.error
import urllib.parse
import urllib.request

DEFAULT_API = "https://api.github.com"


def token() -> str:
    tok = os.environ.get("GITHUB_TOKEN") or os.environ.get("GH_TOKEN")
    if not tok:
        sys.exit("GITHUB_TOKEN (or GH_TOKEN) is not set; see SKILL.md")
    return tok


def get(api: str, path: str, params: dict | None = None):
    url = api.rstrip("/") + path
    if params:
        url += "?" + urllib.parse.urlencode(params)
    req = urllib.request.Request(url, headers={
        "Authorization": f"Bearer {token()}",
        "Accept": "application/vnd.github+json",
        "X-GitHub-Api-Version": "2022-11-28",
        "User-Agent": "github-pr-triage-skill",
    })
    try:
        with urllib.request.urlopen(req, timeout=30) as resp:
            if resp.headers.get("X-RateLimit-Remaining") == "0":
                sys.exit("GitHub rate limit exhausted; try again after reset")
            return json.load(resp)
    except urllib.error.HTTPError as err:
        sys.exit(f"GitHub API error {err.code} for {path}: {err.read().decode(errors='replace')[:300]}")


def paged(api: str, path: str, params: dict):
    page = 1
    while True:
        batch = get(api, path, {**params, "per_page": 100, "page": page})
        if not batch:
            return
        yield from batch
        if len(batch) < 100:
            return
        page += 1


def parse_ts(s: str) -> dt.datetime:
    return dt.datetime.fromisoformat(s.replace("Z", "+00:00"))


def classify(pr: dict, reviews: list, checks: dict, stale_days: int) -> str:
    if pr.get("draft"):
        return "draft"
    now = dt.datetime.now(dt.timezone.utc)
    if (now - parse_ts(pr["updated_at"])).days >= stale_days:
        return "stale"
    conclusions = {c.get("conclusion") for c in checks.get("check_runs", [])}
    if conclusions & {"failure", "timed_out", "cancelled"}:
        return "failing"
    latest = {}
    for r in reviews:
        latest[r["user"]["login"]] = r["state"]
    states = set(latest.values())
    if "APPROVED" in states and "CHANGES_REQUESTED" not in states and pr.get("mergeable_state") != "dirty":
        return "ready"
    return "needs-review"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("repo", help="owner/name")
    ap.add_argument("--stale-days", type=int, default=10)
    ap.add_argument("--author")
    ap.add_argument("--label")
    ap.add_argument("--format", choices=["markdown", "json"], default="markdown")
    ap.add_argument("--api-url", default=os.environ.get("GITHUB_API_URL", DEFAULT_API))
    args = ap.parse_args()

    if args.repo.count("/") != 1:
        sys.exit("repository must be owner/name")

    rows = []
    for pr in paged(args.api_url, f"/repos/{args.repo}/pulls", {"state": "open"}):
        if args.author and pr["user"]["login"] != args.author:
            continue
        if args.label and args.label not in {l["name"] for l in pr.get("labels", [])}:
            continue
        detail = get(args.api_url, f"/repos/{args.repo}/pulls/{pr['number']}")
        reviews = get(args.api_url, f"/repos/{args.repo}/pulls/{pr['number']}/reviews")
        checks = get(args.api_url, f"/repos/{args.repo}/commits/{pr['head']['sha']}/check-runs")
        failing = [c["name"] for c in checks.get("check_runs", [])
                   if c.get("conclusion") in ("failure", "timed_out", "cancelled")]
        rows.append({
            "number": pr["number"],
            "title": pr["title"],
            "author": pr["user"]["login"],
            "url": pr["html_url"],
            "created_at": pr["created_at"],
            "updated_at": pr["updated_at"],
            "additions": detail.get("additions", 0),
            "deletions": detail.get("deletions", 0),
            "group": classify(detail, reviews, checks, args.stale_days),
            "failing_checks": failing,
        })

    rows.sort(key=lambda r: r["created_at"])
    if args.format == "json":
        json.dump(rows, sys.stdout, indent=2)
        print()
        return

    order = ["ready", "needs-review", "failing", "stale", "draft"]
    titles = {"ready": "Ready to merge", "needs-review": "Blocked on review",
              "failing": "Failing checks", "stale": "Stale", "draft": "Drafts"}
    for g in order:
        group = [r for r in rows if r["group"] == g]
        if not group:
            continue
        print(f"## {titles[g]} ({len(group)})")
        for r in group:
            extra = f" — failing: {', '.join(r['failing_checks'])}" if r["failing_checks"] else ""
            print(f"- #{r['number']} {r['title']} (@{r['author']}, +{r['additions']}/-{r['deletions']}){extra}")
            print(f"  {r['url']}")
        print()


if __name__ == "__main__":
    main()
