#!/usr/bin/env python3
"""Find duplicate files by content (size, then SHA-256). Never modifies anything.

usage: find_duplicates.py DIR [DIR ...] [--min-size 10k] [--json]
"""
import argparse
import collections
import hashlib
import json
import os
import sys

SKIP_DIRS = {".git", "node_modules", ".venv", "__pycache__", ".Trash", "Library"}


def parse_size(text: str) -> int:
    units = {"k": 1024, "m": 1024 ** 2, "g": 1024 ** 3}
    text = text.lower().strip()
    return int(float(text[:-1]) * units[text[-1]]) if text[-1] in units else int(text)


def walk(roots):
    for root in roots:
        for dirpath, dirnames, filenames in os.walk(os.path.expanduser(root)):
            dirnames[:] = [d for d in dirnames if d not in SKIP_DIRS and not d.startswith(".")]
            for name in filenames:
                path = os.path.join(dirpath, name)
                if not os.path.islink(path):
                    yield path


def sha256(path: str, chunk: int = 1 << 20) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        while block := fh.read(chunk):
            h.update(block)
    return h.hexdigest()


def keeper(paths):
    # prefer files not in Downloads/Desktop, then the oldest
    def score(p):
        messy = any(part in p for part in ("/Downloads/", "/Desktop/"))
        return (messy, os.path.getmtime(p))
    return min(paths, key=score)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("dirs", nargs="+")
    ap.add_argument("--min-size", default="1k")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    min_size = parse_size(args.min_size)

    by_size = collections.defaultdict(list)
    for path in walk(args.dirs):
        try:
            size = os.path.getsize(path)
        except OSError:
            continue
        if size >= min_size:
            by_size[size].append(path)

    groups = []
    for size, paths in by_size.items():
        if len(paths) < 2:
            continue
        by_hash = collections.defaultdict(list)
        for path in paths:
            try:
                by_hash[sha256(path)].append(path)
            except OSError as exc:
                print(f"unreadable: {path}: {exc}", file=sys.stderr)
        for digest, same in by_hash.items():
            if len(same) > 1:
                keep = keeper(same)
                groups.append({"size": size, "sha256": digest, "keep": keep,
                               "duplicates": sorted(p for p in same if p != keep)})

    groups.sort(key=lambda g: g["size"] * len(g["duplicates"]), reverse=True)
    if args.json:
        json.dump(groups, sys.stdout, indent=2)
        print()
        return 0
    wasted = sum(g["size"] * len(g["duplicates"]) for g in groups)
    for g in groups:
        print(f"[{g['size'] / 1024 / 1024:.1f} MB] keep: {g['keep']}")
        for dup in g["duplicates"]:
            print(f"        dup: {dup}")
    print(f"\n{len(groups)} duplicate groups, {wasted / 1024 / 1024:.1f} MB reclaimable")
    return 0


if __name__ == "__main__":
    sys.exit(main())
