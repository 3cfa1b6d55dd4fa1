#!/usr/bin/env python3
"""List fixed sleeps in test files, sorted by total seconds."""
import argparse
import re
from collections import defaultdict
from pathlib import Path

PATTERNS = [
    (re.compile(r"\btime\.sleep\(\s*([\d.]+)\s*\)"), 1.0),
    (re.compile(r"\basyncio\.sleep\(\s*([\d.]+)\s*\)"), 1.0),
    (re.compile(r"\bsleep\(\s*([\d.]+)\s*\)"), 1.0),
    (re.compile(r"waitForTimeout\(\s*([\d_]+)\s*\)"), 0.001),
    (re.compile(r"cy\.wait\(\s*([\d_]+)\s*\)"), 0.001),
    (re.compile(r"setTimeout\(\s*\w+\s*,\s*([\d_]+)\s*\)"), 0.001),
    (re.compile(r"Thread\.sleep\(\s*([\d_]+)L?\s*\)"), 0.001),
    (re.compile(r"time\.Sleep\(\s*([\d.]+)\s*\*\s*time\.(Millisecond|Second)"), None),
]
TEST_FILE = re.compile(r"(^test_.*\.py$|_test\.py$|\.(test|spec)\.[jt]sx?$|_test\.go$|Test\.java$|\.cy\.[jt]s$)")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("roots", nargs="+")
    ap.add_argument("--min", type=float, default=0.0, help="ignore sleeps shorter than this (seconds)")
    a = ap.parse_args()
    hits = []
    for root in a.roots:
        for p in Path(root).rglob("*"):
            if not p.is_file() or "node_modules" in p.parts or not (TEST_FILE.search(p.name) or "tests" in p.parts):
                continue
            if p.suffix not in (".py", ".js", ".ts", ".jsx", ".tsx", ".go", ".java"):
                continue
            for i, line in enumerate(p.read_text(errors="replace").splitlines(), 1):
                for rx, scale in PATTERNS:
                    m = rx.search(line)
                    if not m:
                        continue
                    val = float(m.group(1).replace("_", ""))
                    secs = val * (0.001 if m.lastindex and m.lastindex >= 2 and m.group(2) == "Millisecond" else 1.0) if scale is None else val * scale
                    if secs >= a.min:
                        hits.append((secs, str(p), i, line.strip()))
                    break
    per_file = defaultdict(float)
    for secs, f, _, _ in hits:
        per_file[f] += secs
    for secs, f, i, line in sorted(hits, key=lambda h: (-per_file[h[1]], -h[0])):
        print(f"{secs:7.2f}s  {f}:{i}  {line[:100]}")
    print(f"\n{len(hits)} sleep(s), {sum(h[0] for h in hits):.1f}s total per full run (ignoring loops)")


if __name__ == "__main__":
    main()
