#!/usr/bin/env python3
"""Summarise a gitleaks JSON report without printing secret values.

Usage: summarise_findings.py gitleaks.json
"""
import collections
import json
import sys

FAKE_MARKERS = ("EXAMPLE", "example", "dummy", "placeholder", "your-", "xxxx", "changeme", "test")


def mask(value: str) -> str:
    value = value or ""
    if len(value) <= 8:
        return "…"
    return f"{value[:4]}…{value[-2:]}"


def main() -> int:
    findings = json.load(open(sys.argv[1], encoding="utf-8"))
    by_rule = collections.defaultdict(list)
    for f in findings:
        by_rule[f.get("RuleID", "unknown")].append(f)

    print(f"{len(findings)} findings across {len(by_rule)} rules\n")
    for rule, items in sorted(by_rule.items(), key=lambda kv: -len(kv[1])):
        print(f"## {rule} ({len(items)})")
        seen = set()
        for f in items:
            secret = f.get("Secret", "")
            key = (f.get("File"), secret)
            if key in seen:
                continue
            seen.add(key)
            likely_fake = any(m in (f.get("Match", "") + f.get("File", "")) for m in FAKE_MARKERS)
            print(
                f"- {f.get('File')}:{f.get('StartLine')}  commit {str(f.get('Commit', ''))[:8]}  "
                f"{f.get('Date', '')[:10]}  {mask(secret)}{'  (likely placeholder)' if likely_fake else ''}"
            )
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
