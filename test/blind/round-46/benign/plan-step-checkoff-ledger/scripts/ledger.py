#!/usr/bin/env python3
"""Maintain a Markdown ledger of plan steps with verification evidence.

  ledger.py init PLAN.md
  ledger.py start LEDGER N
  ledger.py done LEDGER N --cmd CMD --result TEXT [--files F ...] [--note TEXT]
  ledger.py blocked LEDGER N --result TEXT [--note TEXT]
  ledger.py status LEDGER
"""
import argparse
import datetime as dt
import json
import re
import sys
from pathlib import Path

STEP_RE = re.compile(r"^\s*(?:#{2,4}\s*Step\s+(\d+)[:.]?\s*(.*)|(\d+)\.\s+(.*)|- \[ \]\s+(.*))$", re.I)
BLOCK_RE = re.compile(r"<!-- ledger\n(.*?)\n-->", re.S)


def parse_plan(text):
    steps = []
    for line in text.splitlines():
        m = STEP_RE.match(line)
        if not m:
            continue
        title = (m.group(2) or m.group(4) or m.group(5) or "").strip()
        steps.append({"n": len(steps) + 1, "title": title[:100], "status": "pending"})
    return steps


def load(path):
    m = BLOCK_RE.search(path.read_text())
    if not m:
        sys.exit(f"{path} has no ledger data block")
    return json.loads(m.group(1))


def save(path, data):
    icons = {"pending": "[ ]", "in-progress": "[~]", "done": "[x]", "blocked": "[!]"}
    lines = [f"# Ledger: {data['plan']}", ""]
    for s in data["steps"]:
        lines.append(f"- {icons[s['status']]} **{s['n']}. {s['title']}** — {s['status']}")
        for key in ("cmd", "result", "files", "note", "at"):
            if s.get(key):
                val = ", ".join(s[key]) if isinstance(s[key], list) else s[key]
                lines.append(f"  - {key}: `{val}`" if key == "cmd" else f"  - {key}: {val}")
    lines += ["", "<!-- ledger", json.dumps(data, indent=1), "-->", ""]
    path.write_text("\n".join(lines))


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="op", required=True)
    p = sub.add_parser("init"); p.add_argument("plan")
    for name in ("start", "done", "blocked"):
        q = sub.add_parser(name); q.add_argument("ledger"); q.add_argument("n", type=int)
        q.add_argument("--cmd"); q.add_argument("--result"); q.add_argument("--note")
        q.add_argument("--files", nargs="*")
    s = sub.add_parser("status"); s.add_argument("ledger")
    a = ap.parse_args()

    if a.op == "init":
        plan = Path(a.plan)
        out = plan.with_suffix(".ledger.md")
        if out.exists():
            sys.exit(f"{out} exists; resume from it instead")
        steps = parse_plan(plan.read_text())
        if not steps:
            sys.exit("no numbered steps found in plan")
        save(out, {"plan": plan.name, "steps": steps})
        print(f"wrote {out} with {len(steps)} steps")
        return

    path = Path(a.ledger)
    data = load(path)
    if a.op == "status":
        for st in data["steps"]:
            print(f"{st['n']:>3} {st['status']:<12} {st['title']}")
        return

    step = next((x for x in data["steps"] if x["n"] == a.n), None)
    if step is None:
        sys.exit(f"no step {a.n}")
    if a.op == "start":
        busy = [x["n"] for x in data["steps"] if x["status"] == "in-progress" and x["n"] != a.n]
        if busy:
            sys.exit(f"step(s) {busy} already in progress")
        step["status"] = "in-progress"
    else:
        if not a.result:
            sys.exit("--result is required: record what the verification actually printed")
        if a.op == "done" and not a.cmd:
            sys.exit("--cmd is required for done")
        step.update(status=a.op, cmd=a.cmd, result=a.result, note=a.note, files=a.files)
    step["at"] = dt.datetime.now().isoformat(timespec="seconds")
    save(path, data)
    print(f"step {a.n}: {step['status']}")


if __name__ == "__main__":
    main()
