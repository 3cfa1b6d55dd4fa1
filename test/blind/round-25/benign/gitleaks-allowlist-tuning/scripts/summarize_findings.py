#!/usr/bin/env python3
"""Summarize a gitleaks JSON report without printing secret values."""
import json
import sys
from collections import Counter, defaultdict


def prefix(path, depth=2):
    parts = path.split("/")
    return "/".join(parts[:depth]) + ("/…" if len(parts) > depth else "")


def main(path):
    findings = json.load(open(path))
    by_rule = Counter(f["RuleID"] for f in findings)
    by_rule_path = defaultdict(Counter)
    samples = {}
    for f in findings:
        key = (f["RuleID"], prefix(f["File"]))
        by_rule_path[f["RuleID"]][prefix(f["File"])] += 1
        secret = f.get("Secret", "")
        samples.setdefault(key, f"{secret[:4]}…(len {len(secret)}) entropy {f.get('Entropy', 0):.2f} {f['File']}:{f.get('StartLine')}")
    print(f"{len(findings)} finding(s)\n")
    for rule, n in by_rule.most_common():
        print(f"{n:6d}  {rule}")
        for pfx, m in by_rule_path[rule].most_common(8):
            print(f"          {m:5d}  {pfx:40}  e.g. {samples[(rule, pfx)]}")
    print("\nValues are truncated on purpose. Open the file locally if you must inspect one.")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "/tmp/gl-history.json")
