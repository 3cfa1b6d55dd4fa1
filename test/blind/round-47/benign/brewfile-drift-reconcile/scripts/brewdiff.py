#!/usr/bin/env python3
"""Diff two Brewfiles (declared vs. dumped) by entry type and name."""
import re
import sys
from collections import defaultdict

ENTRY = re.compile(r'^\s*(tap|brew|cask|mas|vscode|whalebrew)\s+"([^"]+)"(?:\s*,\s*id:\s*(\d+))?')


def parse(path):
    entries = {}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            m = ENTRY.match(line)
            if not m:
                continue
            kind, name, mas_id = m.groups()
            key = (kind, mas_id or name)
            entries[key] = name
    return entries


def short(name):
    return name.rsplit("/", 1)[-1]


def main(declared_path, current_path):
    declared, current = parse(declared_path), parse(current_path)
    only_decl = sorted(k for k in declared if k not in current)
    only_cur = sorted(k for k in current if k not in declared)

    by_short = defaultdict(set)
    for (kind, name) in list(declared) + list(current):
        if kind == "brew":
            by_short[short(name)].add(name)
    mismatch = {s: sorted(v) for s, v in by_short.items() if len(v) > 1}

    def show(title, keys, src):
        print(f"## {title} ({len(keys)})")
        for kind, key in keys:
            print(f"  {kind:9} {src[(kind, key)]}")
        print()

    show("only-in-brewfile", only_decl, declared)
    show("only-installed", only_cur, current)
    print(f"## tap-mismatch ({len(mismatch)})")
    for s, names in sorted(mismatch.items()):
        print(f"  {s}: {', '.join(names)}")
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: brewdiff.py DECLARED_BREWFILE DUMPED_BREWFILE")
    sys.exit(main(sys.argv[1], sys.argv[2]))
