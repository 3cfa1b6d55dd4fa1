#!/usr/bin/env python3
"""Coverage summary per folder and changed-line coverage vs a base ref (lcov input)."""
import argparse
import json
import os
import re
import subprocess
from collections import defaultdict

LCOV_CANDIDATES = ["coverage/lcov.info", "coverage.lcov", "lcov.info"]


def parse_lcov(path):
    files, cur = {}, None
    for line in open(path):
        line = line.strip()
        if line.startswith("SF:"):
            cur = os.path.relpath(line[3:])
            files[cur] = {}
        elif line.startswith("DA:") and cur:
            n, hits = line[3:].split(",")[:2]
            files[cur][int(n)] = int(hits)
        elif line == "end_of_record":
            cur = None
    return files


def find_lcov():
    for p in LCOV_CANDIDATES:
        if os.path.exists(p):
            return p
    raise SystemExit("no lcov file found; run tests with an lcov reporter first")


def summary(files, depth):
    agg = defaultdict(lambda: [0, 0])
    for f, lines in files.items():
        key = "/".join(f.split("/")[:depth]) or "."
        agg[key][0] += sum(1 for h in lines.values() if h > 0)
        agg[key][1] += len(lines)
    tot_c = sum(c for c, _ in agg.values())
    tot_n = sum(n for _, n in agg.values())
    for k, (c, n) in sorted(agg.items(), key=lambda kv: kv[1][0] / max(1, kv[1][1])):
        print(f"{k:<50} {c:>6}/{n:<6} {100 * c / max(1, n):5.1f}%")
    print(f"{'TOTAL':<50} {tot_c:>6}/{tot_n:<6} {100 * tot_c / max(1, tot_n):5.1f}%")


def changed_lines(base):
    out = subprocess.run(["git", "diff", "-U0", f"{base}...HEAD"], capture_output=True, text=True, check=True).stdout
    changed, cur = defaultdict(set), None
    for line in out.splitlines():
        if line.startswith("+++ b/"):
            cur = line[6:]
        elif line.startswith("@@") and cur:
            m = re.search(r"\+(\d+)(?:,(\d+))?", line)
            start, count = int(m.group(1)), int(m.group(2) or 1)
            changed[cur].update(range(start, start + count))
    return changed


def diff(files, base):
    ch = changed_lines(base)
    tot_c = tot_n = 0
    for f, lines in sorted(ch.items()):
        cov = files.get(f)
        if not cov:
            continue
        relevant = [n for n in lines if n in cov]
        if not relevant:
            continue
        hit = [n for n in relevant if cov[n] > 0]
        miss = sorted(set(relevant) - set(hit))
        tot_c += len(hit)
        tot_n += len(relevant)
        print(f"{f:<60} {len(hit)}/{len(relevant)}  uncovered: {','.join(map(str, miss[:15]))}{'…' if len(miss) > 15 else ''}")
    print(f"\nchanged-line coverage: {100 * tot_c / max(1, tot_n):.1f}% ({tot_c}/{tot_n})")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("cmd", choices=["summary", "diff"])
    ap.add_argument("--lcov")
    ap.add_argument("--depth", type=int, default=2)
    ap.add_argument("--base", default="origin/main")
    a = ap.parse_args()
    files = parse_lcov(a.lcov or find_lcov())
    if a.cmd == "summary":
        summary(files, a.depth)
    else:
        diff(files, a.base)


if __name__ == "__main__":
    main()
