#!/usr/bin/env python3
"""Group Conventional Commits (sha<TAB>subject<TAB>author) into Keep a Changelog sections."""
import re
import sys
from collections import defaultdict

CC = re.compile(r"^(?P<type>\w+)(?:\((?P<scope>[^)]+)\))?(?P<bang>!)?: (?P<desc>.+)$")
SECTION = {"feat": "Added", "fix": "Fixed", "perf": "Changed", "deprecate": "Deprecated",
           "remove": "Removed", "security": "Security"}
ORDER = ["Breaking", "Added", "Changed", "Deprecated", "Removed", "Fixed", "Security", "Other"]
PR = re.compile(r"\(#(\d+)\)\s*$")


def main(path):
    groups = defaultdict(list)
    for line in open(path, encoding="utf-8"):
        parts = line.rstrip("\n").split("\t")
        if len(parts) < 3:
            continue
        sha, subject, author = parts[:3]
        m = CC.match(subject)
        if not m:
            groups["Other"].append((sha[:8], subject, author, None))
            continue
        t, scope, desc = m["type"], m["scope"], m["desc"]
        if scope == "security":
            t = "security"
        pr = PR.search(desc)
        desc = PR.sub("", desc).strip()
        entry = (sha[:8], f"**{scope}:** {desc}" if scope else desc, author, pr.group(1) if pr else None)
        if m["bang"]:
            groups["Breaking"].append(entry)
        elif t in SECTION:
            groups[SECTION[t]].append(entry)
        elif t not in ("chore", "ci", "build", "test", "refactor", "docs", "style"):
            groups["Other"].append(entry)
    for sec in ORDER:
        if not groups.get(sec):
            continue
        print(f"### {sec}")
        for sha, text, author, pr in groups[sec]:
            ref = f" (#{pr})" if pr else f" ({sha})"
            print(f"- {text}{ref} — {author}")
        print()


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "/dev/stdin")
