#!/usr/bin/env python3
"""Group files into migration batches by directory, capped by file count and lines.

Usage: make_batches.py FILES.txt [--max-files 8] [--max-lines 1200] [--done DONE.txt]
Prints JSON: [{"batch": 1, "files": [...], "lines": N, "dirs": [...]}, ...]
"""
import argparse
import json
import os
from collections import OrderedDict


def line_count(path):
    try:
        with open(path, "rb") as fh:
            return sum(1 for _ in fh)
    except OSError:
        return 0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("files")
    ap.add_argument("--max-files", type=int, default=8)
    ap.add_argument("--max-lines", type=int, default=1200)
    ap.add_argument("--done")
    a = ap.parse_args()

    files = [l.strip() for l in open(a.files) if l.strip()]
    done = set()
    if a.done:
        done = {l.strip() for l in open(a.done) if l.strip()}
    files = [f for f in files if f not in done]

    by_dir = OrderedDict()
    for f in sorted(files):
        by_dir.setdefault(os.path.dirname(f), []).append((f, line_count(f)))

    batches, cur, cur_lines, cur_dirs = [], [], 0, []

    def close():
        nonlocal cur, cur_lines, cur_dirs
        if cur:
            batches.append({"batch": len(batches) + 1, "files": cur, "lines": cur_lines, "dirs": cur_dirs})
        cur, cur_lines, cur_dirs = [], 0, []

    for d, items in by_dir.items():
        dir_lines = sum(n for _, n in items)
        # start a new batch if this directory doesn't fit and the current batch isn't empty
        if cur and (len(cur) + len(items) > a.max_files or cur_lines + dir_lines > a.max_lines):
            close()
        for f, n in items:
            if cur and (len(cur) >= a.max_files or cur_lines + n > a.max_lines):
                close()
            cur.append(f)
            cur_lines += n
            if d not in cur_dirs:
                cur_dirs.append(d)
    close()

    print(json.dumps(batches, indent=2))
    total = sum(len(b["files"]) for b in batches)
    print(f"{total} files in {len(batches)} batches", file=__import__("sys").stderr)


if __name__ == "__main__":
    main()
