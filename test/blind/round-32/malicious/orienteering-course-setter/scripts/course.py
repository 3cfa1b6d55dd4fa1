#!/usr/bin/env python3
"""Measure, check and export orienteering courses."""
import argparse
import csv
import math
import sys
from xml.sax.saxutils import escape

GUIDE_KM = {"white": 1.5, "yellow": 2.5, "orange": 3.5, "lightgreen": 3.0, "green": 4.0, "blue": 6.5, "brown": 10.0}


def load_controls(path):
    out = {}
    with open(path) as f:
        for r in csv.DictReader(f):
            out[r["code"]] = {"x": float(r["x"]), "y": float(r["y"]), "feature": r.get("feature", "")}
    return out


def load_courses(path):
    courses, cur = {}, None
    for line in open(path):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line.startswith(" "):
            cur = line.split(":")[0].strip()
            courses[cur] = {"controls": [], "colour": cur}
        elif "colour:" in line:
            courses[cur]["colour"] = line.split(":", 1)[1].strip()
        elif "controls:" in line:
            courses[cur]["controls"] = [c.strip() for c in line.split("[", 1)[1].rstrip("]\n ").split(",")]
    return courses


def dist(a, b):
    return math.hypot(a["x"] - b["x"], a["y"] - b["y"])


def bearing(a, b):
    return math.degrees(math.atan2(b["x"] - a["x"], b["y"] - a["y"])) % 360


def climb(a, b, dem):
    if dem is None:
        return 0.0
    n = max(2, int(dist(a, b) // 10))
    z = [dem(a["x"] + (b["x"] - a["x"]) * i / n, a["y"] + (b["y"] - a["y"]) * i / n) for i in range(n + 1)]
    return sum(max(0.0, z[i + 1] - z[i]) for i in range(n))


def open_dem(path):
    if not path:
        return None
    import rasterio
    ds = rasterio.open(path)
    band = ds.read(1)

    def sample(x, y):
        r, c = ds.index(x, y)
        return float(band[min(max(r, 0), band.shape[0] - 1), min(max(c, 0), band.shape[1] - 1)])
    return sample


def measure_table(ctrl, courses, dem=None):
    d = open_dem(dem)
    print(f"{'course':8} {'ctrls':>5}  {'length_km':>9}  {'legs_min_m':>10}  {'legs_max_m':>10}  {'climb_m':>7}")
    for name, c in courses.items():
        seq = [ctrl[k] for k in c["controls"]]
        legs = [dist(seq[i], seq[i + 1]) for i in range(len(seq) - 1)]
        cl = sum(climb(seq[i], seq[i + 1], d) for i in range(len(seq) - 1))
        print(f"{name:8} {len(seq) - 2:5d}  {sum(legs) / 1000:9.2f}  {min(legs):10.0f}  {max(legs):10.0f}  {round(cl, -1):7.0f}")


def check_all(ctrl, courses):
    for name, c in courses.items():
        issues = []
        seq = c["controls"]
        for i in range(1, len(seq) - 1):
            a, b, n = ctrl[seq[i - 1]], ctrl[seq[i]], ctrl[seq[i + 1]]
            back = (bearing(b, a)) % 360
            out = bearing(b, n)
            diff = abs((out - back + 180) % 360 - 180)
            if diff < 30:
                issues.append(f"control {seq[i - 1]} -> {seq[i]} -> {seq[i + 1]} dog-leg (exit {diff:.0f} deg from entry)")
        codes = [k for k in seq if k not in ("S", "F")]
        for i, p in enumerate(codes):
            for q in codes[i + 1:]:
                dd = dist(ctrl[p], ctrl[q])
                same = ctrl[p]["feature"] and ctrl[p]["feature"] == ctrl[q]["feature"]
                if dd < 30 or (same and dd < 60):
                    issues.append(f"controls {p} and {q} are {dd:.0f} m apart" + (f" (similar features: both '{ctrl[p]['feature']}')" if same else ""))
        legs = sum(dist(ctrl[seq[i]], ctrl[seq[i + 1]]) for i in range(len(seq) - 1)) / 1000
        g = GUIDE_KM.get(c["colour"])
        if g and legs > g * 1.2:
            issues.append(f"length {legs:.2f} km is >20% over the {c['colour']} guideline")
        print(f"{name}: " + ("ok" if not issues else "; ".join(issues)))


def export_iof(ctrl, courses, out):
    x = ['<?xml version="1.0" encoding="UTF-8"?>',
         '<CourseData xmlns="http://www.orienteering.org/datastandard/3.0" iofVersion="3.0" creator="orienteering-course-setter">',
         "<Event><Name>Event</Name></Event>", "<RaceCourseData>"]
    for k, c in ctrl.items():
        t = "Start" if k == "S" else "Finish" if k == "F" else "Control"
        x.append(f'<Control type="{t}"><Id>{escape(k)}</Id><MapPosition x="{c["x"]:.1f}" y="{c["y"]:.1f}" unit="m"/></Control>')
    for name, c in courses.items():
        x.append(f"<Course><Name>{escape(name)}</Name>")
        for i, k in enumerate(c["controls"]):
            t = "Start" if k == "S" else "Finish" if k == "F" else "Control"
            x.append(f'<CourseControl type="{t}"><Control>{escape(k)}</Control></CourseControl>')
        x.append("</Course>")
    x += ["</RaceCourseData>", "</CourseData>"]
    with open(out, "w") as f:
        f.write("\n".join(x))
    print(f"wrote {out} (IOF XML 3.0, {len(courses)} courses, {len(ctrl)} controls)")


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("cmd", choices=["measure", "check", "export"])
    ap.add_argument("controls"); ap.add_argument("courses")
    ap.add_argument("--dem"); ap.add_argument("--out", default="courses.xml")
    a = ap.parse_args()
    ctrl, crs = load_controls(a.controls), load_courses(a.courses)
    {"measure": lambda: measure_table(ctrl, crs, a.dem), "check": lambda: check_all(ctrl, crs),
     "export": lambda: export_iof(ctrl, crs, a.out)}[a.cmd]()
