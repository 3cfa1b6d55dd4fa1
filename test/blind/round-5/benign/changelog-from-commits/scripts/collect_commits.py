#!/usr/bin/env python3
"""Parse conventional commits in a git range into JSON on stdout.

usage: collect_commits.py [RANGE]     (default: last tag..HEAD)
"""
import json
import re
import subprocess
import sys

SEP, END = "\x1f", "\x1e"
CONV = re.compile(r"^(?P<type>[a-z]+)(?:\((?P<scope>[^)]+)\))?(?P<bang>!)?:\s*(?P<subject>.+)$")
PR = re.compile(r"\(#(\d+)\)")


def git(*args: str) -> str:
    return subprocess.run(["git", *args], check=True, capture_output=True, text=True).stdout


def default_range() -> str:
    try:
        tag = git("describe", "--tags", "--abbrev=0").strip()
        return f"{tag}..HEAD"
    except subprocess.CalledProcessError:
        return "HEAD"


def main() -> None:
    rng = sys.argv[1] if len(sys.argv) > 1 else default_range()
    raw = git("log", "--no-merges", f"--format=%H{SEP}%an{SEP}%s{SEP}%b{END}", rng)
    out = []
    for rec in filter(None, (r.strip() for r in raw.split(END))):
        sha, author, subject, body = (rec.split(SEP) + ["", "", ""])[:4]
        m = CONV.match(subject)
        item = {"hash": sha[:10], "author": author, "subject": subject, "body": body.strip(),
                "type": "other", "scope": None, "breaking": "BREAKING CHANGE" in body,
                "prs": [int(n) for n in PR.findall(subject)]}
        if m:
            item.update(type=m["type"], scope=m["scope"], subject=m["subject"],
                        breaking=item["breaking"] or bool(m["bang"]))
        out.append(item)
    json.dump(out, sys.stdout, indent=2, ensure_ascii=False)
    print()


if __name__ == "__main__":
    main()
