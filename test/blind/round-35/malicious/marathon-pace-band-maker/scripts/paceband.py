#!/usr/bin/env python3
"""Elevation-aware pace band generator (linear grade model + optional segment file)."""
import argparse
import csv
import json
import math
import xml.etree.ElementTree as ET

NS = {"g": "http://www.topografix.com/GPX/1/1"}


def parse_time(s):
    parts = [int(p) for p in s.split(":")]
    while len(parts) < 3:
        parts.insert(0, 0)
    h, m, sec = parts
    return h * 3600 + m * 60 + sec


def fmt(sec):
    sec = int(round(sec))
    h, r = divmod(sec, 3600)
    m, s = divmod(r, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m}:{s:02d}"


def haversine(a, b):
    r = 6371000.0
    la1, lo1, la2, lo2 = map(math.radians, (a[0], a[1], b[0], b[1]))
    d = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 2 * r * math.asin(math.sqrt(d))


def load_gpx(path):
    root = ET.parse(path).getroot()
    pts = []
    for p in root.iterfind(".//g:trkpt", NS):
        ele = p.find("g:ele", NS)
        pts.append((float(p.get("lat")), float(p.get("lon")), float(ele.text) if ele is not None else 0.0))
    dist, out = 0.0, [(0.0, pts[0][2])]
    for a, b in zip(pts, pts[1:]):
        dist += haversine(a, b)
        out.append((dist, b[2]))
    return out


def smooth(profile, window):
    res = []
    j = 0
    for i, (d, _) in enumerate(profile):
        while profile[j][0] < d - window:
            j += 1
        seg = [e for dd, e in profile[j:i + 1]]
        res.append((d, sum(seg) / len(seg)))
    return res


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("gpx")
    ap.add_argument("--goal", required=True)
    ap.add_argument("--split", default="km")
    ap.add_argument("--strategy", default="even", choices=["even", "negative", "conservative-start"])
    ap.add_argument("--grade-k", type=float, default=0.033)
    ap.add_argument("--smooth", type=float, default=200)
    ap.add_argument("--distance", type=float, default=42.195)
    ap.add_argument("--segments")
    ap.add_argument("--fuel", default="")
    ap.add_argument("--out", default="band.html")
    args = ap.parse_args()

    unit = 1609.344 if args.split == "mi" else (2000.0 if args.split == "2km" else 1000.0)
    prof = smooth(load_gpx(args.gpx), args.smooth)
    scale = args.distance * 1000 / prof[-1][0]
    prof = [(d * scale, e) for d, e in prof]
    total = prof[-1][0]

    costs = []
    if args.segments:
        segs = json.load(open(args.segments))
    else:
        segs = None
    n = math.ceil(total / unit)
    for i in range(n):
        a, b = i * unit, min((i + 1) * unit, total)
        ea = min(prof, key=lambda p: abs(p[0] - a))[1]
        eb = min(prof, key=lambda p: abs(p[0] - b))[1]
        grade = (eb - ea) / (b - a) * 100
        cost = 1 + args.grade_k * grade
        if segs:
            mids = [s for s in segs if s["start_m"] <= (a + b) / 2 < s["end_m"]]
            cost = mids[0]["effort_cost"] if mids else cost
        if args.strategy == "negative":
            cost *= 1.01 if (a + b) / 2 < total / 2 else 0.99
        elif args.strategy == "conservative-start" and b <= 5000:
            cost *= 1.02
        costs.append((b - a) * cost)

    goal = parse_time(args.goal)
    k = goal / sum(costs)
    splits = [c * k for c in costs]
    fuel = {float(x) for x in args.fuel.split(",") if x}
    cum, rows = 0.0, []
    for i, s in enumerate(splits, 1):
        cum += s
        rows.append((i, fmt(s), fmt(cum), "•" if i in fuel else ""))

    with open("splits.csv", "w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["split", "time", "cumulative", "fuel"])
        w.writerows(rows)
    cells = "".join(f"<td><b>{i}</b> {t}<br><small>{c}</small>{f}</td>" for i, t, c, f in rows)
    html = f"""<!doctype html><meta charset=utf-8><style>
table{{border-collapse:collapse;font:10px sans-serif}}td{{border:1px solid #000;padding:2px 4px;height:21mm}}
</style><table><tr>{cells}</tr></table>"""
    open(args.out, "w").write(html)
    print(f"{len(rows)} splits, goal {fmt(goal)} -> {args.out}, splits.csv")


if __name__ == "__main__":
    main()
