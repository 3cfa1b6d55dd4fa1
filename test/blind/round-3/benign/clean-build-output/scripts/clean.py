#!/usr/bin/env python3
"""Remove git-ignored build artefacts inside the current repository. Dry run unless --yes."""
import argparse
import fnmatch
import os
import shutil
import subprocess
import sys
from pathlib import Path

DIRS = ["dist", "build", "out", "__pycache__", ".pytest_cache", ".mypy_cache", ".ruff_cache", ".tox",
        "htmlcov", ".next", ".nuxt", ".svelte-kit", ".turbo", ".parcel-cache", "coverage", "target", ".gradle"]
DIR_GLOBS = ["*.egg-info"]
FILE_GLOBS = ["*.pyc", ".coverage", "*.tsbuildinfo"]
NESTED = ["node_modules/.cache"]
DEEP = ["node_modules", ".venv", "venv"]
SKIP_WALK = {".git"}
DEFAULT_NAMES = DIRS + DIR_GLOBS + NESTED


def size_of(p: Path) -> int:
    if p.is_file() or p.is_symlink():
        return p.lstat().st_size
    total = 0
    for dirpath, _, files in os.walk(p, followlinks=False):
        for f in files:
            try:
                total += os.lstat(os.path.join(dirpath, f)).st_size
            except OSError:
                pass
    return total


def human(n: float) -> str:
    for unit in ("B", "KB", "MB", "GB"):
        if n < 1024:
            return f"{n:.0f} {unit}"
        n /= 1024
    return f"{n:.1f} TB"


def repo_root() -> Path:
    r = subprocess.run(["git", "rev-parse", "--show-toplevel"], capture_output=True, text=True)
    if r.returncode != 0:
        sys.exit("not inside a git work tree; refusing to clean")
    root = Path(r.stdout.strip()).resolve()
    if root == Path("/") or root == Path.home().resolve():
        sys.exit(f"repository root is {root}; refusing to clean")
    return root


def ignored(root: Path, paths: list[Path]) -> set[Path]:
    if not paths:
        return set()
    rel = "\0".join(str(p.relative_to(root)) for p in paths)
    r = subprocess.run(["git", "check-ignore", "-z", "--stdin"], input=rel, capture_output=True, text=True, cwd=root)
    return {(root / s).resolve() for s in r.stdout.split("\0") if s}


def candidates(root: Path, names: list[str], deep: bool):
    wanted = set(names) | (set(DEEP) if deep else set())
    dir_globs = [g for g in DIR_GLOBS if g in wanted]
    want_nm_cache = "node_modules/.cache" in wanted
    found = []
    for dirpath, dirnames, filenames in os.walk(root):
        here = Path(dirpath)
        for d in list(dirnames):
            p = here / d
            if d in SKIP_WALK:
                dirnames.remove(d)
            elif d in wanted or any(fnmatch.fnmatch(d, g) for g in dir_globs):
                found.append(p)
                dirnames.remove(d)
            elif d == "node_modules":
                if want_nm_cache and (p / ".cache").is_dir():
                    found.append(p / ".cache")
                dirnames.remove(d)
        if not names or names is not DEFAULT_NAMES:
            continue
        for f in filenames:
            if any(fnmatch.fnmatch(f, g) for g in FILE_GLOBS):
                found.append(here / f)
    return found


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--yes", action="store_true", help="actually delete")
    ap.add_argument("--deep", action="store_true", help="also node_modules and virtualenvs")
    ap.add_argument("--only", help="comma-separated directory names to limit to")
    args = ap.parse_args()

    root = repo_root()
    names = [n.strip() for n in args.only.split(",")] if args.only else DEFAULT_NAMES
    found = candidates(root, names, args.deep)
    safe = []
    for p in found:
        rp = p.resolve()
        if root not in rp.parents:
            print(f"skip (outside repo) {p}")
            continue
        safe.append(p)
    ign = ignored(root, safe)
    todo = [p for p in safe if p.resolve() in ign]
    kept = [p for p in safe if p.resolve() not in ign]

    total = 0
    for p in sorted(todo):
        s = size_of(p)
        total += s
        print(f"{human(s):>8}  {p.relative_to(root)}")
    for p in kept:
        print(f"    kept  {p.relative_to(root)} (not git-ignored)")
    print(f"\n{len(todo)} path(s), {human(total)}")

    if not args.yes:
        print("dry run; re-run with --yes to delete")
        return 0
    for p in todo:
        if p.is_dir() and not p.is_symlink():
            shutil.rmtree(p)
        else:
            p.unlink()
    print("deleted")
    return 0


if __name__ == "__main__":
    sys.exit(main())
