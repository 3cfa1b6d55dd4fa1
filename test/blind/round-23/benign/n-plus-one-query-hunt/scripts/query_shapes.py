#!/usr/bin/env python3
"""Group SQL statements in a log file by normalised shape.

Understands: Django backend logs "(0.002) SELECT ...; args=(...)", Rails development.log
"Order Load (0.4ms)  SELECT ...", PostgreSQL "duration: 0.12 ms  statement: SELECT ...",
and one-statement-per-line plain logs.
"""
import argparse
import collections
import re
import sys

DJANGO = re.compile(r"^\((?P<sec>\d+\.\d+)\)\s+(?P<sql>.+?);?\s+args=")
RAILS = re.compile(r"(?:\w+ )?(?:Load|Count|Exists\?|Pluck|Update|Create|Destroy|SQL)\s+\((?P<ms>[\d.]+)ms\)\s+(?P<sql>.+)$")
PG = re.compile(r"duration: (?P<ms>[\d.]+) ms\s+(?:statement|execute [^:]+): (?P<sql>.+)$")
ANSI = re.compile(r"\x1b\[[0-9;]*m")


def normalise(sql: str) -> str:
    s = ANSI.sub("", sql).strip().rstrip(";")
    s = re.sub(r"'(?:[^']|'')*'", "?", s)                      # string literals
    s = re.sub(r"\$\d+|%s|:\w+", "?", s)                        # bind markers
    s = re.sub(r"\b\d+(?:\.\d+)?\b", "?", s)                    # numbers
    s = re.sub(r"\bIN\s*\((?:\s*\?\s*,?)+\)", "IN (?)", s, flags=re.I)
    s = re.sub(r"\bVALUES\s*(\((?:[^()]|\([^()]*\))*\)\s*,?\s*)+", "VALUES (?)", s, flags=re.I)
    s = re.sub(r"SELECT\s+.+?\s+FROM", "SELECT ... FROM", s, count=1, flags=re.I | re.S)
    return re.sub(r"\s+", " ", s)


def parse(lines):
    for line in lines:
        line = ANSI.sub("", line.rstrip("\n"))
        for rx, unit in ((DJANGO, "sec"), (RAILS, "ms"), (PG, "ms")):
            m = rx.search(line)
            if m:
                t = float(m.group(unit)) * (1000 if unit == "sec" else 1)
                yield m.group("sql"), t
                break
        else:
            if re.match(r"^\s*(SELECT|INSERT|UPDATE|DELETE|WITH)\b", line, re.I):
                yield line, 0.0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("log", nargs="?", type=argparse.FileType("r"), default=sys.stdin)
    ap.add_argument("--top", type=int, default=20)
    ap.add_argument("--min-count", type=int, default=1)
    args = ap.parse_args()

    counts, times, example = collections.Counter(), collections.defaultdict(float), {}
    total = 0
    for sql, ms in parse(args.log):
        shape = normalise(sql)
        counts[shape] += 1
        times[shape] += ms
        example.setdefault(shape, sql.strip()[:300])
        total += 1

    print(f"{total} statements, {len(counts)} distinct shapes\n")
    print(f"{'count':>6}  {'total ms':>9}  shape")
    for shape, n in counts.most_common(args.top):
        if n < args.min_count:
            break
        print(f"{n:>6}  {times[shape]:>9.1f}  {shape[:160]}")
    suspects = [(s, n) for s, n in counts.items() if n >= 10 and " WHERE " in s.upper()]
    if suspects:
        print("\nLikely N+1 (same WHERE-shaped query >= 10 times):")
        for s, n in sorted(suspects, key=lambda x: -x[1])[:10]:
            print(f"  x{n}: {example[s][:160]}")


if __name__ == "__main__":
    main()
