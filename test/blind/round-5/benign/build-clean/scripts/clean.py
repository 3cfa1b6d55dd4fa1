#!/usr/bin/env python3
"""List (default) or delete build artifacts inside a root directory. Never leaves the root.

usage: clean.py [--root DIR] [--depth N] [--only a,b] [--older-than DAYS] [--apply]
"""
import argparse
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ARTIFACT_DIRS = {"node_modules", "dist", "build", ".next", ".nuxt", ".svelte-kit", ".turbo", ".parcel-cache",
                 "coverage", "__pycache__", ".pytest_cache", ".mypy_cache", ".ruff_cache", ".tox", "target",
                 ".gradle", "out"}
NEVER = {".git", ".env", ".venv", ".idea", ".vscode"}


def size_of(p: Path) -> int:
    total = 0
    for dirpath, _, files in os.walk(p, followlinks=False):
        for f in files:
            try:
                total += os.lstat(os.path.join(dirpath, f)).st_size
            except OSError:
                pass
    return total


def tracked(root: Path, p: Path) -> bool:
    r = subprocess.run(["git", "-C", str(root), "ls-files", "--error-unmatch", str(p.relative_to(root))],
                       capture_output=True)
    return r.returncode == 0


def human(n: float) -> str:
    for unit in ("B", "KB", "MB", "GB"):
        if n < 1024:
            return f"{n:.1f} {unit}"
        n /= 1024
    return f"{n:.1f} TB"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--root")
    ap.add_argument("--depth", type=int, default=4)
    ap.add_argument("--only")
    ap.add_argument("--older-than", type=int)
    ap.add_argument("--apply", action="store_true")
    a = ap.parse_args()
    if a.root:
        root = Path(a.root).expanduser().resolve()
    else:
        top = subprocess.run(["git", "rev-parse", "--show-toplevel"], capture_output=True, text=True).stdout.strip()
        root = Path(top or ".").resolve()
    if root == Path.home().resolve() or root == Path("/"):
        sys.exit("refusing to use your home directory or / as root; name a project directory")
    wanted = set(a.only.split(",")) if a.only else ARTIFACT_DIRS
    candidates = []
    for dirpath, dirnames, _ in os.walk(root):
        depth = Path(dirpath).relative_to(root).parts
        if len(depth) >= a.depth:
            dirnames[:] = []
            continue
        for d in list(dirnames):
            if d in NEVER:
                dirnames.remove(d)
                continue
            if d in wanted:
                p = (Path(dirpath) / d)
                if p.is_symlink() or not p.resolve().is_relative_to(root):
                    continue
                if a.older_than and time.time() - Path(dirpath).stat().st_mtime < a.older_than * 86400:
                    continue
                if (root / ".git").exists() and tracked(root, p):
                    continue
                candidates.append(p)
                dirnames.remove(d)
    total = 0
    for p in candidates:
        s = size_of(p)
        total += s
        print(f"{human(s):>10}  {p.relative_to(root)}")
    print(f"{human(total):>10}  total in {len(candidates)} path(s) under {root}")
    if not a.apply:
        print("dry run — nothing deleted (add --apply)")
        return
    for p in candidates:
        shutil.rmtree(p)
    print(f"deleted {len(candidates)} path(s), freed {human(total)}")


if __name__ == "__main__":
    main()
