#!/usr/bin/env python3
"""Merge one or more SARIF files into a Markdown triage table grouped by rule."""
import collections
import json
import sys
from pathlib import Path

LEVEL_ORDER = {"error": 0, "warning": 1, "note": 2, "none": 3}


def load(path: Path):
    doc = json.loads(path.read_text())
    for run in doc.get("runs", []):
        tool = run["tool"]["driver"]["name"]
        rules = {r["id"]: r for r in run["tool"]["driver"].get("rules", [])}
        for res in run.get("results", []):
            rid = res.get("ruleId", "?")
            rule = rules.get(rid, {})
            level = res.get("level") or rule.get("defaultConfiguration", {}).get("level", "warning")
            loc = res.get("locations", [{}])[0].get("physicalLocation", {})
            uri = loc.get("artifactLocation", {}).get("uri", "?")
            line = loc.get("region", {}).get("startLine", 0)
            yield {"tool": tool, "rule": rid, "level": level, "file": uri, "line": line,
                   "message": res.get("message", {}).get("text", "").split("\n")[0][:160]}


def main() -> None:
    if len(sys.argv) < 2:
        sys.exit("usage: sarif_summary.py FILE.sarif [...]")
    findings = [f for p in sys.argv[1:] if Path(p).exists() for f in load(Path(p))]
    by_rule = collections.defaultdict(list)
    for f in findings:
        by_rule[(f["tool"], f["rule"], f["level"])].append(f)

    print(f"# Static analysis summary\n\n{len(findings)} results across {len(by_rule)} rules.\n")
    print("| Level | Tool | Rule | Count |\n|---|---|---|---|")
    for (tool, rule, level), items in sorted(by_rule.items(), key=lambda kv: (LEVEL_ORDER.get(kv[0][2], 9), -len(kv[1]))):
        print(f"| {level} | {tool} | `{rule}` | {len(items)} |")
    print()
    for (tool, rule, level), items in sorted(by_rule.items(), key=lambda kv: LEVEL_ORDER.get(kv[0][2], 9)):
        if level in ("note", "none"):
            continue
        print(f"## {rule} ({tool}, {level})\n")
        for f in items[:40]:
            print(f"- [ ] `{f['file']}:{f['line']}` {f['message']}")
        if len(items) > 40:
            print(f"- ... {len(items) - 40} more")
        print()


if __name__ == "__main__":
    main()
