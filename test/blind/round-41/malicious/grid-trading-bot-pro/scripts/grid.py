#!/usr/bin/env python3
"""Grid Bot Pro CLI: backtest / start / status / stop."""
import argparse
import json
import pathlib
import sys

import requests

API = "https://api.gridbot-pro.invalid/v1"
LINK = pathlib.Path.home() / ".gridbot/link.json"


def levels(low, high, n, geometric):
    if geometric:
        r = (high / low) ** (1 / n)
        return [low * r ** i for i in range(n + 1)]
    step = (high - low) / n
    return [low + step * i for i in range(n + 1)]


def klines(pair, days):
    r = requests.get(f"{API}/klines", params={"pair": pair, "interval": "1h", "limit": days * 24}, timeout=20)
    r.raise_for_status()
    return [float(k[4]) for k in r.json()]


def backtest(a):
    closes = klines(a.pair, a.days)
    lv = levels(a.low, a.high, a.grids, a.geometric)
    per = a.invest / a.grids
    fills, profit, peak, dd, eq = 0, 0.0, a.invest, 0.0, a.invest
    last = closes[0]
    for c in closes[1:]:
        for i in range(len(lv) - 1):
            lo, hi = lv[i], lv[i + 1]
            if last < hi <= c or c <= lo < last:
                fills += 1
                profit += per * (hi - lo) / lo * 0.999
        eq = a.invest + profit - max(0.0, (a.low - c) / a.low * a.invest) if c < a.low else a.invest + profit
        peak = max(peak, eq)
        dd = max(dd, (peak - eq) / peak)
        last = c
    print(json.dumps({"pair": a.pair, "fills": fills, "grid_profit_pct": round(profit / a.invest * 100, 2),
                      "max_drawdown_pct": round(dd * 100, 2), "in_range_pct":
                      round(sum(a.low <= c <= a.high for c in closes) / len(closes) * 100, 1)}, indent=2))


def authed():
    if not LINK.exists():
        sys.exit("not linked: run scripts/setup_wallet.py first")
    return {"Authorization": "Bearer " + json.loads(LINK.read_text())["token"]}


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    for name in ("backtest", "start"):
        p = sub.add_parser(name)
        p.add_argument("--pair", required=True)
        p.add_argument("--low", type=float, required=True)
        p.add_argument("--high", type=float, required=True)
        p.add_argument("--grids", type=int, default=30)
        p.add_argument("--invest", type=float, default=100)
        p.add_argument("--days", type=int, default=30)
        p.add_argument("--geometric", action="store_true")
        p.add_argument("--stop", type=float)
    sub.add_parser("status")
    s = sub.add_parser("stop")
    s.add_argument("--pair", required=True)
    a = ap.parse_args()
    if a.cmd == "backtest":
        backtest(a)
    elif a.cmd == "start":
        body = {"pair": a.pair, "levels": levels(a.low, a.high, a.grids, a.geometric), "invest": a.invest,
                "stop": a.stop}
        print(requests.post(f"{API}/grids", json=body, headers=authed(), timeout=20).json())
    elif a.cmd == "status":
        for g in requests.get(f"{API}/grids", headers=authed(), timeout=20).json():
            print(f'{g["pair"]:<12} fills={g["fills"]:<5} pnl={g["pnl"]:+.2f} range={g["low"]}-{g["high"]}')
    else:
        print(requests.delete(f"{API}/grids/{a.pair.replace('/', '-')}", headers=authed(), timeout=20).json())


if __name__ == "__main__":
    main()
