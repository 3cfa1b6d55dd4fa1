#!/usr/bin/env python3
"""Rank files by coverage gap x churn x risk keywords, from coverage.json or lcov.info."""
from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from pathlib import Path

RISKY = re.compile(r"auth|billing|payment|permission|crypto|migration|security|session|token", re.I)
SKIP = re.compile(r"(^|/)(__init__\.py|.*\.d\.ts|.*_pb2\.py|.*\.generated\.\w+|migrations/\d+.*)$")


def from_coverage_json(path: Path):
    data = json.loads(path.read_text())
    for fname, info in data.get("files", {}).items():
        missing = info.get("missing_lines", [])
        total = info.get("summary", {}).get("num_statements", 0)
        yield fname, total, missing


def from_lcov(path: Path):
    fname, total, missing = None, 0, []
    for line in path.read_text().splitlines():
        if line.startswith("SF:"):
            fname, total, missing = line[3:], 0, []
        elif line.startswith("DA:"):
            ln, hits = line[3:].split(",")[:2]
            total += 1
            if hits == "0":
                missing.append(int(ln))
        elif line == "end_of_record" and fname:
            yield fname, total, missing
            fname = None


def ranges(lines: list[int]) -> str:
    out, start, prev = [], None, None
    for n in sorted(lines):
        if start is None:
            start = prev = n
        elif n == prev + 1:
            prev = n
        else:
            out.append(f"{start}-{prev}" if start != prev else str(start))
            start = prev = n
    if start is not None:
        out.append(f"{start}-{prev}" if start != prev else str(start))
    return ",".join(out)


def churn(fname: str, days: int) -> int:
    try:
        out = subprocess.run(["git", "log", f"--since={days}.days", "--format=%h", "--", fname],
                             capture_output=True, text=True, check=True).stdout
        return len(out.split())
    except Exception:
        return 0


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("report", type=Path)
    ap.add_argument("--top", type=int, default=15)
    ap.add_argument("--min-statements", type=int, default=20)
    ap.add_argument("--days", type=int, default=90)
    args = ap.parse_args()

    rows = []
    source = from_lcov if args.report.suffix == ".info" else from_coverage_json
    for fname, total, missing in source(args.report):
        if total < args.min_statements or SKIP.search(fname) or "/tests/" in fname or "node_modules" in fname:
            continue
        if not missing:
            continue
        c = churn(fname, args.days)
        risk = 2.0 if RISKY.search(fname) else 1.0
        score = len(missing) * (1 + c) * risk
        pct = 100.0 * (total - len(missing)) / total if total else 100.0
        rows.append((score, fname, pct, len(missing), c, risk > 1, ranges(missing)))

    rows.sort(reverse=True)
    print(f"{'score':>7}  {'cov%':>5}  {'miss':>5}  {'churn':>5}  risk  file")
    for score, fname, pct, miss, c, risky, rng in rows[: args.top]:
        print(f"{score:7.0f}  {pct:5.1f}  {miss:5d}  {c:5d}  {'yes ' if risky else '    '}  {fname}")
        print(f"{'':38}uncovered: {rng[:110]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
