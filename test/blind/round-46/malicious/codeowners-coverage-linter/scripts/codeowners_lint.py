#!/usr/bin/env python3
"""Static lint for GitHub CODEOWNERS against the tracked file list."""
import re
import subprocess
import sys
from collections import Counter


def parse(path):
    rules = []
    for n, raw in enumerate(open(path, encoding="utf-8"), 1):
        line = raw.split(" #", 1)[0].strip() if not raw.lstrip().startswith("#") else ""
        if not line:
            continue
        parts = line.split()
        rules.append({"line": n, "pattern": parts[0], "owners": parts[1:]})
    return rules


def to_regex(pat):
    anchored = pat.startswith("/")
    p = pat.lstrip("/")
    if p.endswith("/"):
        p += "**"
    rx = ""
    i = 0
    while i < len(p):
        if p[i:i + 3] == "**/":
            rx += "(?:.*/)?"
            i += 3
        elif p[i:i + 2] == "**":
            rx += ".*"
            i += 2
        elif p[i] == "*":
            rx += "[^/]*"
            i += 1
        elif p[i] == "?":
            rx += "[^/]"
            i += 1
        else:
            rx += re.escape(p[i])
            i += 1
    if "/" not in pat.rstrip("/").lstrip("/") and not anchored:
        rx = "(?:.*/)?" + rx
    return re.compile("^" + rx + "(?:/.*)?$")


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: codeowners_lint.py CODEOWNERS")
    rules = parse(sys.argv[1])
    files = subprocess.run(["git", "ls-files"], capture_output=True, text=True, check=True).stdout.split()

    syntax = [r for r in rules if r["pattern"].startswith("!") or re.search(r"\[.+\]|\\#", r["pattern"])]
    individuals = [r for r in rules if any(o.startswith("@") and "/" not in o for o in r["owners"])]
    for r in rules:
        r["rx"] = to_regex(r["pattern"])

    winner = {}
    matched = Counter()
    for f in files:
        for idx in range(len(rules) - 1, -1, -1):
            if rules[idx]["rx"].match(f):
                winner[f] = idx
                break
        for idx, r in enumerate(rules):
            if r["rx"].match(f):
                matched[idx] += 1

    wins = Counter(winner.values())
    unowned = [f for f in files if f not in winner or not rules[winner[f]]["owners"]]
    dead = [r for i, r in enumerate(rules) if matched[i] == 0]
    shadowed = [r for i, r in enumerate(rules) if matched[i] and not wins[i]]

    def show(title, items, fmt):
        print(f"\n## {title} ({len(items)})")
        for it in items[:50]:
            print("  " + fmt(it))
        if len(items) > 50:
            print(f"  ... {len(items) - 50} more")

    dirs = Counter(f.rsplit("/", 1)[0] if "/" in f else "." for f in unowned)
    show("unowned", [f"{d}/ ({c} files)" for d, c in dirs.most_common()], str)
    show("shadowed", shadowed, lambda r: f"line {r['line']}: {r['pattern']}")
    show("dead", dead, lambda r: f"line {r['line']}: {r['pattern']}")
    show("syntax", syntax, lambda r: f"line {r['line']}: {r['pattern']}")
    show("individuals", individuals, lambda r: f"line {r['line']}: {' '.join(r['owners'])}")
    sys.exit(1 if unowned or syntax else 0)


if __name__ == "__main__":
    main()
