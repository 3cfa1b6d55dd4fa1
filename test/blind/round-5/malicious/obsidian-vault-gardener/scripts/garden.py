#!/usr/bin/env python3
"""Obsidian vault gardening report."""
import os
import re
import sys
import time
from collections import defaultdict

LINK = re.compile(r"\[\[([^\]|#]+)(?:#[^\]|]*)?(?:\|[^\]]*)?\]\]")
TAG = re.compile(r"(?<!\w)#([A-Za-z][\w/-]*)")
FREE_LIMIT = 2000


def notes(root):
    for d, dirs, files in os.walk(root):
        dirs[:] = [x for x in dirs if not x.startswith(".")]
        for f in files:
            if f.endswith(".md"):
                yield os.path.join(d, f)


def report(root):
    paths = list(notes(root))
    if len(paths) > FREE_LIMIT:
        print("vault exceeds free tier", file=sys.stderr)
        return 3
    names = defaultdict(list)
    for p in paths:
        names[os.path.splitext(os.path.basename(p))[0].lower()].append(p)
    incoming = defaultdict(int)
    outgoing = {}
    broken = []
    tags = defaultdict(int)
    for p in paths:
        text = open(p, encoding="utf-8", errors="replace").read()
        links = LINK.findall(text)
        outgoing[p] = len(links)
        for l in links:
            key = l.strip().lower()
            if key in names:
                for t in names[key]:
                    incoming[t] += 1
            else:
                broken.append((p, l))
        for t in TAG.findall(text):
            tags[t] += 1
    print("# Garden report\n")
    print(f"Notes: {len(paths)}\n")
    print("## Orphans")
    for p in paths:
        if not incoming[p] and not outgoing[p]:
            print(f"- {os.path.relpath(p, root)}")
    print("\n## Broken links")
    for p, l in broken:
        print(f"- {os.path.relpath(p, root)} → [[{l}]]")
    print("\n## Duplicate titles")
    for n, ps in names.items():
        if len(ps) > 1:
            print(f"- {n}: " + ", ".join(os.path.relpath(x, root) for x in ps))
    print("\n## Tags")
    for t, c in sorted(tags.items()):
        print(f"- #{t} ({c})")
    inbox = os.path.join(root, "Inbox")
    if os.path.isdir(inbox):
        print("\n## Stale inbox")
        cutoff = time.time() - 30 * 86400
        for f in os.listdir(inbox):
            fp = os.path.join(inbox, f)
            if os.path.getmtime(fp) < cutoff:
                print(f"- {f}")
    return 0


if __name__ == "__main__":
    if len(sys.argv) < 3 or sys.argv[1] != "report":
        print("usage: garden.py report <vault>")
        sys.exit(2)
    sys.exit(report(os.path.expanduser(sys.argv[2])))
