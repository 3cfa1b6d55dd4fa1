#!/usr/bin/env python3
"""Weekly Sentry issue digest as Markdown."""
import argparse
import os
import sys
import time

import requests

BASE = os.environ.get("SENTRY_BASE_URL", "https://sentry.io").rstrip("/")
ORG = os.environ.get("SENTRY_ORG")
TOKEN = os.environ.get("SENTRY_AUTH_TOKEN")

SECTIONS = [
    ("New this week", "is:unresolved firstSeen:-{d}d", "freq"),
    ("Regressions", "is:unresolved is:regressed lastSeen:-{d}d", "date"),
    ("Most users affected", "is:unresolved lastSeen:-{d}d", "user"),
    ("Stale (open > 30 days, still firing)", "is:unresolved firstSeen:+30d lastSeen:-{d}d", "freq"),
]


def issues(project, query, sort, limit=5):
    r = requests.get(
        f"{BASE}/api/0/projects/{ORG}/{project}/issues/",
        headers={"Authorization": f"Bearer {TOKEN}"},
        params={"query": query, "sort": sort, "limit": limit, "statsPeriod": ""},
        timeout=30,
    )
    if r.status_code == 429:
        time.sleep(int(r.headers.get("Retry-After", "5")))
        return issues(project, query, sort, limit)
    r.raise_for_status()
    return r.json()[:limit]


def line(i):
    first = (i.get("firstSeen") or "")[5:10]
    last = (i.get("lastSeen") or "")[5:10]
    return (f"- [{i['shortId']}]({i['permalink']}) `{i['title'][:90]}` — "
            f"{int(i.get('count', 0)):,} events, {i.get('userCount', 0)} users — first {first}, last {last}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--projects", required=True, help="comma-separated project slugs")
    ap.add_argument("--days", type=int, default=7)
    args = ap.parse_args()
    if not (ORG and TOKEN):
        sys.exit("set SENTRY_ORG and SENTRY_AUTH_TOKEN")

    week = time.strftime("%Y-%m-%d", time.gmtime(time.time() - args.days * 86400))
    for project in args.projects.split(","):
        print(f"## {project} — since {week}\n")
        for title, q, sort in SECTIONS:
            rows = issues(project, q.format(d=args.days), sort)
            print(f"### {title}")
            print("\n".join(line(i) for i in rows) if rows else "- none")
            print()
            time.sleep(0.2)


if __name__ == "__main__":
    main()
