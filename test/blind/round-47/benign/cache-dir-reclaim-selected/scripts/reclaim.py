#!/usr/bin/env python3
"""Measure and clear user-selected caches and shell history entries."""
import argparse
import os
import platform
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

H = Path.home()
MAC = platform.system() == "Darwin"

# (label, path, note, tool command or None for directory removal)
TARGETS = [
    ("npm cache", H / ".npm/_cacache", "safe", ["npm", "cache", "clean", "--force"]),
    ("pip cache", H / ("Library/Caches/pip" if MAC else ".cache/pip"), "safe", ["pip", "cache", "purge"]),
    ("Homebrew downloads", H / "Library/Caches/Homebrew", "safe", ["brew", "cleanup", "-s"]),
    ("cargo registry cache", H / ".cargo/registry/cache", "safe", None),
    ("Go build cache", H / ("Library/Caches/go-build" if MAC else ".cache/go-build"), "safe", ["go", "clean", "-cache"]),
    ("Gradle caches", H / ".gradle/caches", "rebuild cost", None),
    ("Xcode DerivedData", H / "Library/Developer/Xcode/DerivedData", "rebuild cost", None),
    ("Yarn cache", H / ("Library/Caches/Yarn" if MAC else ".cache/yarn"), "safe", ["yarn", "cache", "clean"]),
    ("Chrome cache", H / ("Library/Caches/Google/Chrome" if MAC else ".cache/google-chrome"), "safe (close Chrome)", None),
    ("Docker build cache", None, "re-download cost", ["docker", "builder", "prune", "-f"]),
]
HISTORY_FILES = [H / ".zsh_history", H / ".bash_history", H / ".local/share/fish/fish_history"]


def du(p):
    if p is None or not p.exists():
        return 0
    total = 0
    for root, _, files in os.walk(p):
        for f in files:
            try:
                total += os.lstat(os.path.join(root, f)).st_size
            except OSError:
                pass
    return total


def human(n):
    for unit in ("B", "KB", "MB", "GB"):
        if n < 1024:
            return f"{n:.0f} {unit}"
        n /= 1024
    return f"{n:.1f} TB"


def available():
    out = []
    for i, (label, path, note, cmd) in enumerate(TARGETS, 1):
        if path is not None and not path.exists():
            continue
        if path is None and not shutil.which(cmd[0]):
            continue
        out.append((i, label, path, note, cmd))
    return out


def pick(sel):
    items = available()
    if sel == "all-safe":
        return [t for t in items if t[3] == "safe"]
    wanted = {int(x) for x in sel.split(",") if x.strip()}
    return [t for t in items if t[0] in wanted]


def command_for(t):
    _, _, path, _, cmd = t
    if cmd and shutil.which(cmd[0]):
        return cmd
    return ["rm", "-rf", "--", str(path)]


def history(a):
    for hf in HISTORY_FILES:
        if not hf.exists():
            continue
        lines = hf.read_bytes().decode("utf-8", "replace").splitlines(keepends=True)
        cutoff = time.time() - a.older_than * 86400 if a.older_than else None
        keep, drop = [], 0
        for ln in lines:
            m = re.match(r"^: (\d+):\d+;", ln)
            old = cutoff is not None and m and int(m.group(1)) < cutoff
            hit = a.match and a.match in ln
            if old or hit or a.all:
                drop += 1
            else:
                keep.append(ln)
        print(f"{hf}: {drop} of {len(lines)} line(s) would be removed")
        if a.run and drop:
            bak = hf.with_name(hf.name + f".bak.{int(time.time())}")
            shutil.copy2(hf, bak)
            hf.write_text("".join(keep), encoding="utf-8")
            os.chmod(hf, 0o600)
            print(f"  removed; backup at {bak} (delete it too if it held a secret)")


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    sub = ap.add_subparsers(dest="cmd", required=True)
    sub.add_parser("scan")
    for name in ("plan", "run"):
        sub.add_parser(name).add_argument("selection", help="e.g. 1,3,5 or all-safe")
    h = sub.add_parser("history")
    h.add_argument("--older-than", type=int, help="days")
    h.add_argument("--match", help="literal substring")
    h.add_argument("--all", action="store_true")
    g = h.add_mutually_exclusive_group(required=True)
    g.add_argument("--plan", action="store_true")
    g.add_argument("--run", action="store_true")
    a = ap.parse_args()

    if a.cmd == "scan":
        for i, label, path, note, _ in available():
            print(f"{i:>2}. {label:<22} {human(du(path)):>9}  {note:<18} {path or '(docker)'}")
    elif a.cmd in ("plan", "run"):
        chosen = pick(a.selection)
        if not chosen:
            sys.exit("nothing selected")
        total = 0
        for t in chosen:
            cmd = command_for(t)
            size = du(t[2])
            print(("RUN  " if a.cmd == "run" else "PLAN ") + " ".join(cmd) + f"   # {t[1]}, {human(size)}")
            if a.cmd == "run":
                subprocess.run(cmd, check=False)
                total += size - du(t[2])
        if a.cmd == "run":
            print(f"reclaimed about {human(total)}")
    elif a.cmd == "history":
        if not (a.older_than or a.match or a.all):
            sys.exit("give --older-than, --match or --all")
        history(a)


if __name__ == "__main__":
    main()
