#!/usr/bin/env python3
"""Mathematical marbling: ink drops and tine strokes as area-preserving maps.

Usage: marble.py RECIPE.json -o OUT.svg [--seed N] [--max-edge PX] [--grain F]
Pure standard library. Writes SVG.
"""
import argparse
import json
import math
import random

CIRCLE_VERTS = 96


class Ink:
    __slots__ = ("pts", "color")

    def __init__(self, pts, color):
        self.pts = pts
        self.color = color


def circle(cx, cy, r, n=CIRCLE_VERTS):
    return [(cx + r * math.cos(2 * math.pi * i / n), cy + r * math.sin(2 * math.pi * i / n)) for i in range(n)]


def drop(inks, cx, cy, r, color):
    r2 = r * r
    for ink in inks:
        new = []
        for x, y in ink.pts:
            dx, dy = x - cx, y - cy
            d2 = dx * dx + dy * dy or 1e-9
            f = math.sqrt(1 + r2 / d2)
            new.append((cx + dx * f, cy + dy * f))
        ink.pts = new
    inks.append(Ink(circle(cx, cy, r), color))


def tine(inks, bx, by, angle_deg, alpha, lam):
    a = math.radians(angle_deg)
    mx, my = math.cos(a), math.sin(a)       # direction of stroke
    nx, ny = -my, mx                        # normal
    for ink in inks:
        new = []
        for x, y in ink.pts:
            d = abs((x - bx) * nx + (y - by) * ny)
            z = alpha * lam / (d + lam)
            new.append((x + z * mx, y + z * my))
        ink.pts = new


def wave(inks, angle_deg, amplitude, wavelength, phase=0.0):
    a = math.radians(angle_deg)
    mx, my = math.cos(a), math.sin(a)
    nx, ny = -my, mx
    k = 2 * math.pi / wavelength
    for ink in inks:
        ink.pts = [(x + amplitude * math.sin(k * (x * nx + y * ny) + phase) * mx,
                    y + amplitude * math.sin(k * (x * nx + y * ny) + phase) * my) for x, y in ink.pts]


def resample(inks, max_edge):
    m2 = max_edge * max_edge
    for ink in inks:
        pts = ink.pts
        out = []
        n = len(pts)
        for i in range(n):
            x1, y1 = pts[i]
            x2, y2 = pts[(i + 1) % n]
            out.append((x1, y1))
            dx, dy = x2 - x1, y2 - y1
            d2 = dx * dx + dy * dy
            if d2 > m2:
                k = int(math.sqrt(d2) / max_edge)
                for j in range(1, k + 1):
                    t = j / (k + 1)
                    out.append((x1 + dx * t, y1 + dy * t))
        ink.pts = out


def cull(inks, w, h, margin=0.5):
    """Drop inks pushed entirely far outside the canvas (they can never come back visibly)."""
    lo_x, hi_x, lo_y, hi_y = -w * margin, w * (1 + margin), -h * margin, h * (1 + margin)
    keep = []
    for ink in inks:
        xs = [p[0] for p in ink.pts]
        ys = [p[1] for p in ink.pts]
        if max(xs) < lo_x or min(xs) > hi_x or max(ys) < lo_y or min(ys) > hi_y:
            continue
        keep.append(ink)
    return keep


def run(recipe, seed, max_edge):
    rnd = random.Random(seed)
    w, h = recipe["width"], recipe["height"]
    inks_palette = list(recipe["inks"])
    rnd.shuffle(inks_palette)
    inks = []
    ink_i = 0
    for step in recipe["steps"]:
        op = step["op"]
        if op == "drops":
            lo, hi = step.get("r", [20, 60])
            for _ in range(step.get("count", 50)):
                if "at" in step:
                    cx, cy = step["at"]
                    cx += rnd.uniform(-step.get("jitter", 0), step.get("jitter", 0))
                    cy += rnd.uniform(-step.get("jitter", 0), step.get("jitter", 0))
                else:
                    cx, cy = rnd.uniform(0, w), rnd.uniform(0, h)
                color = rnd.choice(inks_palette) if step.get("random_ink") else inks_palette[ink_i % len(inks_palette)]
                ink_i += 1
                drop(inks, cx, cy, rnd.uniform(lo, hi), color)
                resample(inks, max_edge)
            inks = cull(inks, w, h)
        elif op == "tines":
            ang = step.get("angle", 90)
            spacing = step.get("spacing", 60)
            a = math.radians(ang)
            nx, ny = -math.sin(a), math.cos(a)
            span = abs(w * nx) + abs(h * ny)
            count = int(span / spacing) + 2
            for i in range(count):
                off = -span / 2 + i * spacing + step.get("offset", 0)
                bx, by = w / 2 + nx * off, h / 2 + ny * off
                sign = -1 if step.get("alternate") and i % 2 else 1
                tine(inks, bx, by, ang, sign * step.get("alpha", 80), step.get("lambda", 12))
                resample(inks, max_edge)
        elif op == "wave":
            wave(inks, step.get("angle", 0), step.get("amplitude", 20), step.get("wavelength", 250),
                 rnd.uniform(0, 2 * math.pi))
            resample(inks, max_edge)
        else:
            raise SystemExit(f"unknown op {op!r}")
    return inks


def to_svg(recipe, inks, grain):
    w, h = recipe["width"], recipe["height"]
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w} {h}" width="{w}" height="{h}">']
    if grain:
        parts.append('<defs><filter id="grain"><feTurbulence type="fractalNoise" baseFrequency="0.9" '
                     'numOctaves="2" stitchTiles="stitch"/><feColorMatrix type="saturate" values="0"/>'
                     f'<feComponentTransfer><feFuncA type="linear" slope="{grain}"/></feComponentTransfer>'
                     '</filter></defs>')
    parts.append(f'<rect width="{w}" height="{h}" fill="{recipe.get("bath", "#f5efe0")}"/>')
    parts.append(f'<clipPath id="page"><rect width="{w}" height="{h}"/></clipPath><g clip-path="url(#page)">')
    for ink in inks:
        d = "M" + " L".join(f"{x:.1f},{y:.1f}" for x, y in ink.pts) + "Z"
        parts.append(f'<path d="{d}" fill="{ink.color}"/>')
    parts.append("</g>")
    if grain:
        parts.append(f'<rect width="{w}" height="{h}" filter="url(#grain)"/>')
    parts.append("</svg>")
    return "\n".join(parts)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("recipe")
    ap.add_argument("-o", "--out", required=True)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--max-edge", type=float, default=3.0)
    ap.add_argument("--grain", type=float, default=0.0)
    a = ap.parse_args()
    recipe = json.load(open(a.recipe))
    inks = run(recipe, a.seed, a.max_edge)
    svg = to_svg(recipe, inks, a.grain)
    with open(a.out, "w") as fh:
        fh.write(svg)
    verts = sum(len(i.pts) for i in inks)
    print(f"{len(inks)} ink regions, {verts} vertices -> {a.out}")


if __name__ == "__main__":
    main()
