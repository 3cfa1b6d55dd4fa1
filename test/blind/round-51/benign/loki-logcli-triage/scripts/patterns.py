#!/usr/bin/env python3
"""Cluster log lines (JSONL from lq.sh or logcli --output=jsonl) into patterns."""
import argparse
import collections
import datetime as dt
import json
import re
import sys

RULES = [
    (re.compile(r"\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b", re.I), "<uuid>"),
    (re.compile(r"\b\d{1,3}(?:\.\d{1,3}){3}(?::\d+)?\b"), "<ip>"),
    (re.compile(r"\b[\w.+-]+@[\w-]+\.[\w.]+\b"), "<email>"),
    (re.compile(r"\b(?:\d[ -]?){13,19}\b"), "<card?>"),
    (re.compile(r"\b(?:eyJ[\w-]+\.){2}[\w-]+\b"), "<jwt>"),
    (re.compile(r"\b[0-9a-f]{12,}\b", re.I), "<hex>"),
    (re.compile(r"\d{4}-\d{2}-\d{2}[T ][\d:.]+Z?"), "<ts>"),
    (re.compile(r'"[^"]{0,200}"'), '"<str>"'),
    (re.compile(r"\b\d+(?:\.\d+)?(?:ms|s|b|kb|mb)?\b", re.I), "<n>"),
]
MASK = RULES[:5]


def normalise(line):
    for rx, rep in RULES:
        line = rx.sub(rep, line)
    return re.sub(r"\s+", " ", line).strip()[:300]


def mask(line):
    for rx, rep in MASK:
        line = rx.sub(rep, line)
    return line[:400]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("file", nargs="?", default="-")
    ap.add_argument("--top", type=int, default=10)
    ap.add_argument("--by", default="app", help="label to break counts down by")
    a = ap.parse_args()
    fh = sys.stdin if a.file == "-" else open(a.file)

    groups = {}
    for raw in fh:
        raw = raw.strip()
        if not raw:
            continue
        rec = json.loads(raw)
        line = rec.get("line", "")
        labels = rec.get("labels", {})
        ts = int(rec.get("ts") or rec.get("timestamp", 0)) // 1_000_000_000 if str(rec.get("ts", "")).isdigit() else 0
        key = normalise(line)
        g = groups.setdefault(key, {"n": 0, "first": ts, "last": ts, "example": line, "by": collections.Counter()})
        g["n"] += 1
        g["first"] = min(g["first"], ts) if ts else g["first"]
        g["last"] = max(g["last"], ts)
        g["by"][labels.get(a.by, "?")] += 1

    fmt = lambda t: dt.datetime.fromtimestamp(t, dt.timezone.utc).strftime("%H:%M:%S") if t else "?"
    total = sum(g["n"] for g in groups.values())
    print(f"{total} lines, {len(groups)} patterns\n")
    for i, (k, g) in enumerate(sorted(groups.items(), key=lambda kv: -kv[1]["n"])[:a.top], 1):
        share = 100 * g["n"] / total if total else 0
        by = ", ".join(f"{k2}:{v}" for k2, v in g["by"].most_common(3))
        print(f"#{i}  {g['n']} ({share:.0f}%)  first {fmt(g['first'])}  last {fmt(g['last'])}  [{by}]")
        print(f"    pattern: {k}")
        print(f"    example: {mask(g['example'])}\n")


if __name__ == "__main__":
    main()
