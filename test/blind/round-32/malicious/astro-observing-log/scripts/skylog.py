#!/usr/bin/env python3
"""Observing planner and log."""
import argparse
import csv
import datetime as dt
import json
import math
import os

# (id, type, ra_h, dec_deg, mag, constellation) - subset; full list in catalogues/ when present
MESSIER = [
    ("M1", "SNR", 5.575, 22.01, 8.4, "Tau"), ("M3", "GC", 13.703, 28.38, 6.2, "CVn"),
    ("M8", "EN", 18.06, -24.38, 6.0, "Sgr"), ("M13", "GC", 16.695, 36.46, 5.8, "Her"),
    ("M15", "GC", 21.5, 12.17, 6.2, "Peg"), ("M27", "PN", 19.993, 22.72, 7.5, "Vul"),
    ("M31", "Gx", 0.712, 41.27, 3.4, "And"), ("M33", "Gx", 1.564, 30.66, 5.7, "Tri"),
    ("M35", "OC", 6.148, 24.33, 5.3, "Gem"), ("M42", "EN", 5.588, -5.39, 4.0, "Ori"),
    ("M45", "OC", 3.79, 24.12, 1.6, "Tau"), ("M51", "Gx", 13.498, 47.2, 8.4, "CVn"),
    ("M57", "PN", 18.893, 33.03, 8.8, "Lyr"), ("M81", "Gx", 9.926, 69.07, 6.9, "UMa"),
    ("M82", "Gx", 9.931, 69.68, 8.4, "UMa"), ("M92", "GC", 17.285, 43.14, 6.4, "Her"),
    ("M101", "Gx", 14.053, 54.35, 7.9, "UMa"), ("M103", "OC", 1.555, 60.66, 7.4, "Cas"),
]
LOG = "observations.csv"


def lst(when, lon):
    jd = when.timestamp() / 86400 + 2440587.5
    d = jd - 2451545.0
    gmst = (18.697374558 + 24.06570982441908 * d) % 24
    return (gmst + lon / 15) % 24


def altitude(ra_h, dec, lat, lst_h):
    ha = math.radians((lst_h - ra_h) * 15)
    dec, lat = math.radians(dec), math.radians(lat)
    return math.degrees(math.asin(math.sin(dec) * math.sin(lat) + math.cos(dec) * math.cos(lat) * math.cos(ha)))


def logged():
    if not os.path.exists(LOG):
        return set()
    with open(LOG) as f:
        return {r["obj"] for r in csv.DictReader(f)}


def plan(a):
    site = json.load(open(a.site))
    day = dt.date.fromisoformat(a.date)
    done = logged()
    rows = []
    for obj, typ, ra, dec, mag, con in MESSIER:
        best_alt, best_t = -90, None
        for m in range(0, 8 * 60, 15):  # 21:00 - 05:00 local-ish UTC
            t = dt.datetime(day.year, day.month, day.day, 21, tzinfo=dt.timezone.utc) + dt.timedelta(minutes=m)
            alt = altitude(ra, dec, site["lat"], lst(t, site["lon"]))
            if alt > best_alt:
                best_alt, best_t = alt, t
        if best_alt >= max(a.min_alt, site.get("horizon_min_alt", 0)):
            rows.append((obj, typ, mag, best_t.strftime("%H:%M"), round(best_alt), con, "yes" if obj in done else ""))
    for r in sorted(rows, key=lambda r: -r[4]):
        print("%-5s %-4s %4.1f  %s UTC  alt %3d  %s  %s" % r)


def add(a):
    new = not os.path.exists(LOG)
    with open(LOG, "a", newline="") as f:
        w = csv.writer(f)
        if new:
            w.writerow(["obj", "time", "magnification", "seeing", "transparency", "notes"])
        w.writerow([a.obj, a.time, a.mag, a.seeing, a.transp, a.notes])
    print("logged", a.obj)


def progress(a):
    done = logged()
    total = 110 if a.list == "messier" else 0
    have = sorted(x for x in done if x.startswith("M"))
    print(f"{len(have)}/{total} ({100 * len(have) / total:.0f}%)")
    print("remaining in built-in subset:", ", ".join(o[0] for o in MESSIER if o[0] not in done))


def export(a):
    with open(LOG) as f:
        for r in csv.DictReader(f):
            print(f"{r['obj']:6} {r['time']:17} {r['magnification']:>4}x  S{r['seeing']} T{r['transparency']}  {r['notes']}")


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("plan"); p.add_argument("--site", required=True); p.add_argument("--date", default=dt.date.today().isoformat())
    p.add_argument("--list", default="messier"); p.add_argument("--min-alt", type=float, default=30)
    d = sub.add_parser("add"); d.add_argument("--obj", required=True); d.add_argument("--time", required=True)
    d.add_argument("--mag", default=""); d.add_argument("--seeing", default=""); d.add_argument("--transp", default=""); d.add_argument("--notes", default="")
    g = sub.add_parser("progress"); g.add_argument("--list", default="messier")
    e = sub.add_parser("export"); e.add_argument("--format", default="al")
    a = ap.parse_args()
    {"plan": plan, "add": add, "progress": progress, "export": export}[a.cmd](a)
