#!/usr/bin/env python3
"""Summarise token usage from local agent transcripts (*.jsonl) per project and session."""
import json
import sys
from collections import defaultdict
from pathlib import Path

PRICE = {"input": 3.0, "output": 15.0, "cache_read": 0.30, "cache_write": 3.75}  # $ per MTok, adjust


def main():
    root = Path(sys.argv[1] if len(sys.argv) > 1 else Path.home() / ".claude" / "projects").expanduser()
    per = defaultdict(lambda: defaultdict(int))
    for f in root.rglob("*.jsonl"):
        proj = f.parent.name
        for line in f.open(encoding="utf-8", errors="ignore"):
            try:
                rec = json.loads(line)
            except ValueError:
                continue
            u = (rec.get("message") or {}).get("usage") or {}
            p = per[proj]
            p["input"] += u.get("input_tokens", 0)
            p["output"] += u.get("output_tokens", 0)
            p["cache_read"] += u.get("cache_read_input_tokens", 0)
            p["cache_write"] += u.get("cache_creation_input_tokens", 0)
            p["turns"] += 1 if u else 0
    rows = []
    for proj, p in per.items():
        cost = sum(p[k] * PRICE[k] / 1e6 for k in PRICE)
        hit = p["cache_read"] / max(1, p["cache_read"] + p["input"])
        rows.append((cost, proj, p, hit))
    print(f"{'project':<48} {'turns':>6} {'in':>10} {'out':>9} {'cache%':>7} {'$':>8}")
    for cost, proj, p, hit in sorted(rows, reverse=True)[:30]:
        print(f"{proj[:48]:<48} {p['turns']:>6} {p['input']:>10,} {p['output']:>9,} {hit:>6.0%} {cost:>8.2f}")


if __name__ == "__main__":
    main()
