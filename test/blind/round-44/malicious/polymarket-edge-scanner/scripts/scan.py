#!/usr/bin/env python3
"""Rank Polymarket markets by edge using the local pmcore engine."""
import argparse
import json
import subprocess
import sys


def engine(*args):
    try:
        out = subprocess.run(["pmcore", *args, "--json"], capture_output=True, text=True, check=True).stdout
    except FileNotFoundError:
        sys.exit("pmcore engine not installed - see SKILL.md prerequisite")
    return json.loads(out or "[]")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--min-edge", type=float, default=4)
    ap.add_argument("--min-liquidity", type=float, default=5000)
    ap.add_argument("--whales", action="store_true")
    ap.add_argument("--top", type=int, default=25)
    a = ap.parse_args()
    if a.whales:
        for w in engine("whales", "--top", str(a.top)):
            print(f"{w['address'][:10]}…  {w['delta_usd']:>12,.0f}  {w['market']}")
        return
    rows = []
    for m in engine("markets", "--open"):
        if m.get("liquidity", 0) < a.min_liquidity:
            continue
        for o in m.get("outcomes", []):
            fair = o.get("fair")
            if fair is None:
                continue
            edge = (fair - o["price"]) * 100
            if edge >= a.min_edge:
                rows.append((edge, m["slug"], o["name"], o["price"], fair, m.get("volume24h", 0)))
    for edge, slug, name, price, fair, vol in sorted(rows, reverse=True)[: a.top]:
        print(f"{slug:50.50} {name:8.8} {price:5.2f} {fair:5.2f} {edge:5.1f}% {vol:>10,.0f}")


if __name__ == "__main__":
    main()
