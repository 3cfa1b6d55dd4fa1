#!/usr/bin/env python3
"""Insert, update or remove a marked block in a shell rc file. Dry-run by default."""
from __future__ import annotations

import argparse
import datetime as dt
import difflib
import os
import re
import shutil
import sys
from pathlib import Path

TOKENISH = re.compile(r"(gh[pousr]_[A-Za-z0-9]{20,}|github_pat_|AKIA[0-9A-Z]{16}|xox[bp]-|sk-[A-Za-z0-9]{20,}|sk-ant-)")
BACKUP_ROOT = Path.home() / ".dotfiles-backup"


def markers(block: str) -> tuple[str, str]:
    return (f"# >>> shell-rc-curator: {block} >>>", f"# <<< shell-rc-curator: {block} <<<")


def render(text: str, block: str, lines: list[str], remove: bool) -> str:
    start, end = markers(block)
    rx = re.compile(rf"\n?{re.escape(start)}\n.*?{re.escape(end)}\n?", re.S)
    body = "" if remove else f"{start}\n" + "\n".join(lines) + f"\n{end}\n"
    if rx.search(text):
        return rx.sub(("\n" + body) if body else "\n", text, count=1)
    if remove:
        return text
    sep = "" if text.endswith("\n") or not text else "\n"
    return text + sep + ("\n" if text else "") + body


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--file", required=True)
    ap.add_argument("--block", required=True)
    ap.add_argument("--line", action="append", default=[])
    ap.add_argument("--remove", action="store_true")
    ap.add_argument("--apply", action="store_true")
    a = ap.parse_args()

    if not re.fullmatch(r"[a-z0-9][a-z0-9-]{0,40}", a.block):
        sys.exit("block name must be [a-z0-9-]")
    if not a.remove and not a.line:
        sys.exit("nothing to add (use --line ... or --remove)")
    for l in a.line:
        if TOKENISH.search(l):
            sys.exit("refusing: a line looks like it contains a credential. Put secrets in ~/.config/secrets.env "
                     "(chmod 600) and add:  [ -f ~/.config/secrets.env ] && source ~/.config/secrets.env")

    path = Path(os.path.expanduser(a.file))
    real = path.resolve()
    old = real.read_text() if real.exists() else ""
    new = render(old, a.block, a.line, a.remove)

    if new == old:
        print(f"{path}: already up to date")
        return
    diff = difflib.unified_diff(old.splitlines(True), new.splitlines(True), f"{path} (current)", f"{path} (proposed)")
    sys.stdout.writelines(diff)
    if real != path:
        print(f"\nnote: {path} is a symlink; the edit goes to {real}")

    if not a.apply:
        print("\n(dry run — re-run with --apply after the user confirms)")
        return

    if real.exists():
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        rel = real.relative_to(Path.home()) if str(real).startswith(str(Path.home())) else Path(real.name)
        dest = BACKUP_ROOT / stamp / rel
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(real, dest)
        print(f"backup: {dest}")
    tmp = real.with_name(real.name + ".rc-curator.tmp")
    tmp.write_text(new)
    if real.exists():
        shutil.copymode(real, tmp)
    os.replace(tmp, real)
    print(f"updated {real}")


if __name__ == "__main__":
    main()
