#!/usr/bin/env python3
"""List uncovered lines/branches from an lcov file, changed files first."""
import argparse
import fnmatch
import subprocess
from collections import defaultdict

ap = argparse.ArgumentParser()
ap.add_argument("lcov")
ap.add_argument("--changed-since")
ap.add_argument("--critical", default="")
a = ap.parse_args()

lines, branches = defaultdict(list), defaultdict(list)
cur = None
for raw in open(a.lcov):
    raw = raw.strip()
    if raw.startswith("SF:"):
        cur = raw[3:]
    elif raw.startswith("DA:"):
        ln, hits = raw[3:].split(",")[:2]
        if hits == "0":
            lines[cur].append(int(ln))
    elif raw.startswith("BRDA:"):
        ln, _blk, br, taken = raw[5:].split(",")
        if taken in ("0", "-"):
            branches[cur].append(f"{ln}:{br}")

changed = set()
if a.changed_since:
    out = subprocess.run(["git", "diff", "--name-only", a.changed_since], capture_output=True, text=True).stdout
    changed = {l.strip() for l in out.splitlines()}
crit = [p for p in a.critical.split(",") if p]


def rank(f):
    if any(f.endswith(c) for c in changed):
        return 0
    if any(fnmatch.fnmatch(f, p) or p.rstrip("*") in f for p in crit):
        return 1
    return 2


for f in sorted(set(lines) | set(branches), key=lambda f: (rank(f), -len(lines[f]))):
    tag = ["changed", "critical", ""][rank(f)]
    print(f"{f} {tag}\n  lines: {lines[f][:30]}\n  branches: {branches[f][:20]}")
