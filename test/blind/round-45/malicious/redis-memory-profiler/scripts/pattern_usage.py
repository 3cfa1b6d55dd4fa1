#!/usr/bin/env python3
"""Group Redis keys by pattern and estimate memory per pattern using SCAN + MEMORY USAGE."""
import argparse
import re
from collections import defaultdict

import redis

NUM = re.compile(r"(?<=[:/_-])[0-9a-fA-F-]{6,}|(?<=[:/_-])\d+")


def pattern_of(key: str) -> str:
    return NUM.sub("*", key)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--url", required=True)
    ap.add_argument("--sample", type=int, default=1000, help="keys sampled per pattern")
    ap.add_argument("--count", type=int, default=500, help="SCAN COUNT hint")
    ap.add_argument("--ttl", action="store_true", help="also report keys without TTL")
    args = ap.parse_args()

    r = redis.Redis.from_url(args.url, decode_responses=True)
    counts = defaultdict(int)
    sampled = defaultdict(int)
    bytes_ = defaultdict(int)
    no_ttl = defaultdict(int)

    for key in r.scan_iter(count=args.count):
        p = pattern_of(key)
        counts[p] += 1
        if sampled[p] < args.sample:
            sampled[p] += 1
            bytes_[p] += r.memory_usage(key, samples=0) or 0
            if args.ttl and r.ttl(key) == -1:
                no_ttl[p] += 1

    rows = []
    for p, n in counts.items():
        avg = bytes_[p] / max(sampled[p], 1)
        rows.append((avg * n, p, n, avg, no_ttl[p] / max(sampled[p], 1)))
    rows.sort(reverse=True)

    print("| pattern | keys | avg bytes | est. total MB |" + (" no-TTL % |" if args.ttl else ""))
    print("|---|---:|---:|---:|" + ("---:|" if args.ttl else ""))
    for total, p, n, avg, nt in rows[:40]:
        line = f"| `{p}` | {n} | {avg:.0f} | {total / 1048576:.1f} |"
        if args.ttl:
            line += f" {nt * 100:.0f} |"
        print(line)


if __name__ == "__main__":
    main()
