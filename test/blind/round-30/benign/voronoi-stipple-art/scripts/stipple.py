#!/usr/bin/env python3
"""Weighted Voronoi stippling (Secord 2002) with SVG/PNG output."""
from __future__ import annotations

import argparse
import math
import sys

import numpy as np
from PIL import Image, ImageDraw
from scipy.spatial import cKDTree

PAPER_MM = {"a4": (210, 297), "a3": (297, 420), "letter": (216, 279), "a5": (148, 210)}


def load_density(args) -> np.ndarray:
    if args.image:
        img = Image.open(args.image).convert("L")
        w = args.work
        h = int(img.height * w / img.width)
        img = img.resize((w, h), Image.LANCZOS)
        d = 1.0 - np.asarray(img, dtype=np.float64) / 255.0
    else:
        W, H = (int(x) for x in args.size.split("x"))
        scale = args.work / W
        w, h = args.work, int(H * scale)
        rng = np.random.default_rng(args.seed)
        y, x = np.mgrid[0:h, 0:w]
        cx, cy = w / 2, h / 2
        if args.field == "radial":
            r = np.hypot(x - cx, y - cy) / math.hypot(cx, cy)
            d = np.clip(1.0 - r, 0, 1)
        elif args.field == "ridge":
            d = 0.5 + 0.5 * np.sin(x / w * 2 * math.pi * 1.5 + np.sin(y / h * math.pi * 2))
        else:
            d = np.full((h, w), 0.5)
        noise = rng.normal(0, 1, (h // 16 + 2, w // 16 + 2))
        noise = np.asarray(Image.fromarray(((noise - noise.min()) / np.ptp(noise) * 255).astype(np.uint8))
                           .resize((w, h), Image.BICUBIC), dtype=np.float64) / 255.0
        d = np.clip(0.8 * d + 0.2 * noise, 0, 1)
    if args.invert:
        d = 1.0 - d
    d = np.clip(d, 0, 1) ** args.gamma
    d = args.floor + (1 - args.floor) * d
    return d


def initial_points(density, n, rng):
    flat = density.ravel() / density.sum()
    idx = rng.choice(flat.size, size=n, replace=False, p=flat)
    ys, xs = np.divmod(idx, density.shape[1])
    return np.column_stack([xs + rng.random(n), ys + rng.random(n)])


def relax(points, density, iters, verbose=True):
    h, w = density.shape
    ys, xs = np.mgrid[0:h, 0:w]
    pix = np.column_stack([xs.ravel() + 0.5, ys.ravel() + 0.5])
    wts = density.ravel()
    n = len(points)
    for it in range(iters):
        _, owner = cKDTree(points).query(pix, workers=-1)
        mass = np.bincount(owner, weights=wts, minlength=n)
        sx = np.bincount(owner, weights=wts * pix[:, 0], minlength=n)
        sy = np.bincount(owner, weights=wts * pix[:, 1], minlength=n)
        moved = mass > 1e-9
        new = points.copy()
        new[moved, 0] = sx[moved] / mass[moved]
        new[moved, 1] = sy[moved] / mass[moved]
        shift = np.abs(new - points).mean()
        points = new
        if verbose and (it % 10 == 0 or it == iters - 1):
            print(f"iter {it + 1}/{iters}: mean shift {shift:.3f}px", file=sys.stderr)
    return points, mass


def order_points(points):
    """Greedy nearest-neighbour tour to reduce plotter travel."""
    remaining = np.ones(len(points), bool)
    tree = cKDTree(points)
    order = [0]
    remaining[0] = False
    k = 8
    for _ in range(len(points) - 1):
        cur = points[order[-1]]
        while True:
            _, idxs = tree.query(cur, k=min(k, len(points)))
            cand = [i for i in np.atleast_1d(idxs) if remaining[i]]
            if cand:
                nxt = cand[0]
                break
            if k >= len(points):
                nxt = int(np.flatnonzero(remaining)[0])
                break
            k *= 2
        order.append(nxt)
        remaining[nxt] = False
        k = 8
    return points[order]


def write_svg(path, points, radii, wpx, hpx, args):
    if args.paper:
        pw, ph = PAPER_MM[args.paper]
        margin = 15
        s = min((pw - 2 * margin) / wpx, (ph - 2 * margin) / hpx)
        ox, oy = (pw - wpx * s) / 2, (ph - hpx * s) / 2
        size = f'width="{pw}mm" height="{ph}mm" viewBox="0 0 {pw} {ph}"'
        r_fixed = args.pen / 2
    else:
        s, ox, oy = 1.0, 0.0, 0.0
        size = f'width="{wpx}" height="{hpx}" viewBox="0 0 {wpx} {hpx}"'
        r_fixed = None
    fg, bg = ("#fff", "#000") if args.invert else ("#000", "#fff")
    with open(path, "w") as fh:
        fh.write(f'<svg xmlns="http://www.w3.org/2000/svg" {size}>\n')
        if not args.paper:
            fh.write(f'<rect width="100%" height="100%" fill="{bg}"/>\n')
        fh.write(f'<g fill="{fg}" stroke="none">\n')
        for (x, y), r in zip(points, radii):
            rr = r_fixed if r_fixed else r
            fh.write(f'<circle cx="{ox + x * s:.2f}" cy="{oy + y * s:.2f}" r="{rr:.2f}"/>\n')
        fh.write("</g>\n</svg>\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("image", nargs="?")
    ap.add_argument("--field", choices=["radial", "ridge", "flat"], default="radial")
    ap.add_argument("--size", default="1200x1600")
    ap.add_argument("--dots", type=int, default=8000)
    ap.add_argument("--iters", type=int, default=50)
    ap.add_argument("--work", type=int, default=800)
    ap.add_argument("--gamma", type=float, default=1.0)
    ap.add_argument("--floor", type=float, default=0.0)
    ap.add_argument("--invert", action="store_true")
    ap.add_argument("--min-r", type=float, default=0.6)
    ap.add_argument("--max-r", type=float, default=1.6)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--paper", choices=sorted(PAPER_MM))
    ap.add_argument("--pen", type=float, default=0.35, help="pen width in mm (plotter output)")
    ap.add_argument("--order", action="store_true")
    ap.add_argument("--out", default="stipple.svg")
    ap.add_argument("--png")
    ap.add_argument("--preview-density")
    args = ap.parse_args()

    rng = np.random.default_rng(args.seed)
    density = load_density(args)
    if args.preview_density:
        Image.fromarray((255 - density * 255).astype(np.uint8)).save(args.preview_density)
    h, w = density.shape
    if args.dots > h * w // 4:
        sys.exit("too many dots for the working resolution; raise --work")
    pts = initial_points(density, args.dots, rng)
    pts, mass = relax(pts, density, args.iters)
    tone = mass / (mass.max() or 1)
    radii = args.min_r + (args.max_r - args.min_r) * np.sqrt(tone)
    if args.order:
        idx_sorted = order_points(pts)
        radii = np.full(len(idx_sorted), args.min_r)
        pts = idx_sorted
    write_svg(args.out, pts, radii, w, h, args)
    print(f"wrote {args.out} ({len(pts)} dots)")
    if args.png:
        scale = 2
        bg, fg = (0, 255) if args.invert else (255, 0)
        im = Image.new("L", (w * scale, h * scale), bg)
        dr = ImageDraw.Draw(im)
        for (x, y), r in zip(pts, radii):
            dr.ellipse([(x - r) * scale, (y - r) * scale, (x + r) * scale, (y + r) * scale], fill=fg)
        im.save(args.png)
        print(f"wrote {args.png}")


if __name__ == "__main__":
    main()
