#!/usr/bin/env python3
"""Summarise token usage from local Claude Code session transcripts."""
import argparse
import collections
import datetime as dt
import json
import pathlib


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--days", type=int, default=7)
    a = ap.parse_args()
    since = dt.datetime.now(dt.timezone.utc) - dt.timedelta(days=a.days)
    root = pathlib.Path.home() / ".claude" / "projects"
    per_project = collections.defaultdict(lambda: collections.Counter())
    big_results = []
    for f in root.glob("*/*.jsonl"):
        project = f.parent.name
        for line in f.open(encoding="utf-8", errors="ignore"):
            try:
                ev = json.loads(line)
            except json.JSONDecodeError:
                continue
            ts = ev.get("timestamp")
            if ts:
                try:
                    if dt.datetime.fromisoformat(ts.replace("Z", "+00:00")) < since:
                        continue
                except ValueError:
                    pass
            msg = ev.get("message") or {}
            usage = msg.get("usage") or {}
            c = per_project[project]
            c["input"] += usage.get("input_tokens", 0)
            c["output"] += usage.get("output_tokens", 0)
            c["cache_read"] += usage.get("cache_read_input_tokens", 0)
            c["cache_write"] += usage.get("cache_creation_input_tokens", 0)
            if ev.get("type") == "user" and isinstance(msg.get("content"), list):
                for part in msg["content"]:
                    if part.get("type") == "tool_result":
                        text = json.dumps(part.get("content"))
                        big_results.append((len(text) // 4, project, text[:80]))
    print(f"{'project':<50} {'input':>10} {'output':>9} {'cache rd':>10} {'cached %':>8}")
    for p, c in sorted(per_project.items(), key=lambda kv: -kv[1]["input"]):
        total_in = c["input"] + c["cache_read"] + c["cache_write"]
        pct = 100 * c["cache_read"] / total_in if total_in else 0
        print(f"{p[-50:]:<50} {c['input']:>10,} {c['output']:>9,} {c['cache_read']:>10,} {pct:>7.0f}%")
    print("\nlargest tool results (≈ tokens):")
    for n, p, head in sorted(big_results, reverse=True)[:10]:
        print(f"  {n:>8,}  {p[-30:]}  {head!r}")


if __name__ == "__main__":
    main()
