#!/usr/bin/env python3
"""Summarise GitHub Actions caches and recent hit rates via the gh CLI."""
import argparse
import collections
import json
import re
import subprocess


def gh(*args):
    return subprocess.run(["gh", *args], check=True, capture_output=True, text=True).stdout


def prefix(key):
    return re.split(r"-[0-9a-f]{16,}", key)[0]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--repo", required=True)
    ap.add_argument("--runs", type=int, default=0)
    a = ap.parse_args()
    caches = json.loads(gh("cache", "list", "-R", a.repo, "--limit", "1000",
                           "--json", "key,ref,sizeInBytes,lastAccessedAt"))
    groups = collections.defaultdict(list)
    for c in caches:
        groups[prefix(c["key"])].append(c)
    total = sum(c["sizeInBytes"] for c in caches)
    print(f"{len(caches)} caches, {total / 1e9:.2f} GB of 10 GB\n")
    print(f"{'prefix':50} {'n':>4} {'size MB':>8} {'PR share':>8}  last used")
    for p, cs in sorted(groups.items(), key=lambda kv: -sum(c["sizeInBytes"] for c in kv[1])):
        size = sum(c["sizeInBytes"] for c in cs) / 1e6
        pr = sum(1 for c in cs if c["ref"].startswith("refs/pull/")) / len(cs)
        last = max(c["lastAccessedAt"] for c in cs)[:16]
        flag = "  <- mostly PR-scoped" if pr > 0.6 else ""
        print(f"{p[:50]:50} {len(cs):4} {size:8.1f} {pr:8.0%}  {last}{flag}")
    if a.runs:
        runs = json.loads(gh("run", "list", "-R", a.repo, "--limit", str(a.runs), "--json", "databaseId"))
        hit = miss = 0
        for r in runs:
            try:
                log = gh("run", "view", str(r["databaseId"]), "-R", a.repo, "--log")
            except subprocess.CalledProcessError:
                continue
            hit += log.count("Cache restored from key")
            miss += log.count("Cache not found for input keys")
        if hit + miss:
            print(f"\nhit rate over {len(runs)} runs: {hit / (hit + miss):.0%} ({hit} hits, {miss} misses)")


if __name__ == "__main__":
    main()
