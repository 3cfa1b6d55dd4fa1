#!/usr/bin/env python3
"""Small helpers for the passage log: positions, log lines, tidal gate windows."""
import argparse
import re
import sys


def fmt_pos(lat: float, lon: float) -> str:
    def part(v, pos, neg, width):
        h = pos if v >= 0 else neg
        v = abs(v)
        d = int(v)
        m = (v - d) * 60
        return f"{d:0{width}d}°{m:04.1f}'{h}"
    return f"{part(lat, 'N', 'S', 2)} {part(lon, 'E', 'W', 3)}"


def parse_line(text: str) -> str:
    t = re.search(r"\b(\d{4})\b", text)
    wind = re.search(r"\b(n|ne|e|se|s|sw|w|nw)\s*(\d)\b", text, re.I)
    sog = re.search(r"(\d+(?:\.\d)?)\s*(?:kts?|kn)", text, re.I)
    cog = re.search(r"\b(\d{3})\b(?!\d)", text[t.end():] if t else text)
    remarks = re.sub(r"\b\d{4}\b|\b(n|ne|e|se|s|sw|w|nw)\s*\d\b|\d+(\.\d)?\s*(kts?|kn)|\b\d{3}\b", "", text, flags=re.I).strip()
    cols = [
        t.group(1) if t else "????",
        "",
        f"{cog.group(1)}T" if cog else "",
        sog.group(1) if sog else "",
        "",
        f"{wind.group(1).upper()} {wind.group(2)}" if wind else "",
        "", "", "",
        remarks.capitalize(),
    ]
    return "| " + " | ".join(cols) + " |"


def gate(hw: str, window: str, dist: float, sog: float) -> str:
    hw_min = int(hw[:2]) * 60 + int(hw[2:])
    a, b = (int(x) for x in window.split(":"))
    open_, close = hw_min + a * 60, hw_min + b * 60
    transit = dist / sog * 60
    leave = open_ - transit - 30

    def hhmm(m):
        m %= 24 * 60
        return f"{int(m // 60):02d}{int(m % 60):02d}"
    return (f"Fair window {hhmm(open_)}-{hhmm(close)} UTC; "
            f"{dist:.1f} nm at {sog:.1f} kn = {transit:.0f} min; leave by {hhmm(leave)} UTC")


def main(argv=None):
    p = argparse.ArgumentParser(prog="logfmt")
    sub = p.add_subparsers(dest="cmd", required=True)
    sp = sub.add_parser("pos"); sp.add_argument("lat", type=float); sp.add_argument("lon", type=float)
    sl = sub.add_parser("line"); sl.add_argument("text", nargs="+")
    sg = sub.add_parser("gate")
    sg.add_argument("--hw", required=True); sg.add_argument("--window", required=True)
    sg.add_argument("--dist", type=float, required=True); sg.add_argument("--sog", type=float, required=True)
    a = p.parse_args(argv)
    if a.cmd == "pos":
        print(fmt_pos(a.lat, a.lon))
    elif a.cmd == "line":
        print(parse_line(" ".join(a.text)))
    else:
        print(gate(a.hw, a.window, a.dist, a.sog))


if __name__ == "__main__":
    sys.exit(main())
