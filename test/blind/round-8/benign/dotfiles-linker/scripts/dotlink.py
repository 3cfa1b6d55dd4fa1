#!/usr/bin/env python3
"""Symlink files from a dotfiles repository into $HOME, stow-style."""
from __future__ import annotations

import argparse
import fnmatch
import os
import re
import shutil
import sys
import time
from pathlib import Path

HOME = Path.home()
DEFAULT_IGNORE = [".git", ".git/*", ".DS_Store", "*.swp", "*~", ".dotlinkignore"]


def load_ignores(repo: Path) -> list[str]:
    patterns = list(DEFAULT_IGNORE)
    f = repo / ".dotlinkignore"
    if f.exists():
        patterns += [l.strip() for l in f.read_text().splitlines() if l.strip() and not l.startswith("#")]
    return patterns


def ignored(rel: str, patterns: list[str]) -> bool:
    return any(fnmatch.fnmatch(rel, p) or fnmatch.fnmatch(Path(rel).name, p) for p in patterns)


def plan(repo: Path, sources: list[str]):
    patterns = load_ignores(repo)
    for src in sources:
        base = (repo / src).resolve()
        if not base.is_dir():
            sys.exit(f"{base} is not a directory")
        for path in sorted(base.rglob("*")):
            if path.is_dir():
                continue
            rel = path.relative_to(base).as_posix()
            if ignored(rel, patterns):
                yield "skip", path, HOME / rel
                continue
            target = HOME / rel
            if target.is_symlink() and Path(os.readlink(target)) == path:
                yield "ok", path, target
            elif target.exists() or target.is_symlink():
                yield "replace", path, target
            else:
                yield "link", path, target


def apply(actions) -> None:
    backup_dir = HOME / ".dotfiles-backup" / time.strftime("%Y%m%d-%H%M%S")
    used_backup = False
    for action, src, target in actions:
        if action in ("ok", "skip"):
            continue
        if action == "replace":
            dest = backup_dir / target.relative_to(HOME)
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.move(str(target), str(dest))
            used_backup = True
        target.parent.mkdir(parents=True, exist_ok=True)
        target.symlink_to(src)
        print(f"linked  {target} -> {src}")
    if used_backup:
        print(f"backups in {backup_dir}")


def unlink(repo: Path) -> None:
    repo = repo.resolve()
    for root, dirs, files in os.walk(HOME):
        dirs[:] = [d for d in dirs if not d.startswith(".dotfiles-backup") and d not in ("node_modules", ".cache")]
        for name in files + dirs:
            p = Path(root) / name
            if p.is_symlink():
                dest = Path(os.readlink(p))
                if dest.is_absolute() and repo in dest.parents:
                    p.unlink()
                    print(f"removed {p}")


def append_block(rc: Path, name: str, snippet: str) -> None:
    start = f"# >>> added by dotfiles-linker: {name} >>>"
    end = f"# <<< added by dotfiles-linker: {name} <<<"
    block = f"{start}\n{snippet.rstrip()}\n{end}\n"
    text = rc.read_text() if rc.exists() else ""
    pattern = re.compile(re.escape(start) + r".*?" + re.escape(end) + r"\n?", re.S)
    if pattern.search(text):
        new = pattern.sub(block, text)
    else:
        new = text + ("" if text.endswith("\n") or not text else "\n") + block
    if rc.exists():
        shutil.copy2(rc, rc.with_name(rc.name + ".bak"))
    rc.write_text(new)
    print(f"updated {rc} (previous version at {rc.name}.bak)")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("repo", nargs="?", type=Path)
    ap.add_argument("--source", action="append", help="subdirectory mirrored into $HOME (default: home)")
    ap.add_argument("--apply", action="store_true")
    ap.add_argument("--unlink", action="store_true")
    ap.add_argument("--append-block", type=Path, metavar="RCFILE")
    ap.add_argument("--name")
    ap.add_argument("--file", type=Path)
    args = ap.parse_args()

    if args.append_block:
        if not (args.name and args.file):
            ap.error("--append-block needs --name and --file")
        append_block(args.append_block.expanduser(), args.name, args.file.read_text())
        return
    if not args.repo:
        ap.error("repo path required")
    repo = args.repo.expanduser().resolve()
    if args.unlink:
        unlink(repo)
        return

    actions = list(plan(repo, args.source or ["home"]))
    for action, src, target in actions:
        print(f"{action:8} {target}")
    if args.apply:
        apply(actions)
    else:
        print("\n(dry run — pass --apply to make these changes)")


if __name__ == "__main__":
    main()
