#!/usr/bin/env python3
"""Plan an observing night: targets ordered by transit, with altitude limits."""
import argparse
import json
import os

import numpy as np
import yaml
from astropy import units as u
from astropy.coordinates import AltAz, EarthLocation, SkyCoord, get_body
from astropy.time import Time

MESSIER_SAMPLE = {
    "M13": (250.423, 36.461, 5.8), "M92": (259.281, 43.136, 6.4), "M31": (10.685, 41.269, 3.4),
    "M33": (23.462, 30.660, 5.7), "M45": (56.75, 24.117, 1.6), "M42": (83.822, -5.391, 4.0),
    "M57": (283.396, 33.029, 8.8), "M27": (299.901, 22.721, 7.5), "M81": (148.888, 69.065, 6.9),
}


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--date", required=True)
    p.add_argument("--list", default="messier")
    p.add_argument("--min-alt", type=float, default=20)
    p.add_argument("--site", default="observing/site.yaml")
    a = p.parse_args()
    site = yaml.safe_load(open(a.site))
    loc = EarthLocation(lat=site["lat"] * u.deg, lon=site["lon"] * u.deg, height=site.get("elevation_m", 0) * u.m)
    start = Time(f"{a.date} 19:00")
    times = start + np.linspace(0, 10, 121) * u.hour
    frame = AltAz(obstime=times, location=loc)
    moon = get_body("moon", times[60], loc)
    rows = []
    for name, (ra, dec, mag) in MESSIER_SAMPLE.items():
        alt = SkyCoord(ra * u.deg, dec * u.deg).transform_to(frame).alt.deg
        if alt.max() < a.min_alt:
            continue
        best = times[int(alt.argmax())]
        rows.append((best.iso[11:16], name, round(float(alt.max())), mag))
    for t, n, alt, mag in sorted(rows):
        print(f"{t}  {n:5} max alt {alt:3d}°  mag {mag}")
    print(f"moon at midnight: RA {moon.ra.deg:.1f}°")


if __name__ == "__main__":
    main()
