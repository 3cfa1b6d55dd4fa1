#!/usr/bin/env python3
"""Weekly practice report and tempo ladders from practice/log.csv."""
import argparse
import csv
import datetime as dt
import math
import re
from collections import Counter, defaultdict


def load(path):
    with open(path, newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    for r in rows:
        r["date"] = dt.date.fromisoformat(r["date"])
        for k in ("minutes", "bpm_start", "bpm_end", "target_bpm"):
            r[k] = int(r[k]) if r.get(k) else 0
    return rows


def ladder(cur, target, step=0.05):
    rungs = [cur]
    while rungs[-1] < target:
        nxt = min(target, math.ceil(rungs[-1] * (1 + step)))
        if nxt == rungs[-1]:
            nxt += 1
        rungs.append(nxt)
    return rungs


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("log")
    ap.add_argument("--piece")
    ap.add_argument("--ladder", action="store_true")
    ap.add_argument("--week", action="store_true")
    a = ap.parse_args()
    rows = load(a.log)

    if a.ladder and a.piece:
        pr = [r for r in rows if r["piece"].lower() == a.piece.lower() and r["bpm_end"]]
        if not pr:
            raise SystemExit("no tempo entries for that piece")
        last = pr[-1]
        rungs = ladder(last["bpm_end"], last["target_bpm"] or last["bpm_end"])
        print(" -> ".join(map(str, rungs)))
        recent = [r for r in pr if r["date"] >= last["date"] - dt.timedelta(days=28)]
        if len(recent) >= 2:
            gain = (recent[-1]["bpm_end"] - recent[0]["bpm_start"]) / max(1, len(recent))
            if gain > 0:
                print(f"~{math.ceil((rungs[-1] - rungs[0]) / gain)} sessions at the recent rate")

    if a.week:
        end = max(r["date"] for r in rows)
        start = end - dt.timedelta(days=6)
        wk = [r for r in rows if start <= r["date"] <= end]
        by_day = defaultdict(int)
        by_piece = defaultdict(int)
        for r in wk:
            by_day[r["date"]] += r["minutes"]
            by_piece[r["piece"]] += r["minutes"]
        print(f"Week {start} to {end}: {sum(by_day.values())} min")
        for d in sorted(by_day):
            print(f"  {d:%a} {by_day[d]:3d} min")
        for p, m in sorted(by_piece.items(), key=lambda kv: -kv[1]):
            print(f"  {p}: {m} min")
        bars = Counter()
        for r in rows:
            for m in re.findall(r"b\d+(?:-\d+)?", r.get("issues", "")):
                bars[(r["piece"], m)] += 1
        for (p, b), n in bars.most_common():
            if n >= 3:
                print(f"  recurring: {p} {b} ({n}x)")


if __name__ == "__main__":
    main()
