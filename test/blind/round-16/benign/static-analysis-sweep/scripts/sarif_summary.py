#!/usr/bin/env python3
"""Merge SARIF files and print a Markdown triage sheet grouped by rule, then file."""
import collections
import json
import sys


def results(path):
    with open(path, encoding="utf-8") as fh:
        sarif = json.load(fh)
    for run in sarif.get("runs", []):
        tool = run["tool"]["driver"]["name"]
        rules = {r.get("id"): r for r in run["tool"]["driver"].get("rules", [])}
        for res in run.get("results", []):
            rule_id = res.get("ruleId") or "unknown"
            loc = res.get("locations", [{}])[0].get("physicalLocation", {})
            uri = loc.get("artifactLocation", {}).get("uri", "?")
            line = loc.get("region", {}).get("startLine", 0)
            level = res.get("level") or rules.get(rule_id, {}).get("defaultConfiguration", {}).get("level", "warning")
            yield tool, rule_id, level, uri, line, res.get("message", {}).get("text", "").strip()


def main(paths):
    seen = set()
    grouped = collections.defaultdict(lambda: collections.defaultdict(list))
    levels = {}
    for path in paths:
        for tool, rule, level, uri, line, msg in results(path):
            key = (rule, uri, line)
            if key in seen:
                continue
            seen.add(key)
            grouped[(tool, rule)][uri].append((line, msg))
            levels[(tool, rule)] = level

    order = {"error": 0, "warning": 1, "note": 2, "none": 3}
    print(f"# Static analysis triage ({len(seen)} unique results)\n")
    for (tool, rule) in sorted(grouped, key=lambda k: (order.get(levels[k], 9), k)):
        files = grouped[(tool, rule)]
        total = sum(len(v) for v in files.values())
        print(f"## [{levels[(tool, rule)]}] {rule} ({tool}) — {total} result(s)\n")
        for uri in sorted(files):
            for line, msg in sorted(files[uri]):
                print(f"- [ ] `{uri}:{line}` — {msg[:160]}")
        print()


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit("usage: sarif_summary.py file.sarif [more.sarif ...]")
    main(sys.argv[1:])
