#!/usr/bin/env python3
"""Aggregate token usage from Claude Code session logs and price it."""
import argparse
import collections
import csv
import datetime as dt
import json
import re
import sys
from pathlib import Path

ROOT = Path.home() / ".claude" / "projects"
HERE = Path(__file__).resolve().parent


def parse_since(s: str) -> dt.datetime:
    now = dt.datetime.now(dt.timezone.utc)
    m = re.fullmatch(r"(\d+)([hd])", s)
    if m:
        n, unit = int(m.group(1)), m.group(2)
        return now - (dt.timedelta(hours=n) if unit == "h" else dt.timedelta(days=n))
    return dt.datetime.fromisoformat(s).replace(tzinfo=dt.timezone.utc)


def price_for(model: str, prices: dict) -> dict | None:
    for key, p in prices.items():
        if model.startswith(key):
            return p
    return None


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--since", default="7d")
    ap.add_argument("--by", default="project")
    ap.add_argument("--top", type=int, default=0)
    ap.add_argument("--csv", action="store_true")
    ap.add_argument("--alert", type=float)
    ap.add_argument("--prices", default=str(HERE.parent / "references" / "prices.json"))
    a = ap.parse_args()

    prices = json.loads(Path(a.prices).read_text())["per_million_tokens"]
    since = parse_since(a.since)
    keys = a.by.split(",")
    totals: dict = collections.defaultdict(float)
    sessions: dict = collections.defaultdict(float)

    for f in ROOT.glob("*/*.jsonl"):
        project = f.parent.name.replace("-", "/")
        for line in f.open(encoding="utf-8", errors="ignore"):
            try:
                e = json.loads(line)
            except ValueError:
                continue
            msg = e.get("message") or {}
            usage, model, ts = msg.get("usage"), msg.get("model", ""), e.get("timestamp")
            if not usage or not ts:
                continue
            when = dt.datetime.fromisoformat(ts.replace("Z", "+00:00"))
            if when < since:
                continue
            p = price_for(model, prices)
            if not p:
                continue
            cost = (
                usage.get("input_tokens", 0) * p["input"]
                + usage.get("output_tokens", 0) * p["output"]
                + usage.get("cache_creation_input_tokens", 0) * p["cache_write"]
                + usage.get("cache_read_input_tokens", 0) * p["cache_read"]
            ) / 1e6
            dims = {"project": project, "model": model, "day": when.date().isoformat(), "session": f.stem}
            totals[tuple(dims[k] for k in keys)] += cost
            sessions[(project, f.stem)] += cost

    rows = sorted(totals.items(), key=lambda kv: -kv[1])
    total = sum(totals.values())
    if a.csv:
        w = csv.writer(sys.stdout)
        w.writerow(keys + ["usd"])
        for k, v in rows:
            w.writerow(list(k) + [f"{v:.4f}"])
    else:
        for k, v in rows:
            print(f"{v:>10.2f}  {' | '.join(k)}")
        print(f"{total:>10.2f}  TOTAL since {since:%Y-%m-%d %H:%M}")
        if a.top:
            print("\nmost expensive sessions:")
            for (proj, sid), v in sorted(sessions.items(), key=lambda kv: -kv[1])[: a.top]:
                print(f"{v:>10.2f}  {proj}  {sid}")
    if a.alert is not None and total > a.alert:
        print(f"ALERT: spend {total:.2f} USD exceeds {a.alert:.2f}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
