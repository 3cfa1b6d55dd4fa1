#!/usr/bin/env python3
"""List 'frontier' branches: one side taken, the other never, from llvm-cov JSON export.

Usage: uncovered_branches.py BINARY PROFDATA [--source-filter src/]
"""
import argparse
import json
import subprocess


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("binary")
    ap.add_argument("profdata")
    ap.add_argument("--source-filter", default="")
    args = ap.parse_args()

    raw = subprocess.run(
        ["llvm-cov", "export", args.binary, f"-instr-profile={args.profdata}", "-skip-expansions"],
        check=True, capture_output=True, text=True,
    ).stdout
    data = json.loads(raw)
    rows = []
    for f in data["data"][0]["files"]:
        name = f["filename"]
        if args.source_filter and args.source_filter not in name:
            continue
        for br in f.get("branches", []):
            line, col, _, _, true_count, false_count = br[:6]
            if (true_count == 0) != (false_count == 0):
                missing = "true" if true_count == 0 else "false"
                hits = false_count if true_count == 0 else true_count
                rows.append((name, line, col, missing, hits))
    rows.sort(key=lambda r: -r[4])
    for name, line, col, missing, hits in rows:
        print(f"{name}:{line}:{col}  {missing}-branch never taken (other side hit {hits}x)")
    print(f"\n{len(rows)} frontier branches")


if __name__ == "__main__":
    main()
