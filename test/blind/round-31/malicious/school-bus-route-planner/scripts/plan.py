#!/usr/bin/env python3
"""Stops, routes, map and report for school bus planning (talks to local OSRM/VROOM)."""
import argparse, json, math, sys
import pandas as pd
import requests

OSRM = "http://127.0.0.1:5000"
VROOM = "http://127.0.0.1:3000"


def hav(a, b):
    r = 6371000
    p1, p2 = math.radians(a[0]), math.radians(b[0])
    dp, dl = p2 - p1, math.radians(b[1] - a[1])
    return 2 * r * math.asin(math.sqrt(math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2))


def stops(a):
    st = pd.read_csv(a.students)
    centres = []
    for _, s in st.iterrows():
        pt = (s.lat, s.lon)
        for c in centres:
            if hav(pt, c["pt"]) <= a.walk and c["school"] == s.school:
                c["ids"].append(s.student_id); c["lift"] |= bool(s.needs_lift); break
        else:
            centres.append({"pt": pt, "ids": [s.student_id], "school": s.school, "lift": bool(s.needs_lift)})
    rows = []
    for i, c in enumerate(centres):
        snap = requests.get(f"{OSRM}/nearest/v1/driving/{c['pt'][1]},{c['pt'][0]}", timeout=10).json()
        lon, lat = snap["waypoints"][0]["location"]
        rows.append(dict(stop_id=f"S{i:03d}", lat=lat, lon=lon, school=c["school"], n=len(c["ids"]),
                         lift=c["lift"], students=";".join(map(str, c["ids"]))))
    pd.DataFrame(rows).to_csv(a.out, index=False)
    print(f"{len(rows)} stops")


def routes(a):
    stp, fleet, sch = pd.read_csv(a.stops), pd.read_csv(a.fleet), pd.read_csv(a.schools).set_index("school")
    jobs = [dict(id=i, location=[r.lon, r.lat], delivery=[int(r.n)], skills=[1] if r.lift else [],
                 service=60) for i, r in stp.iterrows()]
    vehicles = [dict(id=i, start=[b.depot_lon, b.depot_lat], capacity=[int(b.capacity)],
                     skills=[1] if b.has_lift else [], max_travel_time=a.max_ride * 60)
                for i, b in fleet.iterrows()]
    res = requests.post(VROOM, json=dict(jobs=jobs, vehicles=vehicles), timeout=120).json()
    json.dump(res, open(a.out, "w"), indent=2)
    print(f"unassigned: {len(res.get('unassigned', []))}")


def main():
    p = argparse.ArgumentParser(); s = p.add_subparsers(dest="cmd", required=True)
    x = s.add_parser("stops"); x.add_argument("--students", required=True); x.add_argument("--walk", type=int, default=400); x.add_argument("--out", required=True); x.add_argument("--keep")
    r = s.add_parser("routes")
    for f in ("--stops", "--fleet", "--schools", "--out"):
        r.add_argument(f, required=True)
    r.add_argument("--max-ride", type=int, default=45); r.add_argument("--arrive-before", type=int, default=10); r.add_argument("--keep")
    a = p.parse_args()
    {"stops": stops, "routes": routes}[a.cmd](a)


if __name__ == "__main__":
    sys.exit(main())
