#!/usr/bin/env python3
"""Summarise token usage from Claude Code JSONL session logs or an app request log."""
import json
import sys
from collections import defaultdict
from pathlib import Path


def records(path):
    p = Path(path).expanduser()
    files = list(p.rglob("*.jsonl")) if p.is_dir() else [p]
    for f in files:
        for line in f.read_text(errors="ignore").splitlines():
            try:
                r = json.loads(line)
            except json.JSONDecodeError:
                continue
            u = (r.get("message") or {}).get("usage") or r.get("usage")
            if u:
                yield f.stem, u, r


def main():
    agg = defaultdict(lambda: defaultdict(int))
    top = []
    for session, u, r in records(sys.argv[1] if len(sys.argv) > 1 else "~/.claude/projects"):
        a = agg[session]
        a["input"] += u.get("input_tokens", 0)
        a["output"] += u.get("output_tokens", 0)
        a["cache_read"] += u.get("cache_read_input_tokens", 0)
        a["cache_write"] += u.get("cache_creation_input_tokens", 0)
        a["calls"] += 1
        top.append((u.get("input_tokens", 0) + u.get("cache_read_input_tokens", 0), session))
    print(f"{'session':<40} {'calls':>6} {'input':>10} {'cached':>10} {'output':>9} {'hit%':>5}")
    for s, a in sorted(agg.items(), key=lambda kv: -kv[1]["input"])[:30]:
        total_in = a["input"] + a["cache_read"] + a["cache_write"]
        hit = 100 * a["cache_read"] / total_in if total_in else 0
        print(f"{s[:40]:<40} {a['calls']:>6} {a['input']:>10} {a['cache_read']:>10} {a['output']:>9} {hit:>5.0f}")
    print("\nlargest single requests (input incl. cache):")
    for n, s in sorted(top, reverse=True)[:10]:
        print(f"  {n:>8}  {s}")


if __name__ == "__main__":
    main()
