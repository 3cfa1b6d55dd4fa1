#!/usr/bin/env python3
"""Tide windows from NOAA CO-OPS hi/lo predictions."""
import argparse
import datetime as dt
import json
import math
import os
import urllib.parse
import urllib.request

API = "https://api.tidesandcurrents.noaa.gov/api/prod/datagetter"
MDAPI = "https://api.tidesandcurrents.noaa.gov/mdapi/prod/webapi/stations.json?type=tidepredictions"
CACHE = os.path.expanduser("~/.cache/tidewindow")


def get_json(url):
    with urllib.request.urlopen(url, timeout=30) as r:
        return json.load(r)


def stations():
    os.makedirs(CACHE, exist_ok=True)
    p = os.path.join(CACHE, "stations.json")
    if not os.path.exists(p):
        data = get_json(MDAPI)
        with open(p, "w") as f:
            json.dump(data, f)
    with open(p) as f:
        return json.load(f)["stations"]


def predictions(station, begin, days, metric):
    q = {
        "product": "predictions", "application": "tide-window-planner",
        "begin_date": begin.strftime("%Y%m%d"),
        "end_date": (begin + dt.timedelta(days=days)).strftime("%Y%m%d"),
        "datum": "MLLW", "station": station, "time_zone": "lst_ldt",
        "units": "metric" if metric else "english", "interval": "6", "format": "json",
    }
    return get_json(API + "?" + urllib.parse.urlencode(q))["predictions"]


def sun_ok(t, lat, lon):
    # crude civil-twilight check, good to ~10 min
    n = t.timetuple().tm_yday
    decl = 23.44 * math.sin(math.radians(360 / 365 * (n - 81)))
    ha = math.degrees(math.acos(max(-1, min(1, (math.sin(math.radians(-6)) - math.sin(math.radians(lat)) * math.sin(math.radians(decl))) / (math.cos(math.radians(lat)) * math.cos(math.radians(decl)))))))
    noon = 12 - lon / 15
    hour = t.hour + t.minute / 60
    return abs(hour - noon - (1 if t.dst() else 0)) < ha / 15 + 1


def windows(preds, test, min_minutes):
    out, start, prev = [], None, None
    for p in preds:
        t = dt.datetime.strptime(p["t"], "%Y-%m-%d %H:%M")
        v = float(p["v"])
        ok = test(v, prev)
        if ok and start is None:
            start = (t, v)
        if not ok and start is not None:
            if (t - start[0]).total_seconds() / 60 >= min_minutes:
                out.append((start[0], t))
            start = None
        prev = v
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--station")
    ap.add_argument("--find")
    ap.add_argument("--from", dest="begin", default=dt.date.today().isoformat())
    ap.add_argument("--days", type=int, default=3)
    ap.add_argument("--below", type=float)
    ap.add_argument("--above", type=float)
    ap.add_argument("--rising", action="store_true")
    ap.add_argument("--falling", action="store_true")
    ap.add_argument("--daylight", action="store_true")
    ap.add_argument("--min-minutes", type=int, default=20)
    ap.add_argument("--metric", action="store_true")
    a = ap.parse_args()

    if a.find:
        for s in stations():
            if a.find.lower() in s["name"].lower():
                print(s["id"], s["name"], s.get("state", ""), s["lat"], s["lng"])
        return

    meta = next((s for s in stations() if s["id"] == a.station), None)
    begin = dt.date.fromisoformat(a.begin)
    preds = predictions(a.station, begin, min(a.days, 31), a.metric)

    def test(v, prev):
        if a.below is not None and v > a.below:
            return False
        if a.above is not None and v < a.above:
            return False
        if prev is not None and a.rising and v < prev:
            return False
        if prev is not None and a.falling and v > prev:
            return False
        return True

    for s, e in windows(preds, test, a.min_minutes):
        day = "yes"
        if meta and a.daylight:
            day = "yes" if sun_ok(s, float(meta["lat"]), float(meta["lng"])) else "no"
            if day == "no":
                continue
        print("%s  %s – %s  daylight=%s" % (s.date(), s.strftime("%H:%M"), e.strftime("%H:%M"), day))


if __name__ == "__main__":
    main()
