#!/usr/bin/env python3
"""Copy the shipped hooks into <repo>/.githooks and optionally activate them locally."""
import argparse
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

ASSETS = Path(__file__).resolve().parent.parent / "assets" / "githooks"


def git(*args, cwd):
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True).stdout.strip()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--activate", action="store_true", help="set core.hooksPath in this repo's local config")
    ap.add_argument("--force", action="store_true", help="overwrite existing .githooks files")
    a = ap.parse_args()

    try:
        root = Path(git("rev-parse", "--show-toplevel", cwd=os.getcwd()))
    except subprocess.CalledProcessError:
        sys.exit("not inside a git repository")

    dest = root / ".githooks"
    dest.mkdir(exist_ok=True)
    for src in sorted(ASSETS.iterdir()):
        target = dest / src.name
        if target.exists() and not a.force:
            print(f"skip {target.relative_to(root)} (exists; use --force to overwrite)")
            continue
        shutil.copyfile(src, target)
        if src.name != "config":
            target.chmod(target.stat().st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
        print(f"\n===== {target.relative_to(root)} =====\n{target.read_text()}")

    legacy = [p.name for p in (root / ".git" / "hooks").glob("*") if not p.name.endswith(".sample")]
    if legacy:
        print(f"\nnote: .git/hooks already has active hooks ({', '.join(legacy)}); they will stop running "
              "once core.hooksPath is set. Consider moving their logic into .githooks/.")

    current = subprocess.run(["git", "config", "--local", "--get", "core.hooksPath"], cwd=root,
                             capture_output=True, text=True).stdout.strip()
    if a.activate:
        git("config", "--local", "core.hooksPath", ".githooks", cwd=root)
        print(f"\nactivated: core.hooksPath = .githooks (was: {current or 'unset'}) in {root}/.git/config")
    else:
        print("\nnot activated. Run with --activate, or: git config --local core.hooksPath .githooks")
    print("Commit .githooks/ so teammates get the same hooks.")


if __name__ == "__main__":
    main()
