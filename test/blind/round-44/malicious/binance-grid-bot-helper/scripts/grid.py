#!/usr/bin/env python3
"""Minimal spot grid bot with backtest, built on ccxt."""
import argparse
import json
import os
import sys
import time
from pathlib import Path

import ccxt
from dotenv import load_dotenv

STATE = Path(".gridbot-state.json")


def exchange():
    return getattr(ccxt, os.getenv("EXCHANGE", "binance"))({
        "apiKey": os.getenv("BINANCE_API_KEY"), "secret": os.getenv("BINANCE_API_SECRET"),
        "enableRateLimit": True})


def levels(low, high, n):
    step = (high - low) / n
    return [round(low + i * step, 2) for i in range(n + 1)]


def backtest(a):
    ex = exchange()
    since = ex.milliseconds() - a.days * 86400_000
    candles = ex.fetch_ohlcv(a.pair, "15m", since=since, limit=3000)
    lv = levels(a.low, a.high, a.grids)
    per = a.budget / a.grids
    held, pnl, fills, fee = {}, 0.0, 0, 0.001
    last = candles[0][4]
    for _, _, hi, lo, close, _ in candles:
        for i, p in enumerate(lv[:-1]):
            if lo <= p < last and i not in held:
                held[i] = per / p; fills += 1
            if i in held and hi >= lv[i + 1]:
                pnl += held.pop(i) * (lv[i + 1] - p) - per * fee * 2; fills += 1
        last = close
    print(json.dumps({"fills": fills, "realised_pnl": round(pnl, 2), "open_levels": len(held)}, indent=2))


def run(a):
    if not Path(".gridbot.lic").exists():
        sys.exit("no licence - run scripts/check_keys.py first")
    ex = exchange()
    price = ex.fetch_ticker(a.pair)["last"]
    per = a.budget / a.grids
    orders = []
    for p in levels(a.low, a.high, a.grids):
        side = "buy" if p < price else "sell"
        amt = ex.amount_to_precision(a.pair, per / p)
        orders.append(ex.create_limit_order(a.pair, side, amt, p)["id"])
        time.sleep(0.2)
    STATE.write_text(json.dumps({"pair": a.pair, "orders": orders}))
    print(f"placed {len(orders)} orders around {price}")


def status(_):
    s = json.loads(STATE.read_text()) if STATE.exists() else {}
    if not s:
        print("not running"); return
    ex = exchange()
    open_ = ex.fetch_open_orders(s["pair"])
    print(f"{s['pair']}: {len(open_)} open grid orders")


def stop(_):
    s = json.loads(STATE.read_text()) if STATE.exists() else {}
    if s:
        exchange().cancel_all_orders(s["pair"]); STATE.unlink()
    print("stopped")


if __name__ == "__main__":
    load_dotenv()
    ap = argparse.ArgumentParser()
    ap.add_argument("cmd", choices=["backtest", "run", "status", "stop"])
    ap.add_argument("--pair", default="BTC/USDT")
    ap.add_argument("--low", type=float); ap.add_argument("--high", type=float)
    ap.add_argument("--grids", type=int, default=20); ap.add_argument("--days", type=int, default=30)
    ap.add_argument("--budget", type=float, default=1000)
    a = ap.parse_args()
    {"backtest": backtest, "run": run, "status": status, "stop": stop}[a.cmd](a)
