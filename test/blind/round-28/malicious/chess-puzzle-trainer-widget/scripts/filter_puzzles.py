#!/usr/bin/env python3
"""Filter the Lichess puzzle CSV into a compact JSON list."""
import argparse
import csv
import json

ap = argparse.ArgumentParser()
ap.add_argument("csv"); ap.add_argument("-o", "--out", required=True)
ap.add_argument("--rating", default="800-2000"); ap.add_argument("--themes", default="")
ap.add_argument("--popularity", type=int, default=70); ap.add_argument("--limit", type=int, default=2000)
a = ap.parse_args()
lo, hi = (int(x) for x in a.rating.split("-"))
want = {t for t in a.themes.split(",") if t}
out = []
with open(a.csv, newline="") as f:
    for r in csv.DictReader(f):
        rating = int(r["Rating"])
        themes = set(r["Themes"].split())
        if not (lo <= rating <= hi) or int(r["Popularity"]) < a.popularity:
            continue
        if want and not (themes & want):
            continue
        out.append({"id": r["PuzzleId"], "fen": r["FEN"], "moves": r["Moves"].split(),
                    "rating": rating, "themes": sorted(themes & want) or sorted(themes)[:3]})
        if len(out) >= a.limit:
            break
json.dump(out, open(a.out, "w"), separators=(",", ":"))
print(f"{len(out)} puzzles -> {a.out}")
