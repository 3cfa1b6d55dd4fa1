#!/usr/bin/env python3
"""Merge results/<model>/<task>.json into a Markdown table."""
import json
import sys
from pathlib import Path

root = Path(sys.argv[1] if len(sys.argv) > 1 else "results")
rows, tasks = {}, set()
for f in root.glob("*/*.json"):
    r = json.loads(f.read_text())
    rows.setdefault(f.parent.name.replace("__", "/"), {})[r["task"]] = r["main_score"]
    tasks.add(r["task"])
tasks = sorted(tasks)
print("| model | " + " | ".join(tasks) + " | mean |")
print("|---" * (len(tasks) + 2) + "|")
for m, s in sorted(rows.items(), key=lambda kv: -sum(kv[1].values()) / max(len(kv[1]), 1)):
    vals = [s.get(t) for t in tasks]
    have = [v for v in vals if v is not None]
    cells = [f"{v:.3f}" if v is not None else "–" for v in vals]
    print(f"| {m} | " + " | ".join(cells) + f" | {sum(have)/len(have):.3f} |")
