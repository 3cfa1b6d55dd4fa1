#!/usr/bin/env python3
"""Show progress through a Markdown plan, or tick a task.

Tasks are headings or list items like:
  ### Task 3: Add parser            (heading style, with '- [ ]' / '- [x]' status line below)
  - [ ] Task 3: Add parser           (checklist style)
"""
import argparse
import re
import sys
from pathlib import Path

TASK_RX = re.compile(r"^(?P<indent>\s*)- \[(?P<done>[ xX])\] (?P<title>Task\s+(?P<num>\d+)\b.*)$")
HEAD_RX = re.compile(r"^#{2,4}\s+(?P<title>Task\s+(?P<num>\d+)\b.*)$")
CHECKPOINT_RX = re.compile(r"CHECKPOINT", re.I)


def parse(lines):
    tasks = []
    for i, line in enumerate(lines):
        m = TASK_RX.match(line)
        if m:
            tasks.append({"num": int(m["num"]), "title": m["title"], "done": m["done"] != " ", "line": i})
            continue
        h = HEAD_RX.match(line)
        if h:
            done = False
            status_line = None
            for j in range(i + 1, min(i + 4, len(lines))):
                s = re.match(r"^\s*- \[([ xX])\]\s*(done|status)?", lines[j], re.I)
                if s:
                    done, status_line = s.group(1) != " ", j
                    break
            tasks.append({"num": int(h["num"]), "title": h["title"], "done": done,
                          "line": status_line if status_line is not None else i, "heading": i})
    return tasks


def body_of(lines, task, tasks):
    start = task.get("heading", task["line"])
    later = [t.get("heading", t["line"]) for t in tasks if t.get("heading", t["line"]) > start]
    end = min(later) if later else len(lines)
    return "\n".join(lines[start:end]).rstrip()


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("plan", type=Path)
    ap.add_argument("--check", type=int, help="mark task N as done")
    ap.add_argument("--note", help="append a note under the task when checking")
    a = ap.parse_args()

    lines = a.plan.read_text(encoding="utf-8").splitlines()
    tasks = parse(lines)
    if not tasks:
        sys.exit("no 'Task N' items found; is this a plan file?")

    if a.check is not None:
        t = next((t for t in tasks if t["num"] == a.check), None)
        if not t:
            sys.exit(f"task {a.check} not found")
        ln = t["line"]
        if "- [ ]" in lines[ln]:
            lines[ln] = lines[ln].replace("- [ ]", "- [x]", 1)
        elif "heading" in t and ln == t["heading"]:
            lines.insert(ln + 1, "- [x] done")
            ln += 1
        if a.note:
            lines.insert(ln + 1, f"  - note: {a.note}")
        a.plan.write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"ticked Task {a.check}")
        return

    done = sum(t["done"] for t in tasks)
    print(f"{a.plan}: {done}/{len(tasks)} tasks done")
    nxt = next((t for t in tasks if not t["done"]), None)
    if not nxt:
        print("all tasks complete — run the full suite and wrap up the branch")
        return
    body = body_of(lines, nxt, tasks)
    print(f"\nNEXT: {nxt['title']}\n")
    print(body)
    if CHECKPOINT_RX.search(body):
        print("\n(this task contains a CHECKPOINT — stop for review after it)")


if __name__ == "__main__":
    main()
