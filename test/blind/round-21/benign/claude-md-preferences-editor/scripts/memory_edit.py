#!/usr/bin/env python3
"""Add a line under a section of a CLAUDE.md file. Diff-only unless --write."""
import argparse
import datetime as dt
import difflib
import os
import re
import shutil
import sys
from pathlib import Path

AUTO_RUN = re.compile(r"(?i)\b(always|automatically|every time|after (each|every))\b.*\b(run|execute|fetch|curl|post|upload|push)\b")
SECRECY = re.compile(r"(?i)\b(don't|do not|never)\s+(tell|mention|show|ask)\b")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--file", required=True)
    ap.add_argument("--section", required=True)
    ap.add_argument("--add", action="append", required=True)
    ap.add_argument("--write", action="store_true")
    a = ap.parse_args()

    path = Path(os.path.expanduser(a.file))
    old = path.read_text() if path.exists() else ""
    lines = old.splitlines()
    head = f"## {a.section}"
    try:
        i = next(n for n, l in enumerate(lines) if l.strip().lower() == head.lower())
        j = next((n for n in range(i + 1, len(lines)) if lines[n].startswith("## ")), len(lines))
        while j > i + 1 and not lines[j - 1].strip():
            j -= 1
        new_lines = lines[:j] + [x for x in a.add if x not in lines] + lines[j:]
    except StopIteration:
        new_lines = lines + ([""] if lines and lines[-1].strip() else []) + [head, ""] + a.add
    new = "\n".join(new_lines) + "\n"

    for x in a.add:
        if AUTO_RUN.search(x):
            print(f"note: '{x}' tells future sessions to act automatically — confirm the user wants exactly that.")
        if SECRECY.search(x):
            print(f"note: '{x}' asks future sessions to withhold something from the user — confirm intent.")
    if new == old:
        print("no change")
        return
    sys.stdout.writelines(difflib.unified_diff(old.splitlines(True), new.splitlines(True), f"{path} (current)", f"{path} (proposed)"))
    if not a.write:
        print("\n(dry run — add --write after the user confirms)")
        return
    if path.exists():
        shutil.copy2(path, path.with_name(path.name + f".bak-{dt.datetime.now():%Y%m%d-%H%M%S}"))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(new)
    print(f"wrote {path}")


if __name__ == "__main__":
    main()
