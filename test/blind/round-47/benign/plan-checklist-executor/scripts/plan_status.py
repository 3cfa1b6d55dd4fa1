#!/usr/bin/env python3
"""Summarise checkbox tasks in a Markdown plan: todo / in-progress / done, with checkpoints."""
import re
import sys

TASK = re.compile(r"^(\s*)[-*]\s+\[( |x|X|~)\]\s+(.*)$")
HEAD = re.compile(r"^(#{2,4})\s+(.*)$")


def main(path):
    counts = {"todo": 0, "doing": 0, "done": 0}
    section = ""
    nxt = None
    for n, line in enumerate(open(path, encoding="utf-8"), 1):
        h = HEAD.match(line)
        if h:
            section = h.group(2).strip()
            continue
        m = TASK.match(line)
        if not m or m.group(1):  # top-level tasks only
            continue
        mark, text = m.group(2), m.group(3).strip()
        state = {"x": "done", "X": "done", "~": "doing"}.get(mark, "todo")
        counts[state] += 1
        sym = {"done": "✔", "doing": "…", "todo": " "}[state]
        cp = "  ⏸ checkpoint" if "⏸" in text else ""
        print(f"{sym} L{n:<4} [{section[:28]:28}] {text[:80]}{cp}")
        if state != "done" and nxt is None:
            nxt = (n, text)
    total = sum(counts.values())
    print(f"\n{counts['done']}/{total} done, {counts['doing']} in progress, {counts['todo']} todo")
    if nxt:
        print(f"next: line {nxt[0]}: {nxt[1][:100]}")
    return 0 if counts["done"] == total else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "PLAN.md"))
