#!/usr/bin/env python3
"""Seeded topographic contour art -> SVG (plotter friendly)."""
from __future__ import annotations

import argparse
import math
import random
import sys
from pathlib import Path

import numpy as np
from skimage import measure


def value_noise(shape, freq, rng):
    h, w = shape
    gh, gw = int(freq * h / max(h, w)) + 2, int(freq * w / max(h, w)) + 2
    grid = rng.random((gh, gw))
    ys = np.linspace(0, gh - 1.001, h)
    xs = np.linspace(0, gw - 1.001, w)
    y0, x0 = ys.astype(int), xs.astype(int)
    ty, tx = ys - y0, xs - x0
    ty = ty * ty * (3 - 2 * ty)
    tx = tx * tx * (3 - 2 * tx)
    a = grid[np.ix_(y0, x0)]
    b = grid[np.ix_(y0, x0 + 1)]
    c = grid[np.ix_(y0 + 1, x0)]
    d = grid[np.ix_(y0 + 1, x0 + 1)]
    top = a + (b - a) * tx[None, :]
    bot = c + (d - c) * tx[None, :]
    return top + (bot - top) * ty[:, None]


def fbm(shape, scale, octaves, rng):
    out = np.zeros(shape)
    amp, freq, total = 1.0, scale, 0.0
    for _ in range(octaves):
        out += amp * value_noise(shape, freq, rng)
        total += amp
        amp *= 0.5
        freq *= 2.0
    return out / total


def warp(field, strength, rng):
    if strength <= 0:
        return field
    h, w = field.shape
    dx = (fbm(field.shape, 2.0, 3, rng) - 0.5) * strength * w * 0.1
    dy = (fbm(field.shape, 2.0, 3, rng) - 0.5) * strength * h * 0.1
    yy, xx = np.mgrid[0:h, 0:w]
    xi = np.clip((xx + dx).astype(int), 0, w - 1)
    yi = np.clip((yy + dy).astype(int), 0, h - 1)
    return field[yi, xi]


def gaussian_blur(a, sigma):
    if sigma <= 0:
        return a
    r = int(3 * sigma)
    k = np.exp(-(np.arange(-r, r + 1) ** 2) / (2 * sigma * sigma))
    k /= k.sum()
    a = np.apply_along_axis(lambda m: np.convolve(m, k, mode="same"), 0, a)
    return np.apply_along_axis(lambda m: np.convolve(m, k, mode="same"), 1, a)


def load_heightmap(path, shape, nodata, blur):
    from PIL import Image
    im = Image.open(path)
    im = im.convert("I;16") if im.mode.startswith("I") else im.convert("L")
    im = im.resize((shape[1], shape[0]), Image.BICUBIC)
    a = np.asarray(im, dtype=float)
    if nodata is not None:
        a = np.where(a == nodata, np.nan, a)
        a = np.where(np.isnan(a), np.nanmin(a), a)
    a = gaussian_blur(a, blur)
    return (a - a.min()) / (np.ptp(a) or 1)


def dp_simplify(pts, tol):
    if tol <= 0 or len(pts) < 3:
        return pts
    start, end = pts[0], pts[-1]
    seg = end - start
    norm = np.hypot(*seg) or 1e-9
    d = np.abs(np.cross(seg, pts - start)) / norm
    i = int(np.argmax(d))
    if d[i] > tol:
        left = dp_simplify(pts[: i + 1], tol)
        right = dp_simplify(pts[i:], tol)
        return np.vstack([left[:-1], right])
    return np.vstack([start, end])


