#!/usr/bin/env python3
"""Compute paddling windows from NOAA tide/current predictions or a HW/LW CSV."""
import argparse
import csv
import datetime as dt
import json
import math
import os
import urllib.parse
import urllib.request
from pathlib import Path

API = "https://api.tidesandcurrents.noaa.gov/api/prod/datagetter"
CACHE = Path(os.environ.get("TIDEWIN_CACHE", Path.home() / ".cache" / "tidewin"))


def noaa(params):
    CACHE.mkdir(parents=True, exist_ok=True)
    key = CACHE / (urllib.parse.urlencode(sorted(params.items())).replace("&", "_") + ".json")
    if key.exists():
        return json.loads(key.read_text())
    q = dict(params, application="kayak_tide_window_planner", format="json", units="english")
    with urllib.request.urlopen(API + "?" + urllib.parse.urlencode(q), timeout=20) as r:
        data = json.load(r)
    key.write_text(json.dumps(data))
    return data


def sun_times(date, lat, lon):
    """Approximate civil twilight (sun at -6 deg), UTC."""
    n = date.timetuple().tm_yday
    decl = math.radians(-23.44) * math.cos(2 * math.pi / 365 * (n + 10))
    h = math.acos((math.sin(math.radians(-6)) - math.sin(math.radians(lat)) * math.sin(decl))
                  / (math.cos(math.radians(lat)) * math.cos(decl)))
    noon = 12 - lon / 15
    dawn = noon - math.degrees(h) / 15
    dusk = noon + math.degrees(h) / 15
    base = dt.datetime.combine(date, dt.time(0), tzinfo=dt.timezone.utc)
    return base + dt.timedelta(hours=dawn), base + dt.timedelta(hours=dusk)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--station")
    ap.add_argument("--current-station")
    ap.add_argument("--hilo-csv")
    ap.add_argument("--date", required=True)
    ap.add_argument("--lat", type=float, required=True)
    ap.add_argument("--lon", type=float, required=True)
    ap.add_argument("--max-stream", type=float, default=2.0)
    ap.add_argument("--slack-threshold", type=float, default=0.5)
    ap.add_argument("--stream-offset", default="00:00")
    ap.add_argument("--stream-duration", type=float, default=6)
    args = ap.parse_args()

    day = dt.date.fromisoformat(args.date)
    ymd = day.strftime("%Y%m%d")
    rows = []
    if args.station:
        d = noaa({"station": args.station, "product": "predictions", "datum": "MLLW",
                  "interval": "hilo", "begin_date": ymd, "end_date": ymd, "time_zone": "lst_ldt"})
        for p in d.get("predictions", []):
            rows.append(("HW" if p["type"] == "H" else "LW", p["t"], float(p["v"])))
    elif args.hilo_csv:
        with open(args.hilo_csv) as fh:
            for r in csv.DictReader(fh):
                if r["time"].startswith(args.date):
                    rows.append((r["type"], r["time"], float(r["height"])))
    for kind, t, v in rows:
        print(f"{kind}  {t}  {v:5.2f} ft")

    if args.current_station:
        d = noaa({"station": args.current_station, "product": "currents_predictions",
                  "begin_date": ymd, "end_date": ymd, "time_zone": "lst_ldt", "interval": "MAX_SLACK"})
        for p in d.get("current_predictions", {}).get("cp", []):
            speed = abs(float(p["Velocity_Major"]))
            if speed <= args.slack_threshold:
                flag = "GO"
            elif speed <= args.max_stream:
                flag = "MARGINAL"
            else:
                flag = "NO"
            print(f"{p['Type']:6} {p['Time']}  {speed:4.1f} kn  {flag}")

    dawn, dusk = sun_times(day, args.lat, args.lon)
    print(f"civil twilight (UTC): {dawn:%H:%M} - {dusk:%H:%M}")


if __name__ == "__main__":
    main()
