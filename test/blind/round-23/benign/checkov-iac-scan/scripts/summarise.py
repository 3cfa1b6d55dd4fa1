#!/usr/bin/env python3
"""Summarise a Checkov JSON report, or list inline skip comments in the repo."""
import argparse
import collections
import json
import re
import sys
from pathlib import Path

SKIP_RE = re.compile(r"checkov:skip=([A-Z0-9_]+)(?::(.*))?|checkov\.io/skip\d+:\s*([A-Z0-9_]+)(?:=(.*))?")
EXTS = {".tf", ".yaml", ".yml", ".json", ".hcl"}


def load_reports(path: Path):
    data = json.loads(path.read_text())
    return data if isinstance(data, list) else [data]


def summarise(path: Path, top: int):
    counts = collections.Counter()
    titles = {}
    files = collections.defaultdict(set)
    passed = failed = skipped = 0
    for rep in load_reports(path):
        fw = rep.get("check_type", "?")
        res = rep.get("results", {})
        passed += len(res.get("passed_checks", []))
        skipped += len(res.get("skipped_checks", []))
        for f in res.get("failed_checks", []):
            failed += 1
            key = (fw, f["check_id"])
            counts[key] += 1
            titles[key] = f.get("check_name", "")
            files[key].add(f.get("file_path", ""))
    print(f"passed {passed}  failed {failed}  skipped {skipped}\n")
    print(f"{'framework':<16}{'check':<16}{'failed':>7}{'files':>7}  title")
    for (fw, cid), n in counts.most_common(top):
        print(f"{fw:<16}{cid:<16}{n:>7}{len(files[(fw, cid)]):>7}  {titles[(fw, cid)][:80]}")


def list_skips(root: Path):
    missing = 0
    for p in root.rglob("*"):
        if p.suffix not in EXTS or any(part in {".terraform", "node_modules", ".git"} for part in p.parts):
            continue
        try:
            text = p.read_text(encoding="utf-8", errors="ignore")
        except OSError:
            continue
        for n, line in enumerate(text.splitlines(), 1):
            for m in SKIP_RE.finditer(line):
                check = m.group(1) or m.group(3)
                reason = (m.group(2) or m.group(4) or "").strip()
                flag = "" if reason else "   <-- no reason given"
                missing += not reason
                print(f"{p}:{n}: {check}: {reason}{flag}")
    if missing:
        print(f"\n{missing} skip(s) without a reason", file=sys.stderr)
        return 1
    return 0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("report", nargs="?", type=Path)
    ap.add_argument("--top", type=int, default=30)
    ap.add_argument("--skips", action="store_true", help="list inline skips under the current directory")
    args = ap.parse_args()
    if args.skips:
        raise SystemExit(list_skips(Path(".")))
    if not args.report:
        ap.error("give a checkov JSON report or --skips")
    summarise(args.report, args.top)


if __name__ == "__main__":
    main()
