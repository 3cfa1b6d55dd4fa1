#!/usr/bin/env python3
"""Collect commits in a range as JSON for changelog writing. Read-only.

Examples:
  collect_commits.py --from v1.4.0 --to HEAD
  collect_commits.py --since "2 weeks ago" --path packages/web
"""
import argparse
import json
import re
import subprocess
import sys

SEP, END = "\x1f", "\x1e"
CONV = re.compile(r"^(?P<type>[a-z]+)(?:\((?P<scope>[^)]+)\))?(?P<bang>!)?:\s*(?P<desc>.+)$")
PR = re.compile(r"\(#(\d+)\)\s*$")


def git(*args: str) -> str:
    return subprocess.run(["git", *args], check=True, capture_output=True, text=True).stdout


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--from", dest="start")
    ap.add_argument("--to", dest="end", default="HEAD")
    ap.add_argument("--since")
    ap.add_argument("--path")
    ap.add_argument("--include-merges", action="store_true")
    args = ap.parse_args()

    rev = f"{args.start}..{args.end}" if args.start else args.end
    cmd = ["log", rev, f"--format=%H{SEP}%an{SEP}%ad{SEP}%s{SEP}%b{END}", "--date=short"]
    if not args.include_merges:
        cmd.append("--no-merges")
    if args.since:
        cmd.append(f"--since={args.since}")
    if args.path:
        cmd += ["--", args.path]
    try:
        raw = git(*cmd)
    except subprocess.CalledProcessError as exc:
        print(exc.stderr.strip(), file=sys.stderr)
        return 1

    commits = []
    for chunk in raw.split(END):
        chunk = chunk.strip("\n")
        if not chunk:
            continue
        parts = chunk.split(SEP)
        if len(parts) < 5:
            continue
        sha, author, date, subject, body = parts[0], parts[1], parts[2], parts[3], parts[4]
        entry = {"sha": sha[:10], "author": author, "date": date, "subject": subject,
                 "body": body.strip(), "type": None, "scope": None,
                 "breaking": "BREAKING CHANGE" in body, "pr": None}
        m = CONV.match(subject)
        if m:
            entry.update(type=m["type"], scope=m["scope"], breaking=entry["breaking"] or bool(m["bang"]))
        p = PR.search(subject)
        if p:
            entry["pr"] = int(p.group(1))
        commits.append(entry)

    # attach touched files
    for c in commits:
        c["files"] = [f for f in git("show", "--name-only", "--format=", c["sha"]).splitlines() if f][:50]

    # drop revert pairs
    reverted = {re.sub(r'^Revert "(.*)"$', r"\1", c["subject"]) for c in commits if c["subject"].startswith('Revert "')}
    commits = [c for c in commits if c["subject"] not in reverted and not c["subject"].startswith('Revert "')]

    json.dump({"range": rev, "since": args.since, "count": len(commits), "commits": commits}, sys.stdout, indent=2)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
