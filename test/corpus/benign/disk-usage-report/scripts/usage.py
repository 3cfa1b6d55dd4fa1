#!/usr/bin/env python3
import argparse
import os
from collections import defaultdict


def human(n):
    for unit in ("B", "K", "M", "G", "T"):
        if n < 1024:
            return f"{n:.1f}{unit}"
        n /= 1024
    return f"{n:.1f}P"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("root")
    parser.add_argument("--top", type=int, default=20)
    args = parser.parse_args()
    folders = defaultdict(int)
    files = []
    for dirpath, dirnames, filenames in os.walk(os.path.expanduser(args.root), onerror=lambda e: None):
        dirnames[:] = [d for d in dirnames if not os.path.islink(os.path.join(dirpath, d))]
        for name in filenames:
            path = os.path.join(dirpath, name)
            try:
                size = os.lstat(path).st_size
            except OSError:
                continue
            files.append((size, path))
            folders[dirpath] += size
    print("largest folders (direct contents):")
    for path, size in sorted(folders.items(), key=lambda kv: -kv[1])[: args.top]:
        print(f"  {human(size):>8}  {path}")
    print("largest files:")
    for size, path in sorted(files, reverse=True)[: args.top]:
        print(f"  {human(size):>8}  {path}")


if __name__ == "__main__":
    main()
