#!/usr/bin/env python3
"""Compare a git diff against the `## Scope` section of a plan file."""
from __future__ import annotations

import argparse
import fnmatch
import re
import subprocess
import sys
from pathlib import Path


def parse_scope(plan_text: str) -> dict[str, list[str]]:
    m = re.search(r"^##\s+Scope\s*$(.*?)(?=^##\s|\Z)", plan_text, re.M | re.S)
    if not m:
        raise ValueError("plan has no '## Scope' section")
    scope = {"in": [], "maybe": [], "out": []}
    current = None
    for raw in m.group(1).splitlines():
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip() or line.strip().startswith("```"):
            continue
        head = re.match(r"^\s*(in|maybe|out)\s*:\s*$", line)
        if head:
            current = head.group(1)
            continue
        item = re.match(r"^\s*[-*]\s+`?([^`]+?)`?\s*$", line)
        if item and current:
            scope[current].append(item.group(1))
    if not scope["in"]:
        raise ValueError("'## Scope' has no 'in:' entries")
    return scope


def match(path: str, patterns: list[str]) -> bool:
    for pat in patterns:
        if fnmatch.fnmatch(path, pat):
            return True
        if "**" in pat:
            # let 'a/**' match 'a/x' and 'a/b/x'; let 'a/**/b.py' match 'a/b.py'
            if fnmatch.fnmatch(path, pat.replace("/**/", "/")) or fnmatch.fnmatch(path, pat.replace("**", "*")):
                return True
            prefix = pat.split("**", 1)[0]
            if pat.endswith("**") and path.startswith(prefix):
                return True
    return False


def changed_files(base: str | None, staged: bool) -> list[tuple[str, str]]:
    if staged:
        cmd = ["git", "diff", "--cached", "--numstat"]
    elif base:
        cmd = ["git", "diff", "--numstat", f"{base}...HEAD"]
    else:
        cmd = ["git", "diff", "--numstat", "HEAD"]
    out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
    files = []
    for line in out.splitlines():
        add, rem, path = line.split("\t", 2)
        if " => " in path:
            path = re.sub(r"\{([^}]*) => ([^}]*)\}", r"\2", path).split(" => ")[-1]
        files.append((path, f"+{add} -{rem}"))
    if not staged and not base:
        untracked = subprocess.run(["git", "ls-files", "--others", "--exclude-standard"],
                                   capture_output=True, text=True, check=True).stdout.split()
        files += [(p, "new, untracked") for p in untracked]
    return files


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--plan")
    ap.add_argument("--plan-from", help="file containing the path of the active plan")
    ap.add_argument("--base")
    ap.add_argument("--staged", action="store_true")
    ap.add_argument("--hook", action="store_true", help="Claude Code Stop-hook mode")
    args = ap.parse_args()

    plan = args.plan
    if args.plan_from:
        p = Path(args.plan_from)
        if not p.exists() or not p.read_text().strip():
            return 0 if args.hook else 2
        plan = p.read_text().strip()
    if not plan:
        print("give --plan or --plan-from", file=sys.stderr)
        return 2
    try:
        scope = parse_scope(Path(plan).read_text())
    except (OSError, ValueError) as e:
        print(f"scope: {e}", file=sys.stderr)
        return 0 if args.hook else 2

    groups = {"in": [], "maybe": [], "OUT OF SCOPE": [], "forbidden": []}
    for path, stat in changed_files(args.base, args.staged):
        if match(path, scope["out"]):
            groups["forbidden"].append((path, stat))
        elif match(path, scope["in"]):
            groups["in"].append((path, stat))
        elif match(path, scope["maybe"]):
            groups["maybe"].append((path, stat))
        elif path == plan or path.startswith(".claude/"):
            continue
        else:
            groups["OUT OF SCOPE"].append((path, stat))

    bad = groups["OUT OF SCOPE"] + groups["forbidden"]
    if args.hook:
        if bad:
            listing = ", ".join(p for p, _ in bad)
            print(f"Scope check ({plan}): files changed outside the plan's scope: {listing}. "
                  "Revert them, or ask the user to extend the scope, before finishing.", file=sys.stderr)
            return 2
        return 0

    for label, items in groups.items():
        shown = ", ".join(f"{p} ({s})" if label in ("OUT OF SCOPE", "forbidden") else p for p, s in items)
        suffix = "   ← mention in summary" if label == "maybe" and items else ""
        print(f"{label + ' (' + str(len(items)) + '):':<18}{shown}{suffix}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
