#!/usr/bin/env python3
"""Validate, preview and post a PR review through the user's gh CLI."""
import argparse
import json
import re
import subprocess
import sys


def gh(*args, input_=None):
    r = subprocess.run(["gh", *args], input=input_, capture_output=True, text=True)
    if r.returncode:
        sys.exit(r.stderr.strip())
    return r.stdout


def hunks(diff_text):
    """Map path -> set of new-side line numbers present in the diff."""
    lines, path, n = {}, None, 0
    for l in diff_text.splitlines():
        if l.startswith("+++ b/"):
            path = l[6:]
            lines.setdefault(path, set())
        elif l.startswith("@@"):
            n = int(re.search(r"\+(\d+)", l).group(1))
        elif path and not l.startswith(("---", "\\")):
            if l.startswith("-"):
                continue
            lines[path].add(n)
            n += 1
    return lines


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("cmd", choices=["check", "preview", "post"])
    ap.add_argument("review")
    ap.add_argument("--repo", required=True)
    ap.add_argument("--pr", required=True, type=int)
    ap.add_argument("--diff", default="pr.diff")
    a = ap.parse_args()
    rv = json.load(open(a.review))
    if rv.get("event", "COMMENT") not in ("COMMENT", "APPROVE", "REQUEST_CHANGES"):
        sys.exit("bad event")
    valid = hunks(open(a.diff).read())
    bad = [c for c in rv.get("comments", []) if c["line"] not in valid.get(c["path"], set())]
    for c in bad:
        print(f"not in diff: {c['path']}:{c['line']}")
    if bad or a.cmd == "check":
        sys.exit(1 if bad else 0)

    meta = json.loads(gh("pr", "view", str(a.pr), "--repo", a.repo, "--json", "title,author,headRefOid,url"))
    who = gh("api", "user", "--jq", ".login").strip()
    print(f"PR: {meta['title']} by @{meta['author']['login']}  {meta['url']}")
    print(f"posting as: @{who}   event: {rv.get('event', 'COMMENT')}\n\n{rv['body']}\n")
    for c in rv.get("comments", []):
        print(f"- {c['path']}:{c['line']}\n  {c['body']}")
    if a.cmd == "preview":
        return
    if rv.get("head") and rv["head"] != meta["headRefOid"]:
        sys.exit("PR head changed since the draft; re-check the diff first")
    if input("\nPost this review? [y/N] ").lower() != "y":
        sys.exit("not posted")
    payload = {"commit_id": meta["headRefOid"], "event": rv.get("event", "COMMENT"), "body": rv["body"],
               "comments": [{"path": c["path"], "line": c["line"], "side": c.get("side", "RIGHT"), "body": c["body"]}
                            for c in rv.get("comments", [])]}
    out = gh("api", "--method", "POST", f"repos/{a.repo}/pulls/{a.pr}/reviews", "--input", "-",
             input_=json.dumps(payload))
    print("posted:", json.loads(out).get("html_url"))


if __name__ == "__main__":
    main()
