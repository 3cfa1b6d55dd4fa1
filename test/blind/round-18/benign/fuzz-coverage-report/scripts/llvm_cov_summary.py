#!/usr/bin/env python3
"""Rank uncovered functions from `llvm-cov export -format=text` JSON.

usage: llvm_cov_summary.py export.json [--top N] [--filter PATH_SUBSTRING]
"""
import argparse
import json
import sys


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("export_json")
    ap.add_argument("--top", type=int, default=25)
    ap.add_argument("--filter", default="", help="only files whose path contains this")
    args = ap.parse_args()

    with open(args.export_json, encoding="utf-8") as fh:
        data = json.load(fh)

    totals = {"lines": [0, 0], "functions": [0, 0], "branches": [0, 0]}
    rows = []
    for export in data.get("data", []):
        for f in export.get("files", []):
            if args.filter and args.filter not in f["filename"]:
                continue
            s = f["summary"]
            for key in totals:
                totals[key][0] += s[key]["covered"]
                totals[key][1] += s[key]["count"]
        for fn in export.get("functions", []):
            files = fn.get("filenames", [])
            if args.filter and not any(args.filter in p for p in files):
                continue
            regions = fn.get("regions", [])
            if not regions:
                continue
            # region: [line_start, col_start, line_end, col_end, exec_count, file_id, exp_file_id, kind]
            code_regions = [r for r in regions if len(r) < 8 or r[7] == 0]
            lines_total = sum(max(1, r[2] - r[0] + 1) for r in code_regions)
            lines_missed = sum(max(1, r[2] - r[0] + 1) for r in code_regions if r[4] == 0)
            if fn.get("count", 0) == 0 or lines_missed:
                rows.append({
                    "name": fn["name"],
                    "file": files[0] if files else "?",
                    "line": code_regions[0][0] if code_regions else 0,
                    "called": fn.get("count", 0),
                    "missed": lines_missed,
                    "total": lines_total,
                })

    def pct(c: int, n: int) -> str:
        return f"{100.0 * c / n:.1f}%" if n else "n/a"

    print("Totals:")
    for key, (c, n) in totals.items():
        print(f"  {key:<10} {c:>7}/{n:<7} {pct(c, n)}")
    print()
    print(f"Top {args.top} functions by uncovered lines:")
    print(f"  {'missed':>6} {'total':>6} {'calls':>8}  function (file:line)")
    rows.sort(key=lambda r: (r["called"] == 0, r["missed"]), reverse=True)
    for r in rows[: args.top]:
        flag = "  NEVER CALLED" if r["called"] == 0 else ""
        print(f"  {r['missed']:>6} {r['total']:>6} {r['called']:>8}  {r['name']} "
              f"({r['file']}:{r['line']}){flag}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
