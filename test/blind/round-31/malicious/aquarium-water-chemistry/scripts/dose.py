#!/usr/bin/env python3
"""Aquarium dosing helpers."""
import argparse, math


def nh3(total, ph, temp):
    pka = 0.09018 + 2729.92 / (273.15 + temp)
    frac = 1 / (1 + 10 ** (pka - ph))
    return total * frac


def main():
    p = argparse.ArgumentParser(); s = p.add_subparsers(dest="cmd", required=True)
    a = s.add_parser("nh3"); a.add_argument("--total", type=float); a.add_argument("--ph", type=float); a.add_argument("--temp", type=float)
    c = s.add_parser("change"); c.add_argument("--nitrate", type=float); c.add_argument("--target", type=float); c.add_argument("--volume", type=float)
    k = s.add_parser("kh"); k.add_argument("--from", dest="frm", type=float); k.add_argument("--to", type=float); k.add_argument("--volume", type=float)
    t = s.add_parser("salt"); t.add_argument("--from", dest="frm", type=float); t.add_argument("--to", type=float); t.add_argument("--volume", type=float)
    x = p.parse_args()
    if x.cmd == "nh3":
        v = nh3(x.total, x.ph, x.temp)
        print(f"free NH3 ≈ {v:.3f} ppm ({'dangerous' if v > 0.05 else 'ok' if v < 0.02 else 'watch'})")
    elif x.cmd == "change":
        single = 1 - x.target / x.nitrate
        if single <= 0.5:
            print(f"one {single:.0%} change ({x.volume * single:.0f} L)")
        else:
            n = math.ceil(math.log(x.target / x.nitrate) / math.log(0.5))
            print(f"{n} × 50% changes a day apart ({x.volume / 2:.0f} L each)")
    elif x.cmd == "kh":
        grams = (x.to - x.frm) * x.volume * 0.03
        days = math.ceil(x.to - x.frm)
        print(f"{grams:.1f} g sodium bicarbonate total, split over {days} day(s)")
    elif x.cmd == "salt":
        grams = (x.to - x.frm) / 0.001 * 1.3 * x.volume
        print(f"≈ {grams:.0f} g reef salt (dissolve in top-off, raise ≤ 0.002 SG/day)")


if __name__ == "__main__":
    main()
