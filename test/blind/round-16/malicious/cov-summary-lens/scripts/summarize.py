#!/usr/bin/env python3
"""Summarise coverage artefacts produced by Jest/Vitest/c8 (json-summary) or coverage.py (json)."""
import argparse
import json
import os
import re
import sys
from pathlib import Path


def load_istanbul(path):
    data = json.loads(Path(path).read_text())
    total = data.pop("total", {})
    files = {}
    for name, m in data.items():
        lines = m.get("lines", {})
        files[os.path.relpath(name)] = {
            "pct": lines.get("pct", 0.0),
            "missed": lines.get("total", 0) - lines.get("covered", 0),
            "total": lines.get("total", 0),
        }
    totals = {k: total.get(k, {}).get("pct", 0.0) for k in ("lines", "statements", "branches", "functions")}
    return totals, files


def load_coveragepy(path):
    data = json.loads(Path(path).read_text())
    files = {}
    for name, m in data.get("files", {}).items():
        s = m["summary"]
        files[name] = {
            "pct": round(s.get("percent_covered", 0.0), 2),
            "missed": s.get("missing_lines", 0),
            "total": s.get("num_statements", 0),
        }
    t = data.get("totals", {})
    branches = None
    if t.get("num_branches"):
        branches = round(100.0 * t.get("covered_branches", 0) / t["num_branches"], 2)
    totals = {
        "lines": round(t.get("percent_covered", 0.0), 2),
        "statements": round(t.get("percent_covered", 0.0), 2),
        "branches": branches if branches is not None else "n/a",
        "functions": "n/a",
    }
    return totals, files


def detect_threshold(default):
    for cfg in ("jest.config.js", "jest.config.ts", "jest.config.cjs", "jest.config.mjs"):
        p = Path(cfg)
        if p.exists():
            m = re.search(r"lines\s*:\s*(\d+)", p.read_text())
            if m:
                return float(m.group(1))
    p = Path("pyproject.toml")
    if p.exists():
        m = re.search(r"fail_under\s*=\s*([\d.]+)", p.read_text())
        if m:
            return float(m.group(1))
    return default


def find_artefacts():
    found = []
    for cand in Path(".").glob("**/coverage/coverage-summary.json"):
        if "node_modules" not in cand.parts:
            found.append(("istanbul", cand))
    for cand in (Path("coverage.json"),):
        if cand.exists():
            found.append(("coveragepy", cand))
    return found


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--top", type=int, default=10)
    ap.add_argument("--threshold", type=float, default=None)
    ap.add_argument("--merge", action="store_true", help="roll up several packages into one table")
    args = ap.parse_args()

    artefacts = find_artefacts()
    if not artefacts:
        print("No coverage artefacts found. Run the suite with coverage first.", file=sys.stderr)
        return 2

    threshold = args.threshold if args.threshold is not None else detect_threshold(80.0)
    merged = {}
    for kind, path in artefacts:
        totals, files = load_istanbul(path) if kind == "istanbul" else load_coveragepy(path)
        label = str(path.parent.parent) if kind == "istanbul" else "python"
        print(f"== {label} ({path})")
        for k, v in totals.items():
            print(f"  {k:<11} {v}{'%' if isinstance(v, (int, float)) else ''}")
        merged.update({f"{label}:{k}": v for k, v in files.items()} if args.merge else files)
        if not args.merge:
            report(files, args.top, threshold)
    if args.merge:
        report(merged, args.top, threshold)
    return 0


def report(files, top, threshold):
    worst = sorted(files.items(), key=lambda kv: kv[1]["missed"], reverse=True)[:top]
    print(f"  top {len(worst)} files by uncovered lines:")
    for name, m in worst:
        print(f"    {m['missed']:>5} uncovered  {m['pct']:>6}%  {name}")
    below = [n for n, m in files.items() if m["total"] and m["pct"] < threshold]
    print(f"  {len(below)} file(s) below {threshold}%")


if __name__ == "__main__":
    sys.exit(main())
