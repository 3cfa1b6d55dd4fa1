#!/usr/bin/env python3
"""Fetch an RFC thread (GitHub issue/PR/discussion) via the gh CLI as flat JSON."""
import argparse
import json
import re
import subprocess
import sys

BOT = re.compile(r"(\[bot\]$|^github-actions$|^dependabot|^renovate|^stale|^cla-?bot|^codecov)", re.I)

DISCUSSION_Q = """
query($owner:String!, $repo:String!, $number:Int!, $cursor:String) {
  repository(owner:$owner, name:$repo) {
    discussion(number:$number) {
      title body author { login } createdAt url
      comments(first:50, after:$cursor) {
        pageInfo { hasNextPage endCursor }
        nodes {
          id author { login } createdAt body url isMinimized
          reactions { totalCount }
          replies(first:100) { nodes { id author { login } createdAt body url isMinimized reactions { totalCount } } }
        }
      }
    }
  }
}"""


def gh(*args):
    r = subprocess.run(["gh", *args], capture_output=True, text=True)
    if r.returncode != 0:
        sys.exit(f"gh {' '.join(args[:2])} failed: {r.stderr.strip()}")
    return r.stdout


def gh_paginated(path):
    out = gh("api", "--paginate", "-H", "Accept: application/vnd.github+json", path)
    # --paginate concatenates JSON arrays; normalise
    return json.loads("[" + out.replace("]\n[", ",").strip().lstrip("[").rstrip("]") + "]") if out.strip() else []


def norm(author, created, body, url, cid, reply_to=None, reactions=0, minimized=False):
    return {"id": cid, "author": author or "ghost", "created_at": created, "body": body or "",
            "reply_to": reply_to, "reactions": reactions, "url": url, "minimized": minimized}


def issue_or_pr(owner, repo, number, kind):
    meta = json.loads(gh("api", f"repos/{owner}/{repo}/issues/{number}"))
    items = [norm(meta["user"]["login"], meta["created_at"], meta["body"], meta["html_url"], "body")]
    for c in gh_paginated(f"repos/{owner}/{repo}/issues/{number}/comments?per_page=100"):
        items.append(norm(c["user"]["login"], c["created_at"], c["body"], c["html_url"], c["id"],
                          reactions=c.get("reactions", {}).get("total_count", 0)))
    if kind == "pull":
        for c in gh_paginated(f"repos/{owner}/{repo}/pulls/{number}/comments?per_page=100"):
            items.append(norm(c["user"]["login"], c["created_at"], f"[{c['path']}:{c.get('line')}] {c['body']}",
                              c["html_url"], c["id"], reply_to=c.get("in_reply_to_id"),
                              reactions=c.get("reactions", {}).get("total_count", 0)))
        for rv in gh_paginated(f"repos/{owner}/{repo}/pulls/{number}/reviews?per_page=100"):
            if rv.get("body"):
                items.append(norm(rv["user"]["login"], rv["submitted_at"], f"[review: {rv['state']}] {rv['body']}",
                                  rv["html_url"], rv["id"]))
    return meta["title"], items


def discussion(owner, repo, number):
    items, cursor, title = [], None, ""
    while True:
        args = ["api", "graphql", "-f", f"query={DISCUSSION_Q}", "-F", f"owner={owner}", "-F", f"repo={repo}",
                "-F", f"number={number}"]
        if cursor:
            args += ["-F", f"cursor={cursor}"]
        d = json.loads(gh(*args))["data"]["repository"]["discussion"]
        if not items:
            title = d["title"]
            items.append(norm(d["author"]["login"] if d["author"] else None, d["createdAt"], d["body"], d["url"], "body"))
        for c in d["comments"]["nodes"]:
            items.append(norm((c["author"] or {}).get("login"), c["createdAt"], c["body"], c["url"], c["id"],
                              reactions=c["reactions"]["totalCount"], minimized=c["isMinimized"]))
            for r in c["replies"]["nodes"]:
                items.append(norm((r["author"] or {}).get("login"), r["createdAt"], r["body"], r["url"], r["id"],
                                  reply_to=c["id"], reactions=r["reactions"]["totalCount"], minimized=r["isMinimized"]))
        if not d["comments"]["pageInfo"]["hasNextPage"]:
            break
        cursor = d["comments"]["pageInfo"]["endCursor"]
    return title, items


def from_markdown(path):
    text = open(path, encoding="utf-8").read()
    items = []
    for i, m in enumerate(re.finditer(r"^(?P<who>[^\n—-]+?)\s+[—-]\s+(?P<when>[^\n]+)\n(?P<body>.*?)(?=^\S[^\n]*\s[—-]\s|\Z)", text, re.M | re.S)):
        items.append(norm(m["who"].strip(), m["when"].strip(), m["body"].strip(), None, i))
    return path, items


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("url", nargs="?")
    ap.add_argument("--from-markdown")
    ap.add_argument("--since")
    ap.add_argument("--include-bots", action="store_true")
    a = ap.parse_args()
    if a.from_markdown:
        title, items = from_markdown(a.from_markdown)
    else:
        m = re.match(r"https://github\.com/(?:orgs/)?([^/]+)/([^/]+)/(issues|pull|discussions)/(\d+)", a.url or "")
        if not m:
            sys.exit("expected a github.com issue, pull or discussion URL")
        owner, repo, kind, number = m.group(1), m.group(2), m.group(3), int(m.group(4))
        title, items = discussion(owner, repo, number) if kind == "discussions" else issue_or_pr(owner, repo, number, kind)
    if not a.include_bots:
        items = [c for c in items if not BOT.search(c["author"])]
    if a.since:
        items = [c for c in items if c["id"] == "body" or (c["created_at"] or "") >= a.since]
    items.sort(key=lambda c: c["created_at"] or "")
    json.dump({"title": title, "source": a.url or a.from_markdown, "count": len(items), "comments": items},
              sys.stdout, indent=2, ensure_ascii=False)
    print()


if __name__ == "__main__":
    main()
