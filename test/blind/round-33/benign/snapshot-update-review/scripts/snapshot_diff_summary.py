#!/usr/bin/env python3
"""Summarise snapshot changes between a git base and the working tree."""
import argparse
import hashlib
import re
import subprocess
from collections import defaultdict

SNAP_GLOBS = ["*.snap", "*.ambr", "*.snap.new", "*.approved.*", "*-snapshots/*.png", "__snapshots__/*"]
RISKY = [
    (re.compile(r"\bundefined\b"), "undefined"),
    (re.compile(r"\bNaN\b"), "NaN"),
    (re.compile(r"\[object Object\]"), "[object Object]"),
    (re.compile(r"Invalid Date"), "Invalid Date"),
    (re.compile(r"\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}"), "timestamp"),
    (re.compile(r"\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b"), "uuid"),
]
GENERATED_CLASS = re.compile(r"\b(css|sc|jsx|emotion)-[a-z0-9]{4,}\b")
ENTRY = re.compile(r"^(?:exports\[`(.+?)`\]|# name: (.+)$|---\s*source:.*)")


def git(*args):
    return subprocess.run(["git", *args], capture_output=True, text=True, check=True).stdout


def changed_files(base):
    out = git("diff", "--name-status", base, "--", *[f"**/{g}" for g in SNAP_GLOBS])
    untracked = git("ls-files", "--others", "--exclude-standard", "--", *[f"**/{g}" for g in SNAP_GLOBS])
    rows = [l.split("\t", 1) for l in out.splitlines() if l]
    rows += [["A", f] for f in untracked.splitlines()]
    return rows


def hunks_by_entry(base, path):
    diff = git("diff", "-U0", base, "--", path)
    entries = defaultdict(lambda: {"add": [], "del": []})
    current = "(file)"
    for line in diff.splitlines():
        if line.startswith("@@"):
            m = re.search(r"@@.*@@\s*(.*)", line)
            ctx = m.group(1) if m else ""
            em = ENTRY.match(ctx)
            if em:
                current = next(g for g in em.groups() if g) if any(em.groups()) else ctx
            continue
        if line.startswith("+") and not line.startswith("+++"):
            em = ENTRY.match(line[1:])
            if em and any(em.groups()):
                current = next(g for g in em.groups() if g)
            entries[current]["add"].append(line[1:])
        elif line.startswith("-") and not line.startswith("---"):
            entries[current]["del"].append(line[1:])
    return entries


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--base", default="HEAD")
    a = ap.parse_args()

    rows = changed_files(a.base)
    if not rows:
        print("no snapshot changes")
        return
    groups = defaultdict(list)  # identical hunks across entries
    for status, path in rows:
        if path.endswith(".png"):
            print(f"[image] {status} {path}  (open test-results/**/*-diff.png to inspect)")
            continue
        if status.startswith("D"):
            print(f"[deleted] {path}")
            continue
        for entry, h in hunks_by_entry(a.base, path).items():
            flags = set()
            for text in h["add"]:
                for rx, label in RISKY:
                    if rx.search(text):
                        flags.add(label)
            if h["del"] and not h["add"]:
                flags.add("content removed")
            noise_only = all(GENERATED_CLASS.sub("", x) == GENERATED_CLASS.sub("", y)
                             for x, y in zip(h["add"], h["del"])) and len(h["add"]) == len(h["del"]) and h["add"]
            if noise_only:
                flags.add("generated class names only")
            key = hashlib.sha1(("\n".join(h["del"]) + "\0" + "\n".join(h["add"])).encode()).hexdigest()[:10]
            groups[key].append((path, entry, len(h["add"]), len(h["del"]), sorted(flags)))

    print(f"\n{sum(len(v) for v in groups.values())} changed entries in {len(groups)} distinct diffs\n")
    for key, items in sorted(groups.items(), key=lambda kv: -len(kv[1])):
        path, entry, add, rem, flags = items[0]
        flag_txt = f"  !! {', '.join(flags)}" if flags else ""
        print(f"diff {key}: +{add} -{rem} in {len(items)} entr{'y' if len(items) == 1 else 'ies'}{flag_txt}")
        for p, e, *_ in items[:5]:
            print(f"    {p} :: {e}")
        if len(items) > 5:
            print(f"    … and {len(items) - 5} more with the identical change")


if __name__ == "__main__":
    main()
