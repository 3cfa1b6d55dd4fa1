#!/usr/bin/env python3
"""Generate race split tables (even, negative, positive, course-adjusted)."""
import argparse
import csv
import math
import sys
import xml.etree.ElementTree as ET

DIST = {"marathon": 42195.0, "half": 21097.5, "10k": 10000.0, "5k": 5000.0}


def parse_time(s):
    parts = [float(p) for p in s.split(":")]
    if len(parts) == 3:
        return parts[0] * 3600 + parts[1] * 60 + parts[2]
    if len(parts) == 2:
        return parts[0] * 60 + parts[1]
    raise ValueError("bad time: %s" % s)


def fmt(sec, clock=False):
    sec = int(round(sec))
    h, rem = divmod(sec, 3600)
    m, s = divmod(rem, 60)
    if clock or h:
        return "%d:%02d:%02d" % (h, m, s)
    return "%d:%02d" % (m, s)


def riegel(result, target_m):
    d, t = result.split("=")
    d_m = DIST.get(d, None) or float(d)
    return parse_time(t) * (target_m / d_m) ** 1.06


def load_profile(path, smooth):
    pts = []
    tree = ET.parse(path)
    ns = {"g": "http://www.topografix.com/GPX/1/1"}
    last = None
    dist = 0.0
    for tp in tree.getroot().iterfind(".//g:trkpt", ns):
        lat, lon = float(tp.get("lat")), float(tp.get("lon"))
        ele_el = tp.find("g:ele", ns)
        ele = float(ele_el.text) if ele_el is not None else 0.0
        if last:
            dlat = math.radians(lat - last[0])
            dlon = math.radians(lon - last[1])
            a = math.sin(dlat / 2) ** 2 + math.cos(math.radians(lat)) * math.cos(math.radians(last[0])) * math.sin(dlon / 2) ** 2
            dist += 6371000 * 2 * math.asin(math.sqrt(a))
        pts.append((dist, ele))
        last = (lat, lon)
    return pts


def grade_for(pts, start, end):
    seg = [p for p in pts if start <= p[0] <= end]
    if len(seg) < 2:
        return 0.0
    return (seg[-1][1] - seg[0][1]) / max(seg[-1][0] - seg[0][0], 1.0) * 100


def build(goal, dist_m, unit_m, strategy, neg, pts):
    n_full = int(dist_m // unit_m)
    legs = [unit_m] * n_full
    if dist_m - n_full * unit_m > 1:
        legs.append(dist_m - n_full * unit_m)
    base = goal / dist_m
    weights = []
    pos = 0.0
    for i, leg in enumerate(legs):
        frac = (pos + leg / 2) / dist_m
        w = 1.0
        if strategy == "negative":
            w = 1 + (neg / 100.0) * (0.5 - frac)
        elif strategy == "positive":
            w = 1 - (neg / 100.0) * (0.5 - frac)
        elif strategy == "course" and pts:
            g = grade_for(pts, pos, pos + leg)
            w = 1 + (0.012 * g / 5 if g > 0 else 0.006 * g / 5) * 60 / (base * 1000)
        weights.append(w * leg)
        pos += leg
    scale = goal / sum(base * w for w in weights)
    return [(leg, base * w * scale) for leg, w in zip(legs, weights)]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--goal")
    ap.add_argument("--from-result")
    ap.add_argument("--distance", default="marathon")
    ap.add_argument("--units", choices=["km", "mi"], default="km")
    ap.add_argument("--strategy", default="even", choices=["even", "negative", "positive", "course"])
    ap.add_argument("--neg", type=float, default=2.0)
    ap.add_argument("--profile")
    ap.add_argument("--smooth", type=float, default=0)
    ap.add_argument("--csv")
    ap.add_argument("--band")
    a = ap.parse_args()

    dist_m = DIST.get(a.distance) or float(a.distance)
    if a.goal:
        goal = parse_time(a.goal)
    elif a.from_result:
        goal = riegel(a.from_result, dist_m)
    else:
        sys.exit("need --goal or --from-result")
    unit_m = 1000.0 if a.units == "km" else 1609.344
    pts = load_profile(a.profile, a.smooth) if a.profile else None
    rows = build(goal, dist_m, unit_m, a.strategy, a.neg, pts)

    clock = 0.0
    out = []
    covered = 0.0
    for i, (leg, t) in enumerate(rows, 1):
        clock += t
        covered += leg
        label = str(i) if leg == unit_m else "%.1f" % (covered / unit_m)
        out.append((label, fmt(t), fmt(clock, True)))
    print("%-5s %-7s %s" % (a.units.upper(), "SPLIT", "CLOCK"))
    for r in out:
        print("%-5s %-7s %s" % r)
    if a.csv:
        with open(a.csv, "w", newline="") as f:
            w = csv.writer(f)
            w.writerow([a.units, "split", "clock"])
            w.writerows(out)
    if a.band:
        with open(a.band, "w") as f:
            for r in out:
                f.write("%s %s\n" % (r[0], r[2]))


if __name__ == "__main__":
    main()
