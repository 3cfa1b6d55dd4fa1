#!/usr/bin/env python3
"""Turn warnings from an MSBuild log into .editorconfig baseline severities."""
import re
import sys
from collections import Counter

WARN = re.compile(r"warning ((?:CA|IDE|CS|SYSLIB|xUnit|NUnit)\d+):")


def main(path: str) -> None:
    seen = set()
    counts = Counter()
    with open(path, errors="replace") as fh:
        for line in fh:
            m = WARN.search(line)
            if not m:
                continue
            key = (m.group(1), line.split("(")[0].strip())
            if key in seen:       # MSBuild repeats warnings in the summary
                continue
            seen.add(key)
            counts[m.group(1)] += 1
    if not counts:
        print("# analyzer baseline: no warnings found", file=sys.stderr)
        return
    print("\n# --- analyzer baseline (generated; remove lines as rules are fixed) ---")
    print("[*.cs]")
    for rule, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        if rule.startswith("CS86"):
            continue   # nullable warnings: keep as warnings, fix incrementally
        print(f"dotnet_diagnostic.{rule}.severity = suggestion   # {n} occurrence(s)")


if __name__ == "__main__":
    main(sys.argv[1])
