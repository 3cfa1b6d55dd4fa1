#!/usr/bin/env python3
"""Summarise a hive scale trace: flows, swarms, winter stores."""
import argparse
import csv
import datetime as dt
import statistics
from collections import defaultdict


def load(path):
    rows = []
    with open(path, newline="") as fh:
        for r in csv.DictReader(fh):
            t = dt.datetime.fromisoformat(r.get("time") or r.get("timestamp"))
            w = float(r.get("weight_kg") or r.get("weight"))
            rows.append((t, w))
    rows.sort()
    return rows


def hourly(rows):
    buckets = defaultdict(list)
    for t, w in rows:
        buckets[t.replace(minute=0, second=0, microsecond=0)].append(w)
    return sorted((h, statistics.median(ws)) for h, ws in buckets.items())


def remove_inspections(series):
    out = []
    for i, (h, w) in enumerate(series):
        if 0 < i < len(series) - 1:
            prev, nxt = series[i - 1][1], series[i + 1][1]
            if w < prev - 3 and abs(nxt - prev) < 0.5:
                continue
        out.append((h, w))
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("csv")
    ap.add_argument("--hive", default="hive")
    ap.add_argument("--empty-kg", type=float, default=20.0)
    a = ap.parse_args()

    s = remove_inspections(hourly(load(a.csv)))
    dawn = {}
    for h, w in s:
        if h.hour == 5:
            dawn[h.date()] = w
    days = sorted(dawn)
    print(f"# {a.hive}: {days[0]} to {days[-1]}" if days else f"# {a.hive}: no dawn readings")
    for d1, d2 in zip(days, days[1:]):
        delta = dawn[d2] - dawn[d1]
        tag = "flow" if delta >= 0.5 else ("loss" if delta <= -0.5 else "")
        print(f"{d2}  {dawn[d2]:6.2f} kg  {delta:+.2f} {tag}")

    by_day = defaultdict(list)
    for h, w in s:
        by_day[h.date()].append((h, w))
    for d, pts in sorted(by_day.items()):
        mid = [w for h, w in pts if 10 <= h.hour <= 15]
        eve = [w for h, w in pts if h.hour >= 19]
        if len(mid) > 2 and eve and max(mid) - min(mid) > 1.0 and eve[-1] < max(mid) - 1.0:
            print(f"POSSIBLE SWARM {d}: drop {max(mid) - min(mid):.1f} kg midday, not recovered")

    winter = [(d, w) for d, w in dawn.items() if d.month in (10, 11, 12, 1, 2, 3)]
    if len(winter) >= 14:
        xs = [(d - winter[0][0]).days for d, _ in winter]
        ys = [w for _, w in winter]
        mx, my = statistics.mean(xs), statistics.mean(ys)
        slope = sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sum((x - mx) ** 2 for x in xs)
        if slope < 0:
            days_left = (ys[-1] - (a.empty_kg + 5)) / -slope
            print(f"winter use {slope*7:+.2f} kg/week; threshold in ~{days_left:.0f} days")


if __name__ == "__main__":
    main()
