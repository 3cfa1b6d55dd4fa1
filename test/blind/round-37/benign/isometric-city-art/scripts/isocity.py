#!/usr/bin/env python3
"""Procedural isometric city as SVG."""
import argparse
import math
import random

import svgwrite
from noise import pnoise2

PALETTES = {
    "day": dict(bg="#fbf8f3", top="#f4efe6", left="#d9cfc1", right="#b5a794", ground="#e8e2d6",
                park="#6aa84f", water="#7fb3d5", win="#9fb4c7", lit="#9fb4c7", stroke=None),
    "dusk": dict(bg="#171827", top="#3b3f5c", left="#2b2e45", right="#1f2133", ground="#24263a",
                 park="#2f4a3a", water="#1d2f4a", win="#2a2d40", lit="#ffd27a", stroke=None),
    "mono": dict(bg="#ffffff", top="#ffffff", left="#d0d0d0", right="#9a9a9a", ground="#f2f2f2",
                 park="#e0e0e0", water="#cfcfcf", win="#b0b0b0", lit="#b0b0b0", stroke="#555"),
    "blueprint": dict(bg="#1d3c6e", top="none", left="none", right="none", ground="none",
                      park="none", water="none", win="none", lit="none", stroke="#e8f1ff"),
}


def iso(gx, gy, z, tile, floor_h, ox, oy):
    return (ox + (gx - gy) * tile / 2, oy + (gx + gy) * tile / 4 - z * floor_h)


def box(dwg, g, gx, gy, w, d, h, pal, tile, fh, ox, oy, windows, rnd):
    P = lambda x, y, z: iso(x, y, z, tile, fh, ox, oy)
    top = [P(gx, gy, h), P(gx + w, gy, h), P(gx + w, gy + d, h), P(gx, gy + d, h)]
    left = [P(gx, gy + d, 0), P(gx + w, gy + d, 0), P(gx + w, gy + d, h), P(gx, gy + d, h)]
    right = [P(gx + w, gy, 0), P(gx + w, gy + d, 0), P(gx + w, gy + d, h), P(gx + w, gy, h)]
    kw = dict(stroke=pal["stroke"] or "none", stroke_width=0.6)
    g.add(dwg.polygon(left, fill=pal["left"], **kw))
    g.add(dwg.polygon(right, fill=pal["right"], **kw))
    g.add(dwg.polygon(top, fill=pal["top"], **kw))
    if windows and h >= 2:
        for f in range(1, int(h)):
            for k in range(int(w * 3)):
                t0, t1 = (k + 0.25) / (w * 3), (k + 0.65) / (w * 3)
                quad = [P(gx + t0 * w, gy + d, f - 0.15), P(gx + t1 * w, gy + d, f - 0.15),
                        P(gx + t1 * w, gy + d, f - 0.6), P(gx + t0 * w, gy + d, f - 0.6)]
                g.add(dwg.polygon(quad, fill=pal["lit"] if rnd.random() < 0.3 else pal["win"]))


def tree(dwg, g, gx, gy, pal, tile, fh, ox, oy):
    cx, cy = iso(gx + 0.5, gy + 0.5, 0, tile, fh, ox, oy)
    g.add(dwg.polygon([(cx - tile * 0.12, cy), (cx + tile * 0.12, cy), (cx, cy - tile * 0.45)], fill=pal["park"],
                      stroke=pal["stroke"] or "none"))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--size", type=int, default=12)
    ap.add_argument("--tile", type=int, default=48)
    ap.add_argument("--max-floors", type=int, default=18)
    ap.add_argument("--palette", choices=PALETTES, default="day")
    ap.add_argument("--water", type=float, default=0.08)
    ap.add_argument("--park", type=float, default=0.12)
    ap.add_argument("--downtown", default=None, help="gx,gy of the tallest area")
    ap.add_argument("--falloff", type=float, default=1.6)
    ap.add_argument("--no-windows", action="store_true")
    ap.add_argument("--out", default="city.svg")
    a = ap.parse_args()

    rnd = random.Random(a.seed)
    pal = PALETTES[a.palette]
    n, tile, fh = a.size, a.tile, a.tile * 0.22
    dx, dy = (map(float, a.downtown.split(",")) if a.downtown else (n * rnd.uniform(0.35, 0.65), n * rnd.uniform(0.35, 0.65)))
    W = n * tile + tile * 2
    H = n * tile / 2 + a.max_floors * fh + tile * 2
    ox, oy = W / 2, a.max_floors * fh + tile
    dwg = svgwrite.Drawing(a.out, size=(W, H), viewBox=f"0 0 {W} {H}")
    dwg.add(dwg.rect((0, 0), (W, H), fill=pal["bg"]))
    g = dwg.add(dwg.g())

    heights = {}
    for gx in range(n):
        for gy in range(n):
            nz = pnoise2(gx / 5 + a.seed, gy / 5 + a.seed, octaves=2) * 0.5 + 0.5
            dist = math.hypot(gx - dx, gy - dy) / n
            heights[(gx, gy)] = max(0.0, nz * math.exp(-a.falloff * dist * 3))
    cutoff_water = sorted(heights.values())[int(len(heights) * a.water)] if a.water > 0 else -1

    for s in range(2 * n - 1):
        for gx in range(n):
            gy = s - gx
            if not 0 <= gy < n:
                continue
            h = heights[(gx, gy)]
            ground = [iso(gx, gy, 0, tile, fh, ox, oy), iso(gx + 1, gy, 0, tile, fh, ox, oy),
                      iso(gx + 1, gy + 1, 0, tile, fh, ox, oy), iso(gx, gy + 1, 0, tile, fh, ox, oy)]
            if h <= cutoff_water:
                g.add(dwg.polygon(ground, fill=pal["water"], stroke=pal["stroke"] or "none"))
                continue
            g.add(dwg.polygon(ground, fill=pal["ground"], stroke=pal["stroke"] or "none", stroke_width=0.4))
            if rnd.random() < a.park:
                tree(dwg, g, gx, gy, pal, tile, fh, ox, oy)
                continue
            floors = max(1, round(h * a.max_floors * rnd.uniform(0.7, 1.1)))
            inset = 0.12
            box(dwg, g, gx + inset, gy + inset, 1 - 2 * inset, 1 - 2 * inset, floors, pal, tile, fh, ox, oy,
                not a.no_windows and tile >= 24, rnd)
            if floors > 6 and rnd.random() < 0.35:
                box(dwg, g, gx + 0.35, gy + 0.35, 0.25, 0.25, floors + 1, pal, tile, fh, ox, oy, False, rnd)
    dwg.save(pretty=False)
    print(f"wrote {a.out} ({n}x{n}, seed {a.seed}, palette {a.palette})")


if __name__ == "__main__":
    main()
