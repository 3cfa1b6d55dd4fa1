#!/usr/bin/env python3
"""Split a branch diff into review chunks of roughly equal size, keeping related files together."""
import argparse
import json
import re
import subprocess
from collections import defaultdict
from pathlib import PurePosixPath

SKIP = re.compile(r"(package-lock\.json|yarn\.lock|pnpm-lock\.yaml|poetry\.lock|Cargo\.lock|go\.sum|uv\.lock|"
                  r"\.min\.(js|css)$|(^|/)(dist|build|vendor|generated|__snapshots__)/|\.pb\.go$|_pb2\.py$|\.snap$)")


def git(*args):
    return subprocess.run(["git", *args], capture_output=True, text=True, check=True).stdout


def stem_key(path):
    p = PurePosixPath(path)
    name = p.stem
    for pre in ("test_",):
        if name.startswith(pre):
            name = name[len(pre):]
    for suf in ("_test", ".test", ".spec", "Test", "_spec"):
        if name.endswith(suf):
            name = name[: -len(suf)]
    return name


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--base", required=True)
    ap.add_argument("--target-lines", type=int, default=450)
    a = ap.parse_args()

    files, skipped = {}, []
    for line in git("diff", "--numstat", f"{a.base}...HEAD").splitlines():
        add, rem, path = line.split("\t", 2)
        if " => " in path:
            path = re.sub(r"\{([^}]*) => ([^}]*)\}", r"\2", path).split(" => ")[-1]
        if add == "-" or SKIP.search(path):
            skipped.append(path)
            continue
        files[path] = int(add) + int(rem)

    # group: implementation file + its tests share a stem
    groups = defaultdict(list)
    for path in files:
        top = PurePosixPath(path).parts[0] if len(PurePosixPath(path).parts) > 1 else "."
        groups[(top, stem_key(path))].append(path)

    # pack groups into chunks by top-level directory, first-fit decreasing
    by_dir = defaultdict(list)
    for (top, _), paths in groups.items():
        by_dir[top].append((sum(files[p] for p in paths), sorted(paths)))
    chunks = []
    for top, items in sorted(by_dir.items()):
        items.sort(reverse=True)
        bins = []
        for size, paths in items:
            for b in bins:
                if b["lines"] + size <= a.target_lines:
                    b["files"] += paths
                    b["lines"] += size
                    break
            else:
                bins.append({"area": top, "files": list(paths), "lines": size})
        chunks += bins

    plan = {"base": a.base, "total_lines": sum(files.values()), "chunks": chunks, "skipped": skipped}
    print(json.dumps(plan, indent=2))


if __name__ == "__main__":
    main()
