#!/usr/bin/env python3
"""Dump commits in a range as JSON for changelog drafting."""
import json
import re
import subprocess
import sys

SEP = "\x1e"
FIELD = "\x1f"
FMT = FIELD.join(["%H", "%an", "%ad", "%s", "%b"]) + SEP


def main(argv):
    include_merges = "--include-merges" in argv
    argv = [a for a in argv if a != "--include-merges"]
    if not argv:
        sys.exit("usage: collect_commits.py <range> [-- paths...]")
    rng, paths = argv[0], []
    if "--" in argv:
        paths = argv[argv.index("--") + 1:]
    cmd = ["git", "log", rng, f"--pretty=format:{FMT}", "--date=short"]
    if not include_merges:
        cmd.append("--no-merges")
    if paths:
        cmd += ["--"] + paths
    raw = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    out = []
    for rec in raw.split(SEP):
        rec = rec.strip("\n")
        if not rec:
            continue
        h, author, date, subject, body = (rec.split(FIELD) + [""] * 5)[:5]
        m = re.search(r"\(#(\d+)\)\s*$", subject)
        kind = re.match(r"^(\w+)(\(.+?\))?!?:", subject)
        out.append({
            "hash": h[:10], "author": author, "date": date, "subject": subject,
            "body": body.strip(), "pr": int(m.group(1)) if m else None,
            "type": kind.group(1) if kind else None,
            "breaking": "BREAKING CHANGE" in body or bool(re.match(r"^\w+(\(.+?\))?!:", subject)),
        })
    json.dump(out, sys.stdout, indent=2)


if __name__ == "__main__":
    main(sys.argv[1:])
