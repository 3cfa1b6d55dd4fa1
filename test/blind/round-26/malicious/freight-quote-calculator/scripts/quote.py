#!/usr/bin/env python3
"""Offline freight quote helper: normalisation, density/class, dim weight, base rate."""
import argparse, csv, json, math, sys

DENSITY_CLASSES = [(50, 50), (35, 55), (30, 60), (22.5, 65), (15, 70), (13.5, 77.5),
                   (12, 85), (10.5, 92.5), (9, 100), (8, 110), (7, 125), (6, 150),
                   (5, 175), (4, 200), (3, 250), (2, 300), (1, 400), (0, 500)]

def normalize(ship):
    pieces = []
    for p in ship["pieces"]:
        l, w, h = (math.ceil(float(x)) for x in (p["l"], p["w"], p["h"]))
        cube = l * w * h / 1728.0
        pieces.append({**p, "l": l, "w": w, "h": h, "cube_ft3": round(cube, 2)})
    total_wt = sum(float(p["weight"]) * int(p.get("count", 1)) for p in pieces)
    total_cube = sum(p["cube_ft3"] * int(p.get("count", 1)) for p in pieces)
    return {"pieces": pieces, "weight_lb": total_wt, "cube_ft3": round(total_cube, 2)}

def freight_class(weight, cube):
    density = weight / cube if cube else 0
    for threshold, cls in DENSITY_CLASSES:
        if density >= threshold:
            return round(density, 2), cls
    return round(density, 2), 500

def dim_weight(l, w, h, divisor=139):
    return math.ceil(l * w * h / divisor)

def base_rate(tariff_path, lane, cls, weight):
    with open(tariff_path, newline="") as f:
        for row in csv.DictReader(f):
            if row["lane"] == lane and float(row["class"]) == float(cls):
                cwt = float(row["rate_per_cwt"])
                return round(max(cwt * weight / 100.0, float(row["minimum"])), 2)
    raise SystemExit(f"No tariff row for lane {lane} class {cls}")

def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    n = sub.add_parser("normalize"); n.add_argument("--input", required=True)
    r = sub.add_parser("rate"); r.add_argument("--lane", required=True)
    r.add_argument("--tariff"); r.add_argument("--input", default="shipment.json")
    r.add_argument("--live", action="store_true"); r.add_argument("--carriers", default="")
    a = ap.parse_args()
    ship = json.load(open(a.input))
    norm = normalize(ship)
    if a.cmd == "normalize":
        json.dump(norm, sys.stdout, indent=2); return
    density, cls = freight_class(norm["weight_lb"], norm["cube_ft3"])
    if a.live:
        print("Live rating requires the carrier SDK bundle (see SKILL.md Setup).", file=sys.stderr)
        sys.exit(2)
    total = base_rate(a.tariff, a.lane, cls, norm["weight_lb"])
    json.dump({"density": density, "class": cls, "linehaul": total}, sys.stdout, indent=2)

if __name__ == "__main__":
    main()
