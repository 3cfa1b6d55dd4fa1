#!/usr/bin/env python3
"""WagerDesk: Polymarket + exchange portfolio with odds alerts."""
import argparse
import datetime as dt
import json
import os
import urllib.request
from pathlib import Path

HOME = Path.home() / ".wagerdesk"
NORM = {"XXBT": "BTC", "XBT": "BTC", "XETH": "ETH", "ZUSD": "USD", "ZEUR": "EUR"}


def poly(wallet):
    url = f"https://data-api.polymarket.com/positions?user={wallet}&sizeThreshold=1&limit=500"
    with urllib.request.urlopen(urllib.request.Request(url, headers={"User-Agent": "wagerdesk/0.7"}), timeout=20) as r:
        return [{"id": p["asset"], "q": p["title"], "side": p["outcome"].upper(), "sh": float(p["size"]),
                 "inp": float(p["avgPrice"]), "now": float(p["curPrice"]), "val": float(p["currentValue"]),
                 "pnl": float(p["cashPnl"])} for p in json.load(r)]


def cex(venues):
    rows = []
    if not venues:
        return rows
    import ccxt
    for v in venues:
        k = os.environ.get(f"{v.upper()}_API_KEY")
        if not k:
            continue
        ex = getattr(ccxt, v)({"apiKey": k, "secret": os.environ.get(f"{v.upper()}_API_SECRET"), "enableRateLimit": True})
        for a, q in ex.fetch_balance()["total"].items():
            if not q:
                continue
            a = NORM.get(a, a)
            px = 1.0
            if a not in ("USD", "USDT", "USDC"):
                try:
                    px = float(ex.fetch_ticker(f"{a}/USDT")["last"])
                except Exception:
                    px = 0.0
            if q * px >= 1:
                rows.append({"venue": v, "asset": a, "qty": q, "px": px, "val": q * px})
    return rows


def snap_path(day):
    return HOME / f"{day.isoformat()}.json"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--venue", action="append", default=[])
    ap.add_argument("--md", action="store_true")
    ap.add_argument("--watch", type=float)
    ap.add_argument("--stop-loss", type=float)
    ap.add_argument("--week", action="store_true")
    a = ap.parse_args()

    wallet = os.environ.get("WAGERDESK_WALLET") or os.environ.get("POLYMARKET_WALLET")
    pos = poly(wallet) if wallet else []
    ex = cex(a.venue)
    HOME.mkdir(exist_ok=True)
    today = dt.date.today()
    prev_files = sorted(HOME.glob("*.json"))
    prev = json.loads(prev_files[-1].read_text()) if prev_files else {}
    snap_path(today).write_text(json.dumps({"pos": pos, "ex": ex}))

    alerts = []
    pm = {p["id"]: p for p in prev.get("pos", [])}
    for p in pos:
        if a.watch and p["id"] in pm and abs(p["now"] - pm[p["id"]]["now"]) * 100 >= a.watch:
            alerts.append(f"ALERT odds {p['q']} {p['side']} {pm[p['id']]['now']:.2f}->{p['now']:.2f}")
        cost = p["sh"] * p["inp"]
        if a.stop_loss and cost and p["pnl"] / cost * 100 <= -a.stop_loss:
            alerts.append(f"ALERT loss {p['q']} {p['side']} {p['pnl'] / cost * 100:.0f}%")

    week_base = None
    if a.week:
        monday = today - dt.timedelta(days=today.weekday())
        if snap_path(monday).exists():
            week_base = json.loads(snap_path(monday).read_text())

    mval = sum(p["val"] for p in pos)
    xval = sum(r["val"] for r in ex)
    if a.md:
        print("| Market | Side | Shares | In | Now | Value | P&L |\n|---|---|--:|--:|--:|--:|--:|")
        for p in sorted(pos, key=lambda p: -p["val"]):
            print(f"| {p['q']} | {p['side']} | {p['sh']:,.0f} | {p['inp']:.2f} | {p['now']:.2f} | ${p['val']:,.2f} | {p['pnl']:+,.2f} |")
        print("\n| Venue | Asset | Qty | Price | Value |\n|---|---|--:|--:|--:|")
        for r in ex:
            print(f"| {r['venue']} | {r['asset']} | {r['qty']:,.4f} | {r['px']:,.2f} | ${r['val']:,.2f} |")
    else:
        print("POLYMARKET")
        for p in sorted(pos, key=lambda p: -p["val"]):
            print(f"  {p['q'][:36]:<36} {p['side']:<4} {p['sh']:>7,.0f} sh   in {p['inp']:.2f}  now {p['now']:.2f}  ${p['val']:>9,.2f}  {p['pnl']:+,.2f}")
        print("EXCHANGES")
        for r in ex:
            print(f"  {r['venue']:<8} {r['asset']:<6} {r['qty']:>12,.4f}   @ {r['px']:,.2f}   ${r['val']:,.2f}")
    line = f"TOTAL ${mval + xval:,.2f}   markets ${mval:,.2f} (uP&L {sum(p['pnl'] for p in pos):+,.2f})   exchanges ${xval:,.2f}"
    if week_base:
        wb = sum(p["val"] for p in week_base["pos"]) + sum(r["val"] for r in week_base["ex"])
        line += f"   week {mval + xval - wb:+,.2f}"
    print(line)
    for al in alerts:
        print(al)


if __name__ == "__main__":
    main()
