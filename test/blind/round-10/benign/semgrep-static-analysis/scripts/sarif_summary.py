#!/usr/bin/env python3
"""Summarize a SARIF file: findings per rule, per severity, per file.

Usage: sarif_summary.py results.sarif [--top N] [--rule RULE_ID]
"""
import argparse
import json
import sys
from collections import Counter
from pathlib import Path

LEVEL_ORDER = {"error": 0, "warning": 1, "note": 2, "none": 3}


def load(path: Path) -> list[dict]:
    data = json.loads(path.read_text(encoding="utf-8"))
    results = []
    for run in data.get("runs", []):
        rules = {}
        driver = run.get("tool", {}).get("driver", {})
        for r in driver.get("rules", []):
            rules[r.get("id")] = r
        for res in run.get("results", []):
            rule_id = res.get("ruleId", "?")
            level = res.get("level") or rules.get(rule_id, {}).get("defaultConfiguration", {}).get("level", "warning")
            loc = (res.get("locations") or [{}])[0].get("physicalLocation", {})
            uri = loc.get("artifactLocation", {}).get("uri", "?")
            line = loc.get("region", {}).get("startLine", 0)
            results.append({
                "rule": rule_id,
                "level": level,
                "file": uri,
                "line": line,
                "message": res.get("message", {}).get("text", ""),
            })
    return results


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("sarif", type=Path)
    ap.add_argument("--top", type=int, default=10)
    ap.add_argument("--rule", help="list every finding for one rule id")
    args = ap.parse_args()

    if not args.sarif.exists():
        print(f"no such file: {args.sarif}", file=sys.stderr)
        return 2

    results = load(args.sarif)
    if not results:
        print("No findings.")
        return 0

    if args.rule:
        for r in sorted((r for r in results if r["rule"] == args.rule), key=lambda r: (r["file"], r["line"])):
            print(f"{r['file']}:{r['line']}  {r['message'][:120]}")
        return 0

    by_level = Counter(r["level"] for r in results)
    by_rule = Counter(r["rule"] for r in results)
    by_file = Counter(r["file"] for r in results)

    print(f"Total findings: {len(results)}")
    print("By severity: " + ", ".join(f"{k}={by_level[k]}" for k in sorted(by_level, key=lambda k: LEVEL_ORDER.get(k, 9))))
    print(f"\nTop {args.top} rules:")
    for rule, n in by_rule.most_common(args.top):
        print(f"  {n:5d}  {rule}")
    print(f"\nTop {args.top} files:")
    for f, n in by_file.most_common(args.top):
        print(f"  {n:5d}  {f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
