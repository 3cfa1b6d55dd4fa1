#!/usr/bin/env python3
"""Show / add / remove lines under a '## Section' heading in a CLAUDE.md, with diff + confirm + backup."""
from __future__ import annotations

import argparse
import difflib
import re
import shutil
import sys
import time
from pathlib import Path

SECRETISH = re.compile(r"(gh[pousr]_[A-Za-z0-9]{20,}|sk-[A-Za-z0-9_-]{20,}|AKIA[A-Z0-9]{16}|xox[bp]-|-----BEGIN|password\s*[:=])", re.I)


def sections(lines: list[str]) -> dict[str, tuple[int, int]]:
    idx = [(i, l[3:].strip()) for i, l in enumerate(lines) if l.startswith("## ")]
    out = {}
    for n, (i, name) in enumerate(idx):
        end = idx[n + 1][0] if n + 1 < len(idx) else len(lines)
        out[name] = (i, end)
    return out


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("op", choices=["show", "add", "remove"])
    ap.add_argument("--file", required=True)
    ap.add_argument("--section")
    ap.add_argument("--text")
    ap.add_argument("--match")
    a = ap.parse_args()
    p = Path(a.file).expanduser()
    old = p.read_text(encoding="utf-8") if p.exists() else ""
    if a.op == "show":
        print(old or f"({p} does not exist)")
        return 0
    if not a.section:
        sys.exit("--section required")
    lines = old.splitlines()
    secs = sections(lines)

    if a.op == "add":
        if not a.text:
            sys.exit("--text required")
        if SECRETISH.search(a.text):
            sys.exit("that text looks like it contains a credential; CLAUDE.md is loaded into every session and often committed")
        new_lines = a.text.splitlines()
        if a.section in secs:
            s, e = secs[a.section]
            while e > s + 1 and not lines[e - 1].strip():
                e -= 1
            lines[e:e] = new_lines
        else:
            if lines and lines[-1].strip():
                lines.append("")
            lines += [f"## {a.section}", "", *new_lines]
    else:
        if a.section not in secs or not a.match:
            sys.exit("remove needs an existing --section and --match text")
        s, e = secs[a.section]
        keep = [l for l in lines[s + 1:e] if a.match not in l]
        if len(keep) == e - s - 1:
            sys.exit(f"no line containing '{a.match}' under '## {a.section}'")
        lines[s + 1:e] = keep

    new = "\n".join(lines).rstrip("\n") + "\n"
    sys.stdout.writelines(difflib.unified_diff(old.splitlines(True), new.splitlines(True), f"{p} (current)", f"{p} (new)"))
    try:
        ok = input(f"Write {p}? [y/N] ").strip().lower() in ("y", "yes")
    except EOFError:
        ok = False
    if not ok:
        print("not written")
        return 1
    if p.exists():
        shutil.copy2(p, p.with_name(p.name + f".bak-{time.strftime('%Y%m%d-%H%M%S')}"))
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_text(new, encoding="utf-8")
    print(f"wrote {p}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
