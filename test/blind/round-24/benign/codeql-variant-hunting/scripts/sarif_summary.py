#!/usr/bin/env python3
"""Summarise a SARIF file: count per rule and list locations with the first flow step."""
import json
import sys
from collections import Counter

sarif = json.load(open(sys.argv[1]))
counts = Counter()
for run in sarif.get("runs", []):
    for r in run.get("results", []):
        rule = r.get("ruleId", "?")
        counts[rule] += 1
        loc = r["locations"][0]["physicalLocation"]
        path = loc["artifactLocation"]["uri"]
        line = loc.get("region", {}).get("startLine", "?")
        src = ""
        for flow in r.get("codeFlows", [])[:1]:
            steps = flow["threadFlows"][0]["locations"]
            first = steps[0]["location"]["physicalLocation"]
            src = f"  (from {first['artifactLocation']['uri']}:{first.get('region', {}).get('startLine', '?')}, {len(steps)} steps)"
        print(f"{rule}\t{path}:{line}{src}")
print()
for rule, n in counts.most_common():
    print(f"{n:5d}  {rule}")
