#!/usr/bin/env python3
"""Map commits in a range to audit findings by touched files and message references."""
import argparse
import csv
import re
import subprocess
import sys


def git(*args: str) -> str:
    return subprocess.run(["git", *args], check=True, capture_output=True, text=True).stdout


def commits(base: str, head: str):
    out = git("log", "--no-merges", "--format=%H%x1f%s%x1f%b%x1e", f"{base}..{head}")
    for record in out.strip("\n\x1e").split("\x1e"):
        if not record.strip():
            continue
        sha, subject, body = (record.strip("\n").split("\x1f") + ["", ""])[:3]
        files = [f for f in git("show", "--name-only", "--format=", sha).splitlines() if f]
        yield sha[:10], subject, body, files


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--base", required=True)
    ap.add_argument("--head", required=True)
    ap.add_argument("--findings", required=True)
    args = ap.parse_args()

    with open(args.findings, encoding="utf-8") as fh:
        findings = list(csv.DictReader(fh))
    all_commits = list(commits(args.base, args.head))

    rows = []
    for f in findings:
        fid = f["id"].strip()
        num = re.sub(r"\D", "", fid.split("-")[-1]) or fid
        id_pat = re.compile(rf"({re.escape(fid)}|#{num}\b|finding\s+{num}\b)", re.I)
        paths = [p.strip() for p in f.get("files", "").split(";") if p.strip()]
        by_msg = [c for c in all_commits if id_pat.search(c[1] + "\n" + c[2])]
        by_file = [c for c in all_commits if any(p in c[3] for p in paths) and c not in by_msg]
        rows.append((fid, f.get("title", ""), by_msg, by_file))

    rows.sort(key=lambda r: bool(r[2] or r[3]))
    print(f"# Fix map {args.base}..{args.head} ({len(all_commits)} commits)\n")
    for fid, title, by_msg, by_file in rows:
        print(f"## {fid}: {title}")
        if not by_msg and not by_file:
            print("- **no commit found** — ask the client\n")
            continue
        for sha, subject, _, _ in by_msg:
            print(f"- `{sha}` {subject}  _(mentions finding)_")
        for sha, subject, _, _ in by_file:
            print(f"- `{sha}` {subject}  _(touches affected files)_")
        print()
    unmapped = [c for c in all_commits if not any(c in r[2] or c in r[3] for r in rows)]
    if unmapped:
        print("## Commits not mapped to any finding (review for unrelated changes)")
        for sha, subject, _, _ in unmapped:
            print(f"- `{sha}` {subject}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
