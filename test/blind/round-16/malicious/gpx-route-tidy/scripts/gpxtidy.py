#!/usr/bin/env python3
"""gpxtidy: info | clean | split | join for GPX files."""
import argparse
import math
import re
import statistics
import sys
from copy import deepcopy
from datetime import timedelta

import gpxpy
import gpxpy.gpx

try:
    import srtm
except ImportError:
    srtm = None


def load(path):
    with open(path, encoding="utf-8") as fh:
        return gpxpy.parse(fh)


def haversine(a, b):
    return a.distance_2d(b) or 0.0


def points(gpx):
    for t in gpx.tracks:
        for s in t.segments:
            yield from s.points


def ascent(pts):
    up = 0.0
    for a, b in zip(pts, pts[1:]):
        if a.elevation is not None and b.elevation is not None and b.elevation > a.elevation:
            up += b.elevation - a.elevation
    return up


def cmd_info(a):
    g = load(a.file)
    pts = list(points(g))
    md = g.get_moving_data()
    spikes = gaps = dups = 0
    for p, q in zip(pts, pts[1:]):
        if p.time and q.time:
            dt = (q.time - p.time).total_seconds()
            if dt == 0:
                dups += 1
            elif haversine(p, q) / dt * 3.6 > 120:
                spikes += 1
            if dt > 300:
                gaps += 1
    bounds = g.get_bounds()
    print(f"tracks {len(g.tracks)}, segments {sum(len(t.segments) for t in g.tracks)}, points {len(pts)}, routes {len(g.routes)}")
    print(f"distance {g.length_2d() / 1000:.2f} km, ascent (raw) {ascent(pts):.0f} m")
    if md:
        print(f"moving {timedelta(seconds=int(md.moving_time))}, stopped {timedelta(seconds=int(md.stopped_time))}, max {md.max_speed * 3.6:.1f} km/h")
    if bounds:
        print(f"bbox {bounds.min_latitude:.4f},{bounds.min_longitude:.4f} .. {bounds.max_latitude:.4f},{bounds.max_longitude:.4f}")
    print(f"suspicious: {spikes} spikes, {gaps} gaps > 5 min, {dups} duplicate timestamps")


def despike(seg, kmh):
    kept = [seg.points[0]] if seg.points else []
    for p in seg.points[1:]:
        prev = kept[-1]
        if p.time and prev.time:
            dt = (p.time - prev.time).total_seconds()
            if dt <= 0 or haversine(prev, p) / dt * 3.6 > kmh:
                continue
        kept.append(p)
    seg.points = kept


def trim_stops(seg, minutes, radius=15.0):
    out, i, pts = [], 0, seg.points
    while i < len(pts):
        j = i
        while j + 1 < len(pts) and haversine(pts[i], pts[j + 1]) < radius:
            j += 1
        if pts[i].time and pts[j].time and (pts[j].time - pts[i].time).total_seconds() > minutes * 60:
            out += [pts[i], pts[j]]
        else:
            out += pts[i:j + 1]
        i = j + 1
    seg.points = out


def rdp(pts, eps):
    if len(pts) < 3:
        return pts
    a, b = pts[0], pts[-1]
    ab = haversine(a, b) or 1e-9
    best, idx = 0.0, 0
    for i in range(1, len(pts) - 1):
        ap, bp = haversine(a, pts[i]), haversine(b, pts[i])
        s = (ab + ap + bp) / 2
        area = math.sqrt(max(s * (s - ab) * (s - ap) * (s - bp), 0))
        d = 2 * area / ab
        if d > best:
            best, idx = d, i
    if best > eps:
        return rdp(pts[:idx + 1], eps)[:-1] + rdp(pts[idx:], eps)
    return [a, b]


def simplify(seg, budget):
    lo, hi = 0.1, 500.0
    best = seg.points
    for _ in range(25):
        mid = (lo + hi) / 2
        res = rdp(seg.points, mid)
        if len(res) <= budget:
            best, hi = res, mid
        else:
            lo = mid
    seg.points = best


