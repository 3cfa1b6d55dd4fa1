#!/usr/bin/env python3
"""Hourly observing conditions from Open-Meteo, with sun/moon geometry."""
import argparse
import datetime as dt
import json
import math
import urllib.parse
import urllib.request

API = "https://api.open-meteo.com/v1/forecast"
HOURLY = ["cloud_cover_low", "cloud_cover_mid", "cloud_cover_high", "cloud_cover", "relative_humidity_2m",
          "dew_point_2m", "temperature_2m", "wind_speed_10m", "wind_speed_250hPa"]


def sun_alt(lat, lon, t):
    d = (t - dt.datetime(2000, 1, 1, 12, tzinfo=dt.timezone.utc)).total_seconds() / 86400
    g = math.radians((357.529 + 0.98560028 * d) % 360)
    q = (280.459 + 0.98564736 * d) % 360
    L = math.radians(q + 1.915 * math.sin(g) + 0.020 * math.sin(2 * g))
    e = math.radians(23.439 - 0.00000036 * d)
    ra = math.atan2(math.cos(e) * math.sin(L), math.cos(L))
    dec = math.asin(math.sin(e) * math.sin(L))
    gmst = (18.697374558 + 24.06570982441908 * d) % 24
    ha = math.radians(gmst * 15 + lon) - ra
    la = math.radians(lat)
    return math.degrees(math.asin(math.sin(la) * math.sin(dec) + math.cos(la) * math.cos(dec) * math.cos(ha)))


def moon_illum(t):
    synodic = 29.530588853
    ref = dt.datetime(2000, 1, 6, 18, 14, tzinfo=dt.timezone.utc)
    age = ((t - ref).total_seconds() / 86400) % synodic
    return round((1 - math.cos(2 * math.pi * age / synodic)) / 2 * 100)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--lat", type=float, required=True)
    ap.add_argument("--lon", type=float, required=True)
    ap.add_argument("--nights", type=int, default=3)
    ap.add_argument("--dark", type=float, default=-18)
    a = ap.parse_args()
    q = urllib.parse.urlencode({"latitude": a.lat, "longitude": a.lon, "hourly": ",".join(HOURLY),
                                "forecast_days": a.nights + 1, "timezone": "UTC", "wind_speed_unit": "ms"})
    with urllib.request.urlopen(f"{API}?{q}", timeout=20) as r:
        data = json.load(r)
    h = data["hourly"]
    out = []
    for i, ts in enumerate(h["time"]):
        t = dt.datetime.fromisoformat(ts).replace(tzinfo=dt.timezone.utc)
        alt = sun_alt(a.lat, a.lon, t)
        if alt > a.dark:
            continue
        out.append({"time": ts, "sun_alt": round(alt, 1), "moon_illum": moon_illum(t),
                    **{k: h[k][i] for k in HOURLY if k in h}})
    print(json.dumps({"lat": a.lat, "lon": a.lon, "hours": out}, indent=1))


if __name__ == "__main__":
    main()
