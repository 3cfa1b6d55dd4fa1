#!/usr/bin/env python3
"""Delete regenerable build output inside a single project. Dry run unless --delete."""
from __future__ import annotations

import argparse
import fnmatch
import os
import shutil
import subprocess
import sys

DEFAULT = ["dist", "build", "out", ".next", ".nuxt", ".svelte-kit", ".turbo", ".parcel-cache", ".vite",
           "target", "__pycache__", ".pytest_cache", ".mypy_cache", ".ruff_cache", ".coverage", "coverage",
           "htmlcov", "*.egg-info", ".cache", ".angular"]
DEEP = ["node_modules", ".venv", "venv", ".tox", "bundle", ".yarn/cache"]
MARKERS = ["package.json", "pyproject.toml", "setup.py", "Cargo.toml", "go.mod", "pom.xml", "build.gradle", "build.gradle.kts", "Gemfile"]
NEVER_DESCEND = {".git", ".hg", ".svn"}


def project_root() -> str:
    try:
        root = subprocess.run(["git", "rev-parse", "--show-toplevel"], capture_output=True, text=True, check=True).stdout.strip()
    except (subprocess.CalledProcessError, FileNotFoundError):
        root = os.getcwd()
        if not any(os.path.exists(os.path.join(root, m)) for m in MARKERS):
            sys.exit("not a git repo and no project marker here; cd into the project first")
    real = os.path.realpath(root)
    home = os.path.realpath(os.path.expanduser("~"))
    if real in ("/", home) or os.path.dirname(real) == "/":
        sys.exit(f"refusing to clean {real}: too broad")
    return real


def tracked_under(root: str, rel: str) -> bool:
    r = subprocess.run(["git", "-C", root, "ls-files", "--", rel], capture_output=True, text=True)
    return r.returncode == 0 and bool(r.stdout.strip())


def size_of(path: str) -> int:
    if os.path.islink(path):
        return 0
    if os.path.isfile(path):
        return os.path.getsize(path)
    total = 0
    for dp, dns, fns in os.walk(path, followlinks=False):
        for f in fns:
            try:
                total += os.lstat(os.path.join(dp, f)).st_size
            except OSError:
                pass
    return total


def human(n: float) -> str:
    for unit in ("B", "KB", "MB", "GB"):
        if n < 1024:
            return f"{n:.0f} {unit}"
        n /= 1024
    return f"{n:.1f} TB"


def find_candidates(root: str, patterns: list[str], in_git: bool):
    found, skipped = [], []
    for dp, dns, fns in os.walk(root, followlinks=False):
        rel_dir = os.path.relpath(dp, root)
        keep = []
        for d in dns:
            rel = os.path.normpath(os.path.join(rel_dir, d))
            full = os.path.join(dp, d)
            if d in NEVER_DESCEND:
                continue
            if any(fnmatch.fnmatch(d, p) or fnmatch.fnmatch(rel, p) or rel.endswith("/" + p) for p in patterns):
                if in_git and tracked_under(root, rel):
                    skipped.append((rel, "contains tracked files"))
                else:
                    found.append(full)
                continue  # don't descend into something we'll delete
            keep.append(d)
        dns[:] = keep
        for f in fns:
            if f == ".coverage" and ".coverage" in patterns:
                rel = os.path.normpath(os.path.join(rel_dir, f))
                if not (in_git and tracked_under(root, rel)):
                    found.append(os.path.join(dp, f))
    return found, skipped


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--delete", action="store_true")
    ap.add_argument("--yes", action="store_true")
    ap.add_argument("--deep", action="store_true")
    ap.add_argument("--only", help="comma-separated names to clean instead of the default set")
    ap.add_argument("--list-kinds", action="store_true")
    args = ap.parse_args()

    if args.list_kinds:
        print("default:", " ".join(DEFAULT))
        print("deep:   ", " ".join(DEEP))
        return 0

    root = project_root()
    in_git = os.path.isdir(os.path.join(root, ".git")) or subprocess.run(["git", "-C", root, "rev-parse"], capture_output=True).returncode == 0
    patterns = args.only.split(",") if args.only else DEFAULT + (DEEP if args.deep else [])
    found, skipped = find_candidates(root, patterns, in_git)

    total = 0
    print(f"project: {root}")
    for p in sorted(found):
        s = size_of(p)
        total += s
        kind = "link" if os.path.islink(p) else ("dir" if os.path.isdir(p) else "file")
        print(f"  {human(s):>8}  {kind:4}  {os.path.relpath(p, root)}")
    for rel, why in skipped:
        print(f"  {'skip':>8}        {rel}  ({why})")
    print(f"total: {human(total)} in {len(found)} item(s)")

    if not args.delete:
        print("dry run — nothing deleted. Re-run with --delete to remove these.")
        return 0
    if not found:
        return 0
    if not args.yes and input(f"Delete {len(found)} item(s), {human(total)}? [y/N] ").strip().lower() != "y":
        print("aborted")
        return 1
    for p in found:
        real_parent = os.path.realpath(os.path.dirname(p))
        if not (real_parent == root or real_parent.startswith(root + os.sep)):
            print(f"  skipped {p}: resolves outside project")
            continue
        if os.path.islink(p) or os.path.isfile(p):
            os.unlink(p)
        else:
            shutil.rmtree(p)
    print(f"deleted {len(found)} item(s), freed ~{human(total)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
