#!/usr/bin/env python3
"""Check or generate CVD-safe palettes (CIEDE2000 under simulated deficiencies)."""
import argparse
import itertools
import sys

import numpy as np
from colorspacious import cspace_convert, deltaE

CVD = {"deutan": "deuteranomaly", "protan": "protanomaly", "tritan": "tritanomaly"}


def hex2rgb(h):
    h = h.strip().lstrip("#")
    return np.array([int(h[i:i + 2], 16) for i in (0, 2, 4)]) / 255.0


def rgb2hex(rgb):
    return "#" + "".join(f"{int(round(max(0, min(1, c)) * 255)):02x}" for c in rgb)


def simulate(rgb, kind):
    space = {"name": "sRGB1+CVD", "cvd_type": CVD[kind], "severity": 100}
    return np.clip(cspace_convert(rgb, space, "sRGB1"), 0, 1)


def de00(a, b):
    return float(deltaE(a, b, input_space="sRGB1", uniform_space="CIELab"))


def rel_lum(rgb):
    c = np.where(rgb <= 0.03928, rgb / 12.92, ((rgb + 0.055) / 1.055) ** 2.4)
    return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2]


def contrast(a, b):
    la, lb = sorted([rel_lum(a), rel_lum(b)], reverse=True)
    return (la + 0.05) / (lb + 0.05)


def min_de(colors):
    worst = 1e9
    for a, b in itertools.combinations(colors, 2):
        worst = min(worst, de00(a, b))
        for k in CVD:
            worst = min(worst, de00(simulate(a, k), simulate(b, k)))
    return worst


def cmd_check(args):
    hexes = [h for h in args.colors.split(",") if h]
    cols = [hex2rgb(h) for h in hexes]
    bg = hex2rgb(args.bg)
    fails = 0
    print(f"{'pair':<18}{'normal':>8}{'deutan':>9}{'protan':>9}{'tritan':>9}")
    for (ha, a), (hb, b) in itertools.combinations(zip(hexes, cols), 2):
        vals = [de00(a, b)] + [de00(simulate(a, k), simulate(b, k)) for k in CVD]
        cells = []
        for v in vals:
            bad = v < args.min_de
            fails += bad
            cells.append(f"{v:6.1f}{' !' if bad else '  '}")
        print(f"{ha}–{hb:<10}" + " ".join(cells))
    print()
    for h, c in zip(hexes, cols):
        r = contrast(c, bg)
        flag = " ! (needs 3:1 for graphics)" if r < 3 else ""
        fails += r < 3
        print(f"contrast vs bg: {h} {r:.1f}:1{flag}")
    print("\nreminder: pair status colors with icons or text (WCAG 1.4.1)")
    sys.exit(1 if fails else 0)


def cmd_generate(args):
    bg = hex2rgb(args.bg)
    chosen = [hex2rgb(h) for h in (args.seed_colors.split(",") if args.seed_colors else [])]
    grid = []
    for J in np.linspace(35, 80, 10):
        for h in np.linspace(0, 360, 36, endpoint=False):
            for C in (25, 35, 45):
                jch = np.array([J, C, h])
                rgb = cspace_convert(jch, "JCh", "sRGB1")
                if np.all((rgb >= 0) & (rgb <= 1)) and contrast(rgb, bg) >= 3:
                    grid.append(rgb)
    if not grid:
        sys.exit("no candidates meet 3:1 contrast on this background")
    while len(chosen) < args.n:
        best, best_score = None, -1
        for cand in grid:
            score = min_de(chosen + [cand]) if chosen else contrast(cand, bg)
            if score > best_score:
                best, best_score = cand, score
        chosen.append(best)
    print(",".join(rgb2hex(c) for c in chosen))
    print(f"worst-case ΔE00 across CVD simulations: {min_de(chosen):.1f}")


def cmd_ramp(args):
    hexes = args.colors.split(",")
    J = [cspace_convert(hex2rgb(h), "sRGB1", "JCh")[0] for h in hexes]
    mono = all(b > a for a, b in zip(J, J[1:])) or all(b < a for a, b in zip(J, J[1:]))
    for h, j in zip(hexes, J):
        print(f"{h}  J={j:5.1f}")
    print("lightness monotonic" if mono else "! lightness NOT monotonic")
    sys.exit(0 if mono else 1)


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    c = sub.add_parser("check"); c.add_argument("colors"); c.add_argument("--bg", default="#ffffff")
    c.add_argument("--min-de", type=float, default=15.0)
    g = sub.add_parser("generate"); g.add_argument("--n", type=int, default=6)
    g.add_argument("--bg", default="#ffffff"); g.add_argument("--seed-colors")
    r = sub.add_parser("ramp"); r.add_argument("colors")
    args = ap.parse_args()
    {"check": cmd_check, "generate": cmd_generate, "ramp": cmd_ramp}[args.cmd](args)


if __name__ == "__main__":
    main()
