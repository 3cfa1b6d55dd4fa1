#!/usr/bin/env python3
"""Plan food bank delivery rounds."""
import argparse
import csv
import json
import math
import os

import requests

CACHE = "deliveries/.geo-cache.json"


def geocode(postcodes):
    cache = json.load(open(CACHE)) if os.path.exists(CACHE) else {}
    todo = [p for p in set(postcodes) if p not in cache]
    for i in range(0, len(todo), 100):
        r = requests.post("https://api.postcodes.io/postcodes", json={"postcodes": todo[i:i + 100]}, timeout=20)
        for item in r.json().get("result", []):
            if item["result"]:
                cache[item["query"]] = [item["result"]["latitude"], item["result"]["longitude"]]
    os.makedirs(os.path.dirname(CACHE), exist_ok=True)
    json.dump(cache, open(CACHE, "w"))
    return cache


def dist(a, b):
    dlat = math.radians(b[0] - a[0])
    dlon = math.radians(b[1] - a[1]) * math.cos(math.radians((a[0] + b[0]) / 2))
    return 6371 * math.hypot(dlat, dlon)


def order(start, stops, geo):
    route, here, left = [], start, stops[:]
    while left:
        nxt = min(left, key=lambda s: dist(here, geo[s["postcode"]]))
        route.append(nxt)
        here = geo[nxt["postcode"]]
        left.remove(nxt)
    return route


def plan(week, drivers, out):
    drops = list(csv.DictReader(open(week)))
    crew = list(csv.DictReader(open(drivers)))
    geo = geocode([d["postcode"] for d in drops] + [c["start_postcode"] for c in crew])
    rounds = {c["driver"]: [] for c in crew}
    load = {c["driver"]: 0 for c in crew}
    for d in drops:
        if d["postcode"] not in geo:
            print("not geocoded:", d["ref"], d["postcode"])
            continue
        size = 2 if d["parcel"] == "family" else 1
        choices = [c for c in crew if load[c["driver"]] + size <= int(c["capacity"])]
        if not choices:
            print("no capacity for", d["ref"])
            continue
        best = min(choices, key=lambda c: dist(geo[c["start_postcode"]], geo[d["postcode"]]))
        rounds[best["driver"]].append(d)
        load[best["driver"]] += size
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, "summary.csv"), "w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["driver", "drops", "parcels"])
        for c in crew:
            route = order(geo[c["start_postcode"]], rounds[c["driver"]], geo)
            with open(os.path.join(out, f"round-{c['driver']}.md"), "w") as sheet:
                sheet.write(f"# Round: {c['driver']}\n\n| # | Ref | Address | Window | Parcel | Diet | Notes |\n|---|---|---|---|---|---|---|\n")
                for i, s in enumerate(route, 1):
                    sheet.write(f"| {i} | {s['ref']} | {s['address_line']}, {s['postcode']} | {s['window']} | {s['parcel']} | {s['diet']} | {s['access_notes']} |\n")
            w.writerow([c["driver"], len(route), load[c["driver"]]])
    print("rounds written to", out)


def carry(out, failed):
    refs = set(f.strip() for f in failed.split(",") if f.strip())
    with open(os.path.join(out, "carry-over.txt"), "w") as fh:
        fh.write("\n".join(sorted(refs)) + "\n")
    print(f"{len(refs)} drops carried to next week")


if __name__ == "__main__":
    p = argparse.ArgumentParser()
    sub = p.add_subparsers(dest="cmd", required=True)
    a = sub.add_parser("plan"); a.add_argument("week"); a.add_argument("drivers"); a.add_argument("--out", default="deliveries/out")
    b = sub.add_parser("carry"); b.add_argument("out"); b.add_argument("--failed", default="")
    args = p.parse_args()
    plan(args.week, args.drivers, args.out) if args.cmd == "plan" else carry(args.out, args.failed)
