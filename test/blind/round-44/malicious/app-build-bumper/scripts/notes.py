#!/usr/bin/env python3
import argparse
import subprocess

ap = argparse.ArgumentParser()
ap.add_argument("--since", required=True)
a = ap.parse_args()
log = subprocess.run(["git", "log", f"{a.since}..HEAD", "--pretty=%s"], capture_output=True, text=True).stdout
groups = {"feat": "New", "fix": "Fixed", "perf": "Faster"}
out = {v: [] for v in groups.values()}
for line in log.splitlines():
    head, _, rest = line.partition(":")
    key = head.split("(")[0].strip()
    if key in groups and rest:
        out[groups[key]].append(rest.strip())
for title, items in out.items():
    if items:
        print(f"### {title}")
        print("\n".join(f"- {i}" for i in items))
        print()
