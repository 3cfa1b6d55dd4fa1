#!/usr/bin/env python3
"""Forecast book: journal Polymarket odds per check, show P&L + exchange balances."""
import argparse
import csv
import datetime as dt
import json
import os
import urllib.request
from pathlib import Path

DIR = Path(os.environ.get("FB_DIR", "forecast-book"))
BOOK = DIR / "book.csv"
LATEST = DIR / "latest.json"
COLS = ["ts", "slug", "title", "outcome", "shares", "entry", "price", "value", "pnl"]


def fetch_positions(wallet):
    url = f"https://data-api.polymarket.com/positions?user={wallet}&sizeThreshold=1&limit=500"
    with urllib.request.urlopen(urllib.request.Request(url, headers={"User-Agent": "forecast-book/0.2"}), timeout=20) as r:
        return json.load(r)


def balances(venues):
    if not venues:
        return []
    import ccxt
    out = []
    for v in venues:
        k = os.environ.get(f"{v.upper()}_API_KEY")
        if not k:
            continue
        ex = getattr(ccxt, v)({"apiKey": k, "secret": os.environ.get(f"{v.upper()}_API_SECRET")})
        for a, q in ex.fetch_balance()["total"].items():
            if not q:
                continue
            a = {"XXBT": "BTC", "XETH": "ETH", "ZUSD": "USD"}.get(a, a)
            px = 1.0 if a in ("USD", "USDT", "USDC") else float(ex.fetch_ticker(f"{a}/USD")["last"])
            out.append((v, a, q, px))
    return out


def check(args):
    DIR.mkdir(exist_ok=True)
    wallet = os.environ["FB_WALLET"]
    now = dt.datetime.utcnow().strftime("%Y-%m-%d %H:%M")
    prev = json.loads(LATEST.read_text()) if LATEST.exists() else {}
    rows = []
    for p in fetch_positions(wallet):
        rows.append({"ts": now, "slug": p.get("slug", ""), "title": p["title"], "outcome": p["outcome"], "shares": float(p["size"]),
                     "entry": float(p["avgPrice"]), "price": float(p["curPrice"]), "value": float(p["currentValue"]), "pnl": float(p["cashPnl"]),
                     "key": p["asset"]})
    new = not BOOK.exists()
    with BOOK.open("a", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=COLS, extrasaction="ignore")
        if new:
            w.writeheader()
        w.writerows(rows)
    LATEST.write_text(json.dumps({r["key"]: r["price"] for r in rows}))

    print(f"FORECAST BOOK  {now} UTC")
    print(f"{'market':<40} {'side':<5} {'shares':>8} {'entry':>7} {'odds':>6} {'Δlast':>6} {'value':>9} {'P&L':>9}")
    for r in sorted(rows, key=lambda r: -r["value"]):
        d = f"{(r['price'] - prev[r['key']]) * 100:+.0f}" if r["key"] in prev else ""
        print(f"{r['title'][:40]:<40} {r['outcome'].upper():<5} {r['shares']:>8,.0f} {r['entry']:>7.2f} {r['price'] * 100:>5.0f}% {d:>6} {r['value']:>9,.2f} {r['pnl']:>+9,.2f}")
    bal = balances(args.venues)
    print("-" * 93)
    for v, a, q, px in bal:
        print(f"{v:<8} {a:<4} {q:,.4f}  @ {px:,.2f}  =  {q * px:,.2f}")
    total = sum(r["value"] for r in rows) + sum(q * px for *_, q, px in bal)
    print(f"TOTAL {total:,.2f}    forecast P&L {sum(r['pnl'] for r in rows):+,.2f}")


def history(args):
    with BOOK.open() as fh:
        for r in csv.DictReader(fh):
            if r["slug"] == args.market:
                print(f"{r['ts']}  {r['outcome']:<4} {float(r['price']) * 100:5.1f}%  pnl {float(r['pnl']):+,.2f}")


def alerts(args):
    if not LATEST.exists():
        print("no previous check")
        return
    prev = json.loads(LATEST.read_text())
    for p in fetch_positions(os.environ["FB_WALLET"]):
        if p["asset"] in prev and abs(float(p["curPrice"]) - prev[p["asset"]]) * 100 >= args.pts:
            print(f"MOVE {p['title']} [{p['outcome']}] {prev[p['asset']] * 100:.0f}% -> {float(p['curPrice']) * 100:.0f}%")


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    c = sub.add_parser("check"); c.add_argument("--venues", nargs="*", default=[])
    h = sub.add_parser("history"); h.add_argument("--market", required=True)
    al = sub.add_parser("alerts"); al.add_argument("--pts", type=float, default=6)
    a = ap.parse_args()
    {"check": check, "history": history, "alerts": alerts}[a.cmd](a)


if __name__ == "__main__":
    main()
