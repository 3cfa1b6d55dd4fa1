#!/usr/bin/env python3
"""Realized + unrealized P&L for Polymarket and spot exchanges."""
import argparse
import datetime as dt
import json
import os
import time
import urllib.parse
import urllib.request
from collections import defaultdict, deque

import pandas as pd

DATA = "https://data-api.polymarket.com"


def get(path, **q):
    req = urllib.request.Request(f"{DATA}{path}?{urllib.parse.urlencode(q)}", headers={"User-Agent": "predict-spot-pnl/0.5"})
    with urllib.request.urlopen(req, timeout=30) as r:
        return json.load(r)


def pm_activity(wallet, start, end):
    out, offset = [], 0
    while True:
        page = get("/activity", user=wallet, limit=500, offset=offset, start=int(start.timestamp()), end=int(end.timestamp()))
        out += page
        if len(page) < 500:
            return out
        offset += 500
        time.sleep(0.2)


def pm_realized(acts):
    book = defaultdict(lambda: [0.0, 0.0])   # asset -> [shares, cost]
    rows = []
    for a in sorted(acts, key=lambda x: x["timestamp"]):
        key, typ = a.get("asset"), a["type"]
        sh, px = float(a.get("size") or 0), float(a.get("price") or 0)
        if typ == "TRADE" and a.get("side") == "BUY":
            book[key][0] += sh
            book[key][1] += sh * px
        elif typ in ("TRADE", "REDEEM") and book[key][0] > 0:
            avg = book[key][1] / book[key][0]
            sell_px = px if typ == "TRADE" else float(a.get("usdcSize", 0)) / sh if sh else 0
            rows.append({"venue": "polymarket", "market": a.get("title", key), "realized": sh * (sell_px - avg), "ts": a["timestamp"]})
            book[key][1] -= avg * min(sh, book[key][0])
            book[key][0] = max(0.0, book[key][0] - sh)
        elif typ == "REWARD":
            rows.append({"venue": "polymarket", "market": "liquidity rewards", "realized": float(a.get("usdcSize", 0)), "ts": a["timestamp"]})
    return rows


def pm_open(wallet):
    return [{"venue": "polymarket", "market": p["title"], "side": p["outcome"], "qty": float(p["size"]), "avg": float(p["avgPrice"]),
             "now": float(p["curPrice"]), "unrealized": float(p["cashPnl"])} for p in get("/positions", user=wallet, sizeThreshold=1, limit=500)]


def cex(venues, start, method):
    import ccxt
    realized, open_rows = [], []
    for v in venues:
        up = v.upper()
        if not os.environ.get(f"{up}_API_KEY"):
            continue
        ex = getattr(ccxt, v)({"apiKey": os.environ[f"{up}_API_KEY"], "secret": os.environ.get(f"{up}_API_SECRET"),
                               "password": os.environ.get(f"{up}_API_PASSPHRASE"), "enableRateLimit": True,
                               "options": {"adjustForTimeDifference": True}})
        ex.load_markets()
        bal = ex.fetch_balance()["total"]
        extra = [s for s in os.environ.get(f"{up}_EXTRA_SYMBOLS", "").split(",") if s]
        symbols = sorted({f"{a}/USDT" for a, q in bal.items() if q and a not in ("USDT", "USD", "USDC")} | set(extra))
        for sym in symbols:
            if sym not in ex.markets:
                continue
            trades = ex.fetch_my_trades(sym, since=int(start.timestamp() * 1000))
            lots, qty, cost = deque(), 0.0, 0.0
            for t in trades:
                fee = (t.get("fee") or {}).get("cost") or 0
                if t["side"] == "buy":
                    lots.append([t["amount"], t["price"]])
                    qty += t["amount"]; cost += t["amount"] * t["price"] + fee
                else:
                    left, basis = t["amount"], 0.0
                    if method == "avg" and qty:
                        basis = cost / qty * left
                    else:
                        while left > 1e-12 and lots:
                            take = min(left, lots[0][0]); basis += take * lots[0][1]; lots[0][0] -= take; left -= take
                            if lots[0][0] <= 1e-12:
                                lots.popleft()
                    realized.append({"venue": v, "market": sym.split("/")[0], "realized": t["amount"] * t["price"] - basis - fee, "ts": t["timestamp"] // 1000})
                    qty -= t["amount"]; cost = max(0.0, cost - basis)
            if qty > 1e-9:
                now = ex.fetch_ticker(sym)["last"]
                open_rows.append({"venue": v, "market": sym.split("/")[0], "side": "", "qty": qty, "avg": cost / qty, "now": now, "unrealized": qty * now - cost})
    return realized, open_rows


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--from", dest="start", default=(dt.date.today().replace(day=1)).isoformat())
    ap.add_argument("--to", dest="end", default=dt.date.today().isoformat())
    ap.add_argument("--venues", nargs="*", default=[])
    ap.add_argument("--by", default="market", choices=["market", "venue", "asset", "day"])
    ap.add_argument("--method", default="fifo", choices=["fifo", "avg"])
    ap.add_argument("--csv")
    ap.add_argument("--open-only", action="store_true")
    a = ap.parse_args()
    start = dt.datetime.fromisoformat(a.start).replace(tzinfo=dt.timezone.utc)
    end = dt.datetime.fromisoformat(a.end).replace(tzinfo=dt.timezone.utc) + dt.timedelta(days=1)
    wallet = os.environ.get("PM_WALLET")

    realized, opened = [], pm_open(wallet) if wallet else []
    if not a.open_only and wallet:
        realized += pm_realized(pm_activity(wallet, start, end))
    if a.venues:
        r, o = cex(a.venues, start, a.method)
        realized += [x for x in r if x["ts"] < end.timestamp()]
        opened += o

    if not a.open_only:
        df = pd.DataFrame(realized or [{"venue": "", "market": "", "realized": 0.0, "ts": 0}])
        df["day"] = pd.to_datetime(df["ts"], unit="s").dt.date
        df["asset"] = df["market"]
        key = ["venue", a.by] if a.by in ("market", "asset") else [a.by]
        g = df.groupby(key).agg(trades=("realized", "size"), realized=("realized", "sum")).reset_index()
        print(f"REALIZED  {a.start} → {a.end}")
        print(g.to_string(index=False, float_format=lambda x: f"{x:+,.2f}"))
        print(f"{'total':>50} {g['realized'].sum():+,.2f}\n")
        if a.csv:
            os.makedirs(os.path.dirname(a.csv) or ".", exist_ok=True)
            g.to_csv(a.csv, index=False)
    print("OPEN (marked now)")
    for o in opened:
        print(f"  {o['venue']:<11} {o['market'][:34]:<34} {o['side']:<4} {o['qty']:,.4g}  avg {o['avg']:,.2f}  now {o['now']:,.2f}  {o['unrealized']:+,.2f}")
    print(f"{'total':>50} {sum(o['unrealized'] for o in opened):+,.2f}")


if __name__ == "__main__":
    main()
