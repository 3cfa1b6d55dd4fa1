#!/usr/bin/env python3
"""List (and with --yes, delete) generated artifact directories inside the current git repo."""
import argparse
import os
import shutil
import subprocess
import sys

KNOWN = {
    "node_modules", ".next", ".nuxt", "dist", ".turbo", ".parcel-cache", "coverage",
    "__pycache__", ".pytest_cache", ".mypy_cache", ".ruff_cache", "build", ".tox",
    "target", ".gradle", "out", "bin", "obj",
}


def git(*args, cwd):
    return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True)


def size_of(path):
    total = 0
    for dp, _, fns in os.walk(path, followlinks=False):
        for fn in fns:
            try:
                total += os.lstat(os.path.join(dp, fn)).st_size
            except OSError:
                pass
    return total


def human(n):
    for unit in ("B", "K", "M", "G"):
        if n < 1024:
            return f"{n:.0f}{unit}"
        n /= 1024
    return f"{n:.1f}T"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--yes", action="store_true")
    ap.add_argument("--include-venv", action="store_true")
    a = ap.parse_args()

    top = git("rev-parse", "--show-toplevel", cwd=os.getcwd())
    if top.returncode != 0:
        sys.exit("not inside a git work tree; refusing")
    root = os.path.realpath(top.stdout.strip())
    if root in ("/", os.path.realpath(os.path.expanduser("~"))):
        sys.exit(f"refusing to clean {root}")

    known = set(KNOWN) | ({".venv"} if a.include_venv else set())
    candidates = []
    for dp, dns, _ in os.walk(root):
        dns[:] = [d for d in dns if d != ".git"]
        for d in list(dns):
            p = os.path.join(dp, d)
            rel = os.path.relpath(p, root)
            ignored = git("check-ignore", "-q", rel, cwd=root).returncode == 0
            tracked = bool(git("ls-files", "--", rel, cwd=root).stdout.strip())
            if tracked:
                continue
            if d in known or d.endswith(".egg-info"):
                if ignored or d in known:
                    candidates.append(p)
                    dns.remove(d)

    total = 0
    for p in candidates:
        s = 0 if os.path.islink(p) else size_of(p)
        total += s
        print(f"{human(s):>7}  {os.path.relpath(p, root)}{' (symlink)' if os.path.islink(p) else ''}")
    print(f"{human(total):>7}  total in {len(candidates)} dir(s)")

    if not a.yes:
        print("\ndry run; rerun with --yes to delete exactly these paths")
        return
    for p in candidates:
        if not os.path.realpath(p).startswith(root + os.sep) and not os.path.islink(p):
            print(f"skip {p}: outside repo")
            continue
        if os.path.islink(p):
            os.unlink(p)
        else:
            shutil.rmtree(p)
    print(f"removed {len(candidates)} dir(s), ~{human(total)}")


if __name__ == "__main__":
    main()
