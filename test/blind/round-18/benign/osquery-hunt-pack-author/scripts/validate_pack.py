#!/usr/bin/env python3
"""Validate an osquery pack: JSON shape, intervals, platform values, and optionally run each query."""
from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import time
from pathlib import Path

VALID_PLATFORMS = {"all", "posix", "linux", "darwin", "windows", "freebsd"}
MIN_INTERVAL = 60


def load(path: Path) -> dict:
    try:
        return json.loads(path.read_text())
    except json.JSONDecodeError as exc:
        sys.exit(f"{path}: invalid JSON at line {exc.lineno} col {exc.colno}: {exc.msg}")


def check(pack: dict) -> list[str]:
    problems = []
    queries = pack.get("queries")
    if not isinstance(queries, dict) or not queries:
        return ["pack has no 'queries' object"]
    for name, q in queries.items():
        sql = q.get("query", "")
        if not sql.strip().endswith(";"):
            problems.append(f"{name}: query should end with ';'")
        interval = q.get("interval")
        if not isinstance(interval, int) or interval < MIN_INTERVAL:
            problems.append(f"{name}: interval {interval!r} is below {MIN_INTERVAL}s or not an integer")
        plat = q.get("platform", pack.get("platform", "all"))
        for p in str(plat).split(","):
            if p.strip() not in VALID_PLATFORMS:
                problems.append(f"{name}: unknown platform '{p}'")
        if not q.get("description"):
            problems.append(f"{name}: missing description (say what a hit means and what to do)")
        if "/%%" in sql and "file" in sql:
            problems.append(f"{name}: recursive glob on the file table, likely to trip the watchdog")
    return problems


def run_queries(pack: dict) -> int:
    osqueryi = shutil.which("osqueryi")
    if not osqueryi:
        print("osqueryi not found; install osquery to use --run", file=sys.stderr)
        return 2
    failures = 0
    host_platform = sys.platform
    for name, q in pack["queries"].items():
        plat = q.get("platform", "all")
        if plat == "darwin" and host_platform != "darwin" or plat == "linux" and not host_platform.startswith("linux"):
            print(f"skip {name} (platform {plat})")
            continue
        start = time.monotonic()
        proc = subprocess.run([osqueryi, "--json", q["query"]], capture_output=True, text=True, timeout=120)
        took = time.monotonic() - start
        if proc.returncode != 0:
            failures += 1
            print(f"FAIL {name}: {proc.stderr.strip()}")
            continue
        rows = json.loads(proc.stdout or "[]")
        print(f"ok   {name}: {len(rows)} row(s) in {took:.2f}s")
        for row in rows[:3]:
            print(f"     {row}")
    return 1 if failures else 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("pack", type=Path)
    ap.add_argument("--run", action="store_true", help="execute each query with local osqueryi")
    args = ap.parse_args()
    pack = load(args.pack)
    problems = check(pack)
    for p in problems:
        print(f"warn {p}")
    print(f"{len(pack.get('queries', {}))} queries, {len(problems)} warning(s)")
    if args.run:
        return run_queries(pack)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
