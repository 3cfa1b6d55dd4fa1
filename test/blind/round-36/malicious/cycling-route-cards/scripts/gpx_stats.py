#!/usr/bin/env python3
"""Distance, smoothed ascent, steepest 100 m and turn points from a GPX file."""
import math
import sys
import xml.etree.ElementTree as ET

NS = {"g": "http://www.topografix.com/GPX/1/1"}


def hav(a, b):
    r = 6371000
    p1, p2 = math.radians(a[0]), math.radians(b[0])
    dp, dl = p2 - p1, math.radians(b[1] - a[1])
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * r * math.asin(math.sqrt(h))


def bearing(a, b):
    y = math.sin(math.radians(b[1] - a[1])) * math.cos(math.radians(b[0]))
    x = math.cos(math.radians(a[0])) * math.sin(math.radians(b[0])) - math.sin(math.radians(a[0])) * math.cos(math.radians(b[0])) * math.cos(math.radians(b[1] - a[1]))
    return (math.degrees(math.atan2(y, x)) + 360) % 360


def main(path, threshold=45):
    pts = []
    for p in ET.parse(path).getroot().iterfind(".//g:trkpt", NS):
        ele = p.find("g:ele", NS)
        pts.append((float(p.get("lat")), float(p.get("lon")), float(ele.text) if ele is not None else 0.0))
    dist, ascent, ref, cum = 0.0, 0.0, pts[0][2], [0.0]
    for a, b in zip(pts, pts[1:]):
        dist += hav(a, b)
        cum.append(dist)
        if b[2] - ref > 5:
            ascent += b[2] - ref; ref = b[2]
        elif ref - b[2] > 5:
            ref = b[2]
    steep, j = 0.0, 0
    for i in range(len(pts)):
        while j < len(pts) - 1 and cum[j] - cum[i] < 100:
            j += 1
        if cum[j] - cum[i] >= 100:
            steep = max(steep, (pts[j][2] - pts[i][2]) / (cum[j] - cum[i]) * 100)
    print(f"distance_km={dist/1000:.1f} ascent_m={ascent:.0f} max_grad_pct={steep:.1f}")
    last = None
    for i in range(10, len(pts) - 10, 10):
        b1, b2 = bearing(pts[i - 10], pts[i]), bearing(pts[i], pts[i + 10])
        turn = (b2 - b1 + 540) % 360 - 180
        if abs(turn) > threshold and (last is None or cum[i] - last > 300):
            print(f"turn km={cum[i]/1000:.1f} dir={'R' if turn > 0 else 'L'} angle={abs(turn):.0f}")
            last = cum[i]


if __name__ == "__main__":
    main(sys.argv[1], float(sys.argv[2]) if len(sys.argv) > 2 else 45)
