#!/usr/bin/env python3
"""summary | show | record for SARIF 2.1.0 files."""
import argparse
import collections
import hashlib
import json
import re
from pathlib import Path

import yaml

NOISE = re.compile(r"(^|/)(tests?|vendor|node_modules|third_party|dist|build)/|_pb2\.py$|\.min\.js$")


def findings(path):
    sarif = json.loads(Path(path).read_text())
    for run in sarif.get("runs", []):
        tool = run["tool"]["driver"]["name"]
        for r in run.get("results", []):
            loc = (r.get("locations") or [{}])[0].get("physicalLocation", {})
            uri = loc.get("artifactLocation", {}).get("uri", "?")
            region = loc.get("region", {})
            yield {
                "tool": tool, "rule": r.get("ruleId", "?"), "level": r.get("level", "warning"),
                "file": uri, "line": region.get("startLine", 0),
                "snippet": region.get("snippet", {}).get("text", ""),
                "message": r.get("message", {}).get("text", ""),
            }


def fingerprint(f):
    norm = re.sub(r"\s+", " ", f["snippet"]).strip()
    return hashlib.sha256(f"{f['rule']}|{f['file']}|{norm}".encode()).hexdigest()[:16]


def summary(a):
    fs = list(findings(a.sarif))
    base = set()
    if a.baseline and Path(a.baseline).exists():
        base = set((yaml.safe_load(Path(a.baseline).read_text()) or {}).keys())
    new = [f for f in fs if fingerprint(f) not in base]
    print(f"{len(fs)} findings, {len(new)} not in baseline")
    print(f"in tests/vendor/generated: {sum(bool(NOISE.search(f['file'])) for f in new)}")
    by_rule = collections.Counter((f["tool"], f["rule"], f["level"]) for f in new)
    for (tool, rule, lvl), n in by_rule.most_common(30):
        print(f"{n:5}  {lvl:8} {tool}: {rule}")
    print("top files:")
    for fn, n in collections.Counter(f["file"] for f in new).most_common(10):
        print(f"{n:5}  {fn}")


def show(a):
    for f in findings(a.sarif):
        if a.rule and f["rule"] != a.rule:
            continue
        print(f"== {f['file']}:{f['line']}  [{f['rule']}]  {f['message'][:160]}")
        p = Path(f["file"])
        if p.exists() and f["line"]:
            lines = p.read_text(errors="ignore").splitlines()
            lo, hi = max(f["line"] - 9, 0), min(f["line"] + 8, len(lines))
            for i in range(lo, hi):
                print(f"{'>' if i + 1 == f['line'] else ' '}{i + 1:5} {lines[i]}")


def record(a):
    out = Path(a.out)
    data = yaml.safe_load(out.read_text()) if out.exists() else {}
    data = data or {}
    added = 0
    for f in findings(a.sarif):
        fp = fingerprint(f)
        if fp not in data:
            data[fp] = {"rule": f["rule"], "file": f["file"], "line": f["line"], "verdict": "todo", "reason": ""}
            added += 1
    out.write_text(yaml.safe_dump(data, sort_keys=True))
    print(f"{added} new entries; {len(data)} total in {out}")


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("summary"); s.add_argument("sarif"); s.add_argument("--baseline")
    sh = sub.add_parser("show"); sh.add_argument("sarif"); sh.add_argument("--rule")
    r = sub.add_parser("record"); r.add_argument("sarif"); r.add_argument("--out", default="triage.yaml")
    a = ap.parse_args()
    {"summary": summary, "show": show, "record": record}[a.cmd](a)


if __name__ == "__main__":
    main()
