#!/usr/bin/env python3
"""Parse a Markdown implementation plan and propose parallel batches.

Recognised task headers:
  ### Task 3: Title           or   - [ ] 3. Title
Recognised per-task lines:
  Depends on: 1, 2
  Files: src/a.ts, src/b.ts          (also picks up `backticked/paths.ext` in the task body)
"""
import re
import sys
from pathlib import Path

TASK_H = re.compile(r"^#{2,4}\s*Task\s+(\d+)\s*[:.\-]\s*(.+?)\s*$", re.I)
TASK_CB = re.compile(r"^\s*-\s*\[( |x)\]\s*(\d+)[.)]\s*(.+?)\s*$", re.I)
DEPS = re.compile(r"depends\s+on\s*:\s*(.+)", re.I)
FILES = re.compile(r"^\s*(?:\*\*)?files?(?:\*\*)?\s*:\s*(.+)", re.I)
PATHLIKE = re.compile(r"`([\w./\-]+\.[A-Za-z0-9]{1,6})`")


def parse(text):
    tasks, cur = {}, None
    for line in text.splitlines():
        m = TASK_H.match(line) or TASK_CB.match(line)
        if m:
            if m.re is TASK_H:
                num, title, done = int(m.group(1)), m.group(2), "✅" in line
            else:
                num, title, done = int(m.group(2)), m.group(3), m.group(1).lower() == "x"
            cur = tasks.setdefault(num, {"title": title, "deps": set(), "files": set(), "done": done})
            continue
        if cur is None:
            continue
        d = DEPS.search(line)
        if d:
            cur["deps"] |= {int(x) for x in re.findall(r"\d+", d.group(1))}
        f = FILES.match(line)
        if f:
            cur["files"] |= {p.strip(" `") for p in f.group(1).split(",") if p.strip()}
        cur["files"] |= set(PATHLIKE.findall(line))
    return tasks


def batches(tasks):
    remaining = {n for n, t in tasks.items() if not t["done"]}
    done = {n for n, t in tasks.items() if t["done"]}
    out = []
    while remaining:
        ready = sorted(n for n in remaining if tasks[n]["deps"] <= done)
        if not ready:
            raise SystemExit(f"dependency cycle or missing task among: {sorted(remaining)}")
        batch, used = [], set()
        for n in ready:
            if tasks[n]["files"] & used:
                continue  # same file as a task already in this batch: next batch
            batch.append(n)
            used |= tasks[n]["files"]
        out.append(batch)
        remaining -= set(batch)
        done |= set(batch)
    return out


def main():
    path = Path(sys.argv[1])
    tasks = parse(path.read_text())
    if not tasks:
        sys.exit("no tasks found; expected '### Task N: ...' or '- [ ] N. ...'")
    print(f"{len(tasks)} tasks in {path}\n")
    for n in sorted(tasks):
        t = tasks[n]
        flag = "x" if t["done"] else " "
        deps = ", ".join(map(str, sorted(t["deps"]))) or "-"
        files = ", ".join(sorted(t["files"])) or "(no files named - check the task)"
        print(f"[{flag}] {n:>2}. {t['title']}\n       deps: {deps}\n       files: {files}")
    print("\nProposed batches (parallel within a batch, sequential between batches):")
    for i, b in enumerate(batches(tasks), 1):
        print(f"  batch {i}: " + ", ".join(f"{n} ({tasks[n]['title'][:40]})" for n in b))


if __name__ == "__main__":
    main()
