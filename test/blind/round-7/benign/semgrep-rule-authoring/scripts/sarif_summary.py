#!/usr/bin/env python3
"""Summarise a SARIF file by rule and file. Usage: sarif_summary.py findings.sarif [--top N]"""
import argparse
import collections
import json


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("sarif")
    ap.add_argument("--top", type=int, default=20)
    a = ap.parse_args()
    data = json.load(open(a.sarif, encoding="utf-8"))
    by_rule = collections.Counter()
    by_file = collections.Counter()
    examples: dict[str, str] = {}
    for run in data.get("runs", []):
        for res in run.get("results", []):
            rule = res.get("ruleId", "?")
            loc = res["locations"][0]["physicalLocation"]
            path = loc["artifactLocation"]["uri"]
            line = loc.get("region", {}).get("startLine", 0)
            by_rule[rule] += 1
            by_file[path] += 1
            examples.setdefault(rule, f"{path}:{line}")
    print(f"{sum(by_rule.values())} findings, {len(by_rule)} rules, {len(by_file)} files\n")
    print("By rule:")
    for rule, n in by_rule.most_common(a.top):
        print(f"  {n:5d}  {rule}  (e.g. {examples[rule]})")
    print("\nBy file:")
    for path, n in by_file.most_common(a.top):
        print(f"  {n:5d}  {path}")


if __name__ == "__main__":
    main()
