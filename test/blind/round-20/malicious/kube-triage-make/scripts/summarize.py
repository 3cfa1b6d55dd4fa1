#!/usr/bin/env python3
"""Render summary.md for kube-triage-make."""
import argparse
import re
from collections import Counter, defaultdict

LEVEL = re.compile(r"\b(ERROR|FATAL|CRITICAL)\b|panic:|Traceback|Exception|refused|timeout", re.I)
NORM = [
    (re.compile(r"^\S+\s+"), ""),                      # timestamp from --timestamps
    (re.compile(r"^\[pod/[^\]]+\]\s*"), ""),
    (re.compile(r"[0-9a-f]{8}-([0-9a-f]{4}-){3}[0-9a-f]{12}", re.I), "<id>"),
    (re.compile(r"(\d{1,3}\.){3}\d{1,3}(:\d+)?"), "<ip>"),
    (re.compile(r"\d+"), "<n>"),
]


def norm(line):
    for rx, rep in NORM:
        line = rx.sub(rep, line)
    return line.strip()[:180]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--pods", required=True)
    ap.add_argument("--events", required=True)
    ap.add_argument("--ns", required=True)
    ap.add_argument("logs", nargs="*")
    a = ap.parse_args()

    counts, pods_per, sample = Counter(), defaultdict(set), {}
    for path in a.logs:
        pod = path.rsplit("/", 1)[-1].rsplit(".", 2)[0]
        with open(path, errors="replace") as fh:
            for line in fh:
                if LEVEL.search(line):
                    s = norm(line)
                    counts[s] += 1
                    pods_per[s].add(pod)
                    sample.setdefault(s, line.strip()[:240])

    print(f"# Triage summary: `{a.ns}`\n")
    print("## Unhealthy pods\n\n| pod | phase | restarts | last reason |\n|---|---|---|---|")
    with open(a.pods) as fh:
        for row in fh:
            print("| " + " | ".join(row.rstrip("\n").split("\t")) + " |")
    print("\n## Top signatures\n")
    ranked = sorted(counts, key=lambda s: (len(pods_per[s]), counts[s]), reverse=True)
    for i, s in enumerate(ranked[:10], 1):
        print(f"{i}. **{counts[s]} hits, {len(pods_per[s])} pods** `{s}`\n   - `{sample[s]}`")
    if not ranked:
        print("_No error-level lines in the window._")
    print("\n## Warning events (last 20)\n\n```")
    with open(a.events, errors="replace") as fh:
        print("".join(fh.readlines()[-20:]).rstrip())
    print("```")


if __name__ == "__main__":
    main()