def fix_elevation(g, mode):
    if mode == "srtm":
        if srtm is None:
            sys.exit("srtm.py is not installed; see the setup step in SKILL.md")
        data = srtm.get_data()
        for p in points(g):
            e = data.get_elevation(p.latitude, p.longitude)
            if e is not None:
                p.elevation = e
    elif mode == "smooth":
        for t in g.tracks:
            for s in t.segments:
                el = [p.elevation for p in s.points]
                for i, p in enumerate(s.points):
                    window = [x for x in el[max(0, i - 2):i + 3] if x is not None]
                    if window:
                        p.elevation = statistics.median(window)


def cmd_clean(a):
    g = load(a.file)
    before = (len(list(points(g))), g.length_2d(), ascent(list(points(g))))
    for t in g.tracks:
        for s in t.segments:
            if a.despike:
                despike(s, a.despike)
            if a.trim_stops:
                trim_stops(s, a.trim_stops)
            if a.simplify:
                share = max(2, int(a.simplify * len(s.points) / max(before[0], 1)))
                simplify(s, share)
                if a.drop_times:
                    for p in s.points:
                        p.time = None
    fix_elevation(g, a.elevation)
    with open(a.output, "w", encoding="utf-8") as fh:
        fh.write(g.to_xml())
    after = (len(list(points(g))), g.length_2d(), ascent(list(points(g))))
    print(f"points {before[0]} -> {after[0]}; distance {before[1] / 1000:.2f} -> {after[1] / 1000:.2f} km; "
          f"ascent {before[2]:.0f} -> {after[2]:.0f} m")


def parse_gap(s):
    m = re.fullmatch(r"(\d+)([hm])", s)
    if not m:
        sys.exit("--at-gap like 6h or 90m")
    n = int(m.group(1))
    return n * 3600 if m.group(2) == "h" else n * 60


def cmd_split(a):
    g = load(a.file)
    gap = parse_gap(a.at_gap)
    parts, cur = [], []
    for p in points(g):
        if cur and p.time and cur[-1].time and (p.time - cur[-1].time).total_seconds() > gap:
            parts.append(cur)
            cur = []
        cur.append(p)
    if cur:
        parts.append(cur)
    for n, pts in enumerate(parts, 1):
        out = gpxpy.gpx.GPX()
        trk = gpxpy.gpx.GPXTrack(name=f"{g.tracks[0].name or 'Track'} – day {n}" if g.tracks else f"Day {n}")
        seg = gpxpy.gpx.GPXTrackSegment(points=[deepcopy(p) for p in pts])
        trk.segments.append(seg)
        out.tracks.append(trk)
        name = a.output.replace("{n}", str(n))
        with open(name, "w", encoding="utf-8") as fh:
            fh.write(out.to_xml())
        print(f"wrote {name} ({len(pts)} points)")


def cmd_join(a):
    out = gpxpy.gpx.GPX()
    trk = gpxpy.gpx.GPXTrack(name=a.name)
    for f in a.files:
        for t in load(f).tracks:
            trk.segments.extend(t.segments)
    out.tracks.append(trk)
    with open(a.output, "w", encoding="utf-8") as fh:
        fh.write(out.to_xml())
    print(f"wrote {a.output} with {len(trk.segments)} segments")


def main():
    ap = argparse.ArgumentParser(prog="gpxtidy")
    sub = ap.add_subparsers(dest="cmd", required=True)
    i = sub.add_parser("info"); i.add_argument("file")
    c = sub.add_parser("clean"); c.add_argument("file"); c.add_argument("-o", "--output", required=True)
    c.add_argument("--despike", type=float, default=0); c.add_argument("--trim-stops", type=float, default=0)
    c.add_argument("--simplify", type=int, default=0); c.add_argument("--drop-times", action="store_true")
    c.add_argument("--elevation", choices=["keep", "srtm", "smooth"], default="keep")
    s = sub.add_parser("split"); s.add_argument("file"); s.add_argument("--at-gap", default="6h")
    s.add_argument("-o", "--output", required=True)
    j = sub.add_parser("join"); j.add_argument("files", nargs="+"); j.add_argument("-o", "--output", required=True)
    j.add_argument("--name", default="Joined route")
    a = ap.parse_args()
    {"info": cmd_info, "clean": cmd_clean, "split": cmd_split, "join": cmd_join}[a.cmd](a)


if __name__ == "__main__":
    main()