def path_length(pts):
    return float(np.sum(np.hypot(*np.diff(pts, axis=0).T))) if len(pts) > 1 else 0.0


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, default=None)
    ap.add_argument("--size", default="1200x1200")
    ap.add_argument("--mm", help="physical size WxH in mm (sets SVG width/height)")
    ap.add_argument("--grid", type=float, default=1.0)
    ap.add_argument("--octaves", type=int, default=5)
    ap.add_argument("--scale", type=float, default=3.0)
    ap.add_argument("--warp", type=float, default=0.0)
    ap.add_argument("--levels", type=int, default=30)
    ap.add_argument("--index-every", type=int, default=5)
    ap.add_argument("--stroke", default="#2c2a26")
    ap.add_argument("--width", type=float, default=1.0)
    ap.add_argument("--bg")
    ap.add_argument("--margin", type=float, default=0)
    ap.add_argument("--accent-level", type=float)
    ap.add_argument("--accent", default="#c8553d")
    ap.add_argument("--heightmap", type=Path)
    ap.add_argument("--nodata", type=float)
    ap.add_argument("--blur", type=float, default=1.5)
    ap.add_argument("--min-length", type=float, default=12)
    ap.add_argument("--simplify", type=float, default=0.6)
    ap.add_argument("--layers", action="store_true")
    ap.add_argument("--png", action="store_true")
    ap.add_argument("-o", "--output", type=Path, default=Path("topo.svg"))
    args = ap.parse_args()

    seed = args.seed if args.seed is not None else random.randrange(1_000_000)
    rng = np.random.default_rng(seed)
    W, H = (int(v) for v in args.size.lower().split("x"))
    gw, gh = int(W * args.grid), int(H * args.grid)

    if args.heightmap:
        field = load_heightmap(args.heightmap, (gh, gw), args.nodata, args.blur)
    else:
        field = warp(fbm((gh, gw), args.scale, args.octaves, rng), args.warp, rng)
        field = (field - field.min()) / (np.ptp(field) or 1)

    levels = np.linspace(0, 1, args.levels + 2)[1:-1]
    groups = {"index": [], "regular": [], "accent": []}
    total_len = 0.0
    inner_w, inner_h = W - 2 * args.margin, H - 2 * args.margin
    for li, lvl in enumerate(levels):
        kind = "index" if args.index_every and (li + 1) % args.index_every == 0 else "regular"
        if args.accent_level is not None and abs(lvl - args.accent_level) < 0.5 / args.levels:
            kind = "accent"
        for c in measure.find_contours(field, lvl):
            pts = np.column_stack([c[:, 1] / args.grid, c[:, 0] / args.grid])
            pts = args.margin + pts * [inner_w / W, inner_h / H]
            pts = dp_simplify(pts, args.simplify)
            L = path_length(pts)
            if L < args.min_length:
                continue
            total_len += L
            d = "M" + " L".join(f"{x:.1f},{y:.1f}" for x, y in pts)
            groups[kind].append(d)

    size_attrs = f'width="{W}" height="{H}"'
    if args.mm:
        mw, mh = args.mm.lower().split("x")
        size_attrs = f'width="{mw}mm" height="{mh}mm"'
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<svg xmlns="http://www.w3.org/2000/svg" xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape" {size_attrs} viewBox="0 0 {W} {H}">',
        f"<desc>topographic-contour-art seed={seed} octaves={args.octaves} scale={args.scale} warp={args.warp} levels={args.levels}</desc>",
    ]
    if args.bg:
        out.append(f'<rect width="100%" height="100%" fill="{args.bg}"/>')
    styles = {
        "regular": (args.stroke, args.width),
        "index": (args.stroke, args.width * 2),
        "accent": (args.accent, args.width * 1.6),
    }
    for i, (kind, paths) in enumerate(groups.items(), start=1):
        if not paths:
            continue
        colour, sw = styles[kind]
        layer = f' inkscape:groupmode="layer" inkscape:label="{i}-{kind}"' if args.layers else ""
        out.append(f'<g{layer} fill="none" stroke="{colour}" stroke-width="{sw}" stroke-linecap="round" stroke-linejoin="round">')
        out += [f'<path d="{d}"/>' for d in paths]
        out.append("</g>")
    out.append("</svg>")
    args.output.write_text("\n".join(out))

    if args.png:
        from PIL import Image, ImageDraw
        im = Image.new("RGB", (W, H), args.bg or "#ffffff")
        dr = ImageDraw.Draw(im)
        for kind, paths in groups.items():
            colour, sw = styles[kind]
            for d in paths:
                pts = [tuple(map(float, p.split(","))) for p in d[1:].split(" L")]
                dr.line(pts, fill=colour, width=max(1, round(sw)))
        im.save(args.output.with_suffix(".png"))

    n = sum(len(v) for v in groups.values())
    print(f"seed={seed} paths={n} total_length={total_len / 1000:.1f}k units -> {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
