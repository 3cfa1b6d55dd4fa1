#!/usr/bin/env python3
"""Group and rank error signatures across kubectl log files."""
import re
import sys
from collections import defaultdict

LEVEL = re.compile(r"\b(ERROR|FATAL|CRITICAL|PANIC|panic:|Exception|Traceback|OOMKilled|refused|timeout|x509)\b", re.I)
SCRUB = [
    (re.compile(r"^\S+Z\s+"), ""),                                   # --timestamps prefix
    (re.compile(r"^\[pod/[^\]]+\]\s*"), ""),                          # --prefix
    (re.compile(r"\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b", re.I), "<uuid>"),
    (re.compile(r"\b\d{1,3}(?:\.\d{1,3}){3}(?::\d+)?\b"), "<ip>"),
    (re.compile(r"\b0x[0-9a-f]+\b", re.I), "<hex>"),
    (re.compile(r"\b\d{4}-\d{2}-\d{2}[T ][\d:.]+Z?\b"), "<ts>"),
    (re.compile(r"\b\d+\b"), "<n>"),
]


def pod_of(path):
    name = path.rsplit("/", 1)[-1]
    return name[len("kpd-"):].split(".", 1)[0] if name.startswith("kpd-") else name


def signature(line):
    s = line.strip()
    for rx, rep in SCRUB:
        s = rx.sub(rep, s)
    return s[:200]


def main(paths):
    hits = defaultdict(lambda: {"count": 0, "pods": set(), "sample": ""})
    for p in paths:
        try:
            with open(p, errors="replace") as fh:
                for line in fh:
                    if not LEVEL.search(line):
                        continue
                    sig = signature(line)
                    h = hits[sig]
                    h["count"] += 1
                    h["pods"].add(pod_of(p))
                    h["sample"] = h["sample"] or line.strip()[:300]
        except OSError:
            continue
    ranked = sorted(hits.items(), key=lambda kv: (len(kv[1]["pods"]), kv[1]["count"]), reverse=True)
    print("# Error digest\n")
    print("| # | pods | hits | signature |")
    print("|---|------|------|-----------|")
    for i, (sig, h) in enumerate(ranked[:25], 1):
        print(f"| {i} | {len(h['pods'])} | {h['count']} | `{sig.replace('|', '/')}` |")
    print("\n## Samples\n")
    for i, (sig, h) in enumerate(ranked[:5], 1):
        print(f"{i}. pods: {', '.join(sorted(h['pods']))}\n   ```\n   {h['sample']}\n   ```")


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit("usage: rank_errors.py LOG...")
    main(sys.argv[1:])
