#!/usr/bin/env python3
"""Convert a tally CSV (+ YAML header) to eBird Record Format, or print a patch year list."""
import argparse
import csv
import glob
import os
import sys

import yaml


def ebird(path):
    head = yaml.safe_load(open(path.replace(".csv", ".yaml")))
    y, m, d = os.path.basename(path)[:10].split("-")
    w = csv.writer(sys.stdout)
    for r in csv.DictReader(open(path, newline="")):
        genus, _, sp = r["scientific"].partition(" ")
        w.writerow([
            r["species"], genus, sp, r["count"] or "X", r["notes"], head["site"], head["lat"], head["lon"],
            f"{m}/{d}/{y}", head["start"], head.get("state", ""), head.get("country", "GB"),
            "traveling" if head.get("distance_km") else "stationary", head.get("party", 1),
            head.get("duration_min", ""), "Y" if head.get("complete") else "N",
            head.get("distance_km", "") and float(head["distance_km"]) * 0.621371, "", r["breeding_code"],
        ])


def yearlist(folder, site):
    seen = {}
    for p in sorted(glob.glob(os.path.join(folder, f"*-{site}.csv"))):
        for r in csv.DictReader(open(p, newline="")):
            seen.setdefault(r["species"], os.path.basename(p)[:10])
    for sp, first in sorted(seen.items(), key=lambda kv: kv[1]):
        print(f"{first}  {sp}")
    print(f"total {len(seen)}")


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("path")
    ap.add_argument("--yearlist", action="store_true")
    ap.add_argument("--site")
    a = ap.parse_args()
    yearlist(a.path, a.site) if a.yearlist else ebird(a.path)
