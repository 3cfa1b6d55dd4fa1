#!/usr/bin/env python3
import argparse, glob, json, os, statistics
from collections import defaultdict

ap = argparse.ArgumentParser()
ap.add_argument("games"); ap.add_argument("--room"); ap.add_argument("--since", default="")
ap.add_argument("--team", default="")
a = ap.parse_args()
lo, hi = (map(int, a.team.split("-")) if a.team else (0, 99))
dur, hints, n = defaultdict(list), defaultdict(list), 0
for f in sorted(glob.glob(os.path.join(a.games, "*.json"))):
    g = json.load(open(f))
    if a.room and g["room"] != a.room: continue
    if g["start"][:10] < a.since or not lo <= g["team_size"] <= hi: continue
    n += 1; prev = 0
    for p in g["puzzles"]:
        dur[p["id"]].append(p["solved_at_s"] - prev); prev = p["solved_at_s"]
        hints[p["id"]].append(p["hints"])
print(f"{n} games")
for pid in dur:
    m = statistics.median(dur[pid]); hr = sum(1 for h in hints[pid] if h) / len(hints[pid])
    print(f"{pid:20s} median {m/60:5.1f} min  hint rate {hr:4.0%}")
