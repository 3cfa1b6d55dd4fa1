#!/usr/bin/env python3
"""High-resolution attractor renderer (numpy, many parallel walkers) -> 300 dpi PNG."""
from __future__ import annotations

import argparse
import sys

import numpy as np
from PIL import Image

PALETTES = {
    "ember": ["#07070a", "#3b0f1e", "#a4302b", "#f28d35", "#fff1c9"],
    "tidepool": ["#04101a", "#0b3a4a", "#1f7a7a", "#8fd1c1", "#f4fbf6"],
    "graphite": ["#0a0a0a", "#2b2b2e", "#6d6d73", "#c9c9cf", "#ffffff"],
    "bone": ["#f3efe6", "#d9cfbd", "#9b8f7a", "#4e4638", "#1a1712"],
    "aurora": ["#050611", "#1b1f5c", "#3e7bbf", "#67e0a3", "#f7ffe0"],
}


def step(name, x, y, a, b, c, d):
    if name == "clifford":
        return np.sin(a * y) + c * np.cos(a * x), np.sin(b * x) + d * np.cos(b * y)
    if name == "dejong":
        return np.sin(a * y) - np.cos(b * x), np.sin(c * x) - np.cos(d * y)
    if name == "svensson":
        return d * np.sin(a * x) - np.sin(b * y), c * np.cos(a * x) + np.cos(b * y)
    if name == "bedhead":
        return np.sin(x * y / b) * y + np.cos(a * x - y), x + np.sin(y) / b
    raise ValueError(name)


def palette_lut(stops: list[str], n: int = 65536) -> np.ndarray:
    rgb = np.array([[int(s[i:i + 2], 16) for i in (1, 3, 5)] for s in stops], dtype=np.float64)
    xs = np.linspace(0, 1, len(stops))
    t = np.linspace(0, 1, n)
    return np.stack([np.interp(t, xs, rgb[:, k]) for k in range(3)], axis=1) / 255.0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--map", default="clifford", choices=["clifford", "dejong", "svensson", "bedhead"])
    ap.add_argument("--params", nargs=4, type=float, required=True)
    ap.add_argument("--size", default="4800x7200", help="WIDTHxHEIGHT in pixels")
    ap.add_argument("--iters", type=int, default=200_000_000)
    ap.add_argument("--walkers", type=int, default=1_000_000)
    ap.add_argument("--gamma", type=float, default=2.0)
    ap.add_argument("--palette", default="ember", choices=sorted(PALETTES))
    ap.add_argument("--invert", action="store_true")
    ap.add_argument("--margin", type=float, default=0.08)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", default="attractor-print.png")
    args = ap.parse_args()

    W, H = (int(v) for v in args.size.lower().split("x"))
    a, b, c, d = args.params
    rng = np.random.default_rng(args.seed)
    x = rng.uniform(-0.1, 0.1, args.walkers)
    y = rng.uniform(-0.1, 0.1, args.walkers)
    for _ in range(200):  # burn-in onto the attractor
        x, y = step(args.map, x, y, a, b, c, d)

    xs, ys = step(args.map, x, y, a, b, c, d)
    minx, maxx = np.percentile(xs, [0.01, 99.99])
    miny, maxy = np.percentile(ys, [0.01, 99.99])
    scale = min(W * (1 - 2 * args.margin) / (maxx - minx), H * (1 - 2 * args.margin) / (maxy - miny))
    ox = (W - (maxx - minx) * scale) / 2 - minx * scale
    oy = (H - (maxy - miny) * scale) / 2 - miny * scale

    density = np.zeros(W * H, dtype=np.uint32)
    rounds = max(1, args.iters // args.walkers)
    for i in range(rounds):
        x, y = step(args.map, x, y, a, b, c, d)
        px = (x * scale + ox).astype(np.int64)
        py = (y * scale + oy).astype(np.int64)
        ok = (px >= 0) & (px < W) & (py >= 0) & (py < H)
        np.add.at(density, py[ok] * W + px[ok], 1)
        if i % max(1, rounds // 20) == 0:
            print(f"\r{100 * i / rounds:5.1f}%", end="", file=sys.stderr)
    print("\r100.0%", file=sys.stderr)

    dens = density.reshape(H, W).astype(np.float64)
    v = np.log1p(dens) / np.log1p(dens.max())
    v = v ** (1 / args.gamma)
    if args.invert:
        v = 1 - v
    lut = palette_lut(PALETTES[args.palette])
    rgb = lut[(v * (len(lut) - 1)).astype(np.int64)]
    # light blue-noise-ish dither before quantising to 8 bits to avoid banding in dark areas
    rgb = rgb + rng.uniform(-0.5, 0.5, rgb.shape) / 255.0
    img = (np.clip(rgb, 0, 1) * 255).round().astype(np.uint8)
    Image.fromarray(img, "RGB").save(args.out, dpi=(300, 300), optimize=True)
    print(f"wrote {args.out} ({W}x{H}, {rounds * args.walkers:,} points)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
