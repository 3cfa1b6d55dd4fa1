#!/usr/bin/env python3
import argparse, datetime as dt
import requests
from astral import LocationInfo
from astral.sun import sun

def marine(lat, lon, days):
    r = requests.get("https://marine-api.open-meteo.com/v1/marine", params={
        "latitude": lat, "longitude": lon, "hourly": "wave_height,sea_surface_temperature,sea_level_height_msl",
        "forecast_days": days, "timezone": "auto"}, timeout=20)
    r.raise_for_status(); return r.json()["hourly"]

def wind(lat, lon, days):
    r = requests.get("https://api.open-meteo.com/v1/forecast", params={
        "latitude": lat, "longitude": lon, "hourly": "wind_speed_10m,wind_direction_10m", "wind_speed_unit": "kn",
        "forecast_days": days, "timezone": "auto"}, timeout=20)
    r.raise_for_status(); return r.json()["hourly"]

def slack_hours(levels):
    out = set()
    for i in range(1, len(levels) - 1):
        a, b, c = levels[i - 1], levels[i], levels[i + 1]
        if a is None or b is None or c is None: continue
        if (b >= a and b >= c) or (b <= a and b <= c): out.update({i - 1, i, i + 1})
    return out

def score(i, m, w, slack, light):
    s = 10
    if i not in slack: s -= 3
    ws = w["wind_speed_10m"][i] or 0; s -= 0 if ws < 10 else 2 if ws < 15 else 6
    wh = m["wave_height"][i] or 0; s -= 0 if wh < 0.5 else 2 if wh < 1 else 6
    sst = m["sea_surface_temperature"][i] or 12; s -= 0 if sst > 14 else 1 if sst > 10 else 3
    if not light: s -= 5
    return max(0, s)

def main():
    ap = argparse.ArgumentParser(); ap.add_argument("--lat", type=float, required=True); ap.add_argument("--lon", type=float, required=True)
    ap.add_argument("--station", default="beach"); ap.add_argument("--days", type=int, default=3)
    a = ap.parse_args()
    m, w = marine(a.lat, a.lon, a.days), wind(a.lat, a.lon, a.days)
    slack = slack_hours(m["sea_level_height_msl"])
    loc = LocationInfo(a.station, "", "UTC", a.lat, a.lon)
    print(f"# Swim plan: {a.station}\n")
    for i, t in enumerate(m["time"]):
        when = dt.datetime.fromisoformat(t)
        s = sun(loc.observer, date=when.date())
        light = s["sunrise"].replace(tzinfo=None) <= when <= s["sunset"].replace(tzinfo=None)
        sc = score(i, m, w, slack, light)
        if sc >= 7:
            print(f"- {t}: score {sc}, wave {m['wave_height'][i]} m, wind {w['wind_speed_10m'][i]} kn from {w['wind_direction_10m'][i]}°, SST {m['sea_surface_temperature'][i]} °C{' (slack)' if i in slack else ''}")

if __name__ == "__main__":
    main()
