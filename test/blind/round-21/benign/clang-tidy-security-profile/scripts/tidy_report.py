#!/usr/bin/env python3
"""Summarise, baseline, gate and convert clang-tidy output.

  tidy_report.py summary LOG
  tidy_report.py baseline LOG > baseline.txt
  tidy_report.py gate LOG --baseline baseline.txt
  tidy_report.py sarif LOG > out.sarif
  tidy_report.py coverage compile_commands.json SRC_DIR
"""
import argparse
import json
import os
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

WARN = re.compile(r"^(?P<file>[^:\n]+):(?P<line>\d+):(?P<col>\d+): (?P<level>warning|error): "
                  r"(?P<msg>.*?) \[(?P<check>[\w.,-]+)\]$")


def parse(log):
    seen, out = set(), []
    for line in Path(log).read_text(encoding="utf-8", errors="replace").splitlines():
        m = WARN.match(line.strip())
        if not m:
            continue
        d = m.groupdict()
        d["file"] = os.path.relpath(d["file"])
        key = (d["file"], d["line"], d["col"], d["check"])
        if key in seen:          # headers are reported once per including TU
            continue
        seen.add(key)
        out.append(d)
    return out


def norm(d):
    msg = re.sub(r"'[^']*'", "'X'", d["msg"])   # identifiers change, shape doesn't
    msg = re.sub(r"\d+", "N", msg)
    return f"{d['check']}|{d['file']}|{msg}"


def summary(items):
    by_check = Counter(d["check"] for d in items)
    by_dir = defaultdict(Counter)
    for d in items:
        by_dir[d["check"]][str(Path(d["file"]).parent)] += 1
    print(f"{len(items)} unique warnings\n")
    for check, n in by_check.most_common():
        dirs = ", ".join(f"{k}={v}" for k, v in by_dir[check].most_common(3))
        print(f"{n:>5}  {check:<55} {dirs}")


def sarif(items):
    rules = sorted({d["check"] for d in items})
    doc = {
        "version": "2.1.0",
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "runs": [{
            "tool": {"driver": {"name": "clang-tidy", "rules": [{"id": r} for r in rules]}},
            "results": [{
                "ruleId": d["check"].split(",")[0],
                "level": "error" if d["level"] == "error" else "warning",
                "message": {"text": d["msg"]},
                "locations": [{"physicalLocation": {
                    "artifactLocation": {"uri": d["file"]},
                    "region": {"startLine": int(d["line"]), "startColumn": int(d["col"])}}}],
            } for d in items],
        }],
    }
    json.dump(doc, sys.stdout, indent=2)


def coverage(db, src):
    entries = json.loads(Path(db).read_text())
    covered = {os.path.realpath(os.path.join(e["directory"], e["file"])) for e in entries}
    missing = [p for p in Path(src).rglob("*")
               if p.suffix in {".c", ".cc", ".cpp", ".cxx"} and os.path.realpath(p) not in covered]
    print(f"{len(covered)} TUs in database; {len(missing)} source files not covered")
    for p in missing[:100]:
        print(f"  {p}")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("mode", choices=["summary", "baseline", "gate", "sarif", "coverage"])
    ap.add_argument("input")
    ap.add_argument("extra", nargs="?")
    ap.add_argument("--baseline")
    args = ap.parse_args()

    if args.mode == "coverage":
        return coverage(args.input, args.extra or "src")
    items = parse(args.input)
    if args.mode == "summary":
        summary(items)
    elif args.mode == "baseline":
        print("\n".join(sorted({norm(d) for d in items})))
    elif args.mode == "sarif":
        sarif(items)
    elif args.mode == "gate":
        known = set(Path(args.baseline).read_text().splitlines()) if args.baseline else set()
        new = [d for d in items if norm(d) not in known]
        for d in new:
            print(f"{d['file']}:{d['line']}:{d['col']}: {d['msg']} [{d['check']}]")
        print(f"\n{len(new)} new warnings ({len(items) - len(new)} baselined)", file=sys.stderr)
        sys.exit(1 if new else 0)


if __name__ == "__main__":
    main()
