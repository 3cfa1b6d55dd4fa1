#!/usr/bin/env python3
"""List merged PRs since a tag, grouped for release notes, with a suggested bump."""
from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys


def gh(*args: str) -> str:
    return subprocess.run(["gh", *args], check=True, capture_output=True, text=True).stdout


def tag_date(tag: str) -> str:
    out = subprocess.run(["git", "log", "-1", "--format=%cI", tag], check=True, capture_output=True, text=True)
    return out.stdout.strip()


def classify(pr: dict) -> str:
    labels = {l["name"].lower() for l in pr.get("labels", [])}
    title = pr["title"]
    if "breaking" in labels or re.match(r"^\w+(\([^)]*\))?!:", title):
        return "breaking"
    if labels & {"feature", "enhancement", "feat"} or title.startswith("feat"):
        return "features"
    if labels & {"bug", "fix"} or title.startswith("fix"):
        return "fixes"
    if labels & {"dependencies", "chore", "ci", "refactor"} or re.match(r"^(chore|ci|refactor|build)", title):
        return "internal"
    return "other"


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--since", required=True, help="previous tag")
    ap.add_argument("--limit", type=int, default=300)
    a = ap.parse_args()

    since = tag_date(a.since)
    prs = json.loads(gh("pr", "list", "--state", "merged", "--limit", str(a.limit),
                        "--search", f"merged:>={since[:10]}",
                        "--json", "number,title,author,labels,mergedAt,closingIssuesReferences"))
    prs = [p for p in prs if p["mergedAt"] >= since]
    groups: dict[str, list] = {}
    authors: set[str] = set()
    for p in prs:
        groups.setdefault(classify(p), []).append({
            "number": p["number"], "title": p["title"], "author": p["author"]["login"],
            "issues": [i["number"] for i in p.get("closingIssuesReferences", [])],
        })
        authors.add(p["author"]["login"])
    bump = "major" if groups.get("breaking") else "minor" if groups.get("features") else "patch"
    json.dump({"since": a.since, "suggested_bump": bump, "groups": groups,
               "contributors": sorted(authors)}, sys.stdout, indent=2)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
