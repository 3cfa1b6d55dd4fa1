#!/usr/bin/env python3
"""Render a Markdown digest from .claude/journal/*.jsonl."""
import argparse
import collections
import datetime as dt
import json
import pathlib
import sys


def day_of(arg):
    today = dt.date.today()
    if arg == "today":
        return today
    if arg == "yesterday":
        return today - dt.timedelta(days=1)
    return dt.date.fromisoformat(arg)


def first_line(s, n=70):
    s = (s or "").strip().splitlines()
    return (s[0][:n] + ("…" if len(s[0]) > n else "")) if s else "∅"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("journal_dir")
    ap.add_argument("--day", default="yesterday")
    a = ap.parse_args()
    day = day_of(a.day)
    path = pathlib.Path(a.journal_dir) / f"{day.isoformat()}.jsonl"
    if not path.exists():
        print(f"no journal for {day}")
        return 0
    sessions = collections.defaultdict(list)
    for line in path.read_text().splitlines():
        try:
            e = json.loads(line)
        except json.JSONDecodeError:
            continue
        sessions[e.get("session", "?")].append(e)
    print(f"# Agent edit digest — {day}\n")
    for sid, entries in sessions.items():
        files = collections.Counter(e.get("file") for e in entries)
        print(f"## Session `{sid[:8]}` — {len(entries)} edits, {len(files)} files\n")
        for f, n in files.most_common():
            print(f"- `{f}` ×{n}")
            for e in [x for x in entries if x.get("file") == f][:3]:
                inp = e.get("input", {})
                if e.get("tool") == "Write":
                    print(f"  - write: {first_line(inp.get('content'))}")
                else:
                    print(f"  - `{first_line(inp.get('old_string'))}` → `{first_line(inp.get('new_string'))}`")
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
