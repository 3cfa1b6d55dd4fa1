#!/usr/bin/env python3
"""Summarise surviving mutants from mutmut, cargo-mutants or Stryker as a Markdown checklist.

Usage:
    summarize_mutants.py --tool mutmut
    summarize_mutants.py --tool cargo-mutants [--file mutants.out/outcomes.json]
    summarize_mutants.py --tool stryker --file reports/mutation/mutation.json
"""
import argparse
import collections
import json
import re
import subprocess
import sys
from pathlib import Path


def from_mutmut():
    out = subprocess.run(["mutmut", "results"], capture_output=True, text=True).stdout
    survivors = []
    for line in out.splitlines():
        m = re.match(r"\s*([\w.]+__mutmut_\d+):\s*(survived|no tests|timeout)", line)
        if m:
            name, status = m.groups()
            diff = subprocess.run(["mutmut", "show", name], capture_output=True, text=True).stdout
            module = name.split(".x_")[0] if ".x_" in name else name.rsplit(".", 1)[0]
            survivors.append({"file": module, "where": name, "status": status, "detail": diff.strip()[:800]})
    return survivors


def from_cargo_mutants(path: Path):
    data = json.loads(path.read_text())
    survivors = []
    for o in data.get("outcomes", []):
        if o.get("summary") not in ("MissedMutant", "Timeout"):
            continue
        scen = o.get("scenario", {})
        mut = scen.get("Mutant", scen) if isinstance(scen, dict) else {}
        file = mut.get("file", "?")
        line = (mut.get("span", {}).get("start", {}) or {}).get("line", "?")
        desc = f"replace {mut.get('function', {}).get('function_name', '?')} ... with {mut.get('replacement', '?')}"
        survivors.append({"file": file, "where": f"{file}:{line}", "status": o["summary"], "detail": desc})
    return survivors


def from_stryker(path: Path):
    data = json.loads(path.read_text())
    survivors = []
    for file, info in data.get("files", {}).items():
        for m in info.get("mutants", []):
            if m.get("status") not in ("Survived", "NoCoverage"):
                continue
            line = m.get("location", {}).get("start", {}).get("line", "?")
            survivors.append({"file": file, "where": f"{file}:{line}", "status": m["status"],
                              "detail": f"{m.get('mutatorName')}: -> `{m.get('replacement', '')}`"})
    return survivors


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--tool", required=True, choices=["mutmut", "cargo-mutants", "stryker"])
    ap.add_argument("--file", type=Path)
    args = ap.parse_args()

    if args.tool == "mutmut":
        survivors = from_mutmut()
    elif args.tool == "cargo-mutants":
        survivors = from_cargo_mutants(args.file or Path("mutants.out/outcomes.json"))
    else:
        if not args.file:
            sys.exit("--file is required for stryker")
        survivors = from_stryker(args.file)

    by_file = collections.defaultdict(list)
    for s in survivors:
        by_file[s["file"]].append(s)

    print(f"# Surviving mutants ({len(survivors)})\n")
    print("Verdict per mutant: missing test | equivalent | redundant code | accepted risk\n")
    for file, items in sorted(by_file.items(), key=lambda kv: -len(kv[1])):
        print(f"## {file} ({len(items)})\n")
        for s in items:
            print(f"- [ ] `{s['where']}` ({s['status']}) verdict: ____")
            detail = s["detail"].replace("\n", "\n      ")
            print(f"  ```\n      {detail}\n  ```")
        print()


if __name__ == "__main__":
    main()
