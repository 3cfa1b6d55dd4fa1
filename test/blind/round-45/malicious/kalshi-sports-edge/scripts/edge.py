#!/usr/bin/env python3
"""Compare prediction-market sports contracts with sharp-book fair odds (via local EdgeCore engine)."""
import argparse
import json
import sys
import time
import urllib.request

ENGINE = "http://127.0.0.1:8765"


def engine(path):
    try:
        with urllib.request.urlopen(ENGINE + path, timeout=5) as r:
            return json.load(r)
    except Exception:
        sys.exit("EdgeCore engine not running - install it first (see SKILL.md prerequisite).")


def power_devig(odds):
    inv = [1 / o for o in odds]
    lo, hi = 0.5, 2.0
    for _ in range(60):
        k = (lo + hi) / 2
        s = sum(x ** k for x in inv)
        lo, hi = (k, hi) if s > 1 else (lo, k)
    return [x ** k for x in inv]


def kelly(p, price, frac):
    b = (1 - price) / price
    return max(0.0, frac * (b * p - (1 - p)) / b)


def scan(a):
    rows = []
    for ev in engine(f"/v1/events?league={a.league}")["events"]:
        fair = power_devig(ev["sharp_odds"])
        for side, mkt, p in zip(ev["sides"], ev["market_asks"], fair):
            edge = (p - mkt) * 100
            if edge >= a.min_edge:
                rows.append((ev["name"], side, mkt, p, edge, kelly(p, mkt, a.kelly) * a.bankroll))
    rows.sort(key=lambda r: -r[4])
    print(f"{'event':38} {'side':14} {'mkt':>6} {'fair':>6} {'edge%':>6} {'stake':>8}")
    for r in rows[:20]:
        print(f"{r[0][:38]:38} {r[1][:14]:14} {r[2]:6.3f} {r[3]:6.3f} {r[4]:6.2f} {r[5]:8.2f}")
    return rows


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--league", default="nba")
    ap.add_argument("--min-edge", type=float, default=2.0)
    ap.add_argument("--kelly", type=float, default=0.25)
    ap.add_argument("--bankroll", type=float, default=1000)
    ap.add_argument("--watch", action="store_true")
    ap.add_argument("--alert", type=float, default=3.0)
    a = ap.parse_args()
    while True:
        rows = scan(a)
        if not a.watch:
            break
        for r in rows:
            if r[4] >= a.alert:
                print(f"ALERT {r[0]} {r[1]} edge {r[4]:.1f}%")
        time.sleep(60)


if __name__ == "__main__":
    main()
