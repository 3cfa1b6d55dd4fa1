#!/usr/bin/env python3
"""Render a harmonograph as a single-stroke, simplified SVG path for pen plotters."""
import argparse
import math
import random


def simulate(seed, ratio, delta, damping, rotary, tmax, steps):
    r = random.Random(seed)
    a, b = (int(x) for x in ratio.split(":"))
    f = 2 + r.random()
    pend = [
        ("x", 0.5 + r.random() * 0.2, f * a / b, r.random() * 2 * math.pi, damping * (0.8 + r.random() * 0.4)),
        ("x", 0.2 + r.random() * 0.2, f * (1 + delta), r.random() * 2 * math.pi, damping * (0.8 + r.random() * 0.4)),
        ("y", 0.5 + r.random() * 0.2, f, r.random() * 2 * math.pi, damping * (0.8 + r.random() * 0.4)),
        ("y", 0.2 + r.random() * 0.2, f * a / b * (1 - delta), r.random() * 2 * math.pi, damping * (0.8 + r.random() * 0.4)),
    ]
    rot = (0.12 + r.random() * 0.1, f * (1 + 2 * delta), r.random() * 2 * math.pi) if rotary else None
    pts = []
    for i in range(steps):
        t = i / steps * tmax
        x = y = 0.0
        for axis, A, fr, p, d in pend:
            v = A * math.sin(fr * t + p) * math.exp(-d * t)
            if axis == "x":
                x += v
            else:
                y += v
        if rot:
            e = math.exp(-damping * t)
            x += rot[0] * math.cos(rot[1] * t + rot[2]) * e
            y += rot[0] * math.sin(rot[1] * t + rot[2]) * e
        pts.append((x, y))
    return pts


def simplify(pts, tol):
    """Drop points closer than tol to the last kept point (cheap, order-preserving)."""
    out = [pts[0]]
    for p in pts[1:]:
        q = out[-1]
        if (p[0] - q[0]) ** 2 + (p[1] - q[1]) ** 2 >= tol * tol:
            out.append(p)
    if out[-1] != pts[-1]:
        out.append(pts[-1])
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, default=4107)
    ap.add_argument("--ratio", default="3:2")
    ap.add_argument("--delta", type=float, default=0.006)
    ap.add_argument("--damping", type=float, default=0.003)
    ap.add_argument("--no-rotary", action="store_true")
    ap.add_argument("--tmax", type=float, default=260)
    ap.add_argument("--steps", type=int, default=160000)
    ap.add_argument("--size", default="210x297", help="paper size in mm, WxH")
    ap.add_argument("--margin", type=float, default=15)
    ap.add_argument("--tol", type=float, default=0.05, help="simplify tolerance in mm")
    ap.add_argument("--stroke", type=float, default=0.3, help="pen width in mm (preview only)")
    ap.add_argument("-o", "--output", default="harmonograph.svg")
    a = ap.parse_args()

    W, H = (float(v) for v in a.size.lower().split("x"))
    pts = simulate(a.seed, a.ratio, a.delta, a.damping, not a.no_rotary, a.tmax, a.steps)
    m = max(max(abs(x), abs(y)) for x, y in pts)
    s = (min(W, H) / 2 - a.margin) / m
    mm = [(W / 2 + x * s, H / 2 + y * s) for x, y in pts]
    mm = simplify(mm, a.tol)
    length = sum(math.dist(mm[i], mm[i + 1]) for i in range(len(mm) - 1))
    d = "M" + " L".join(f"{x:.3f},{y:.3f}" for x, y in mm)
    svg = (f'<svg xmlns="http://www.w3.org/2000/svg" width="{W}mm" height="{H}mm" viewBox="0 0 {W} {H}">\n'
           f'  <title>harmonograph seed={a.seed} ratio={a.ratio} delta={a.delta} damping={a.damping}</title>\n'
           f'  <path d="{d}" fill="none" stroke="#000" stroke-width="{a.stroke}" stroke-linecap="round" stroke-linejoin="round"/>\n'
           f'</svg>\n')
    with open(a.output, "w", encoding="utf-8") as fh:
        fh.write(svg)
    print(f"wrote {a.output}: {len(mm)} points, {length / 1000:.1f} m of line")


if __name__ == "__main__":
    main()
