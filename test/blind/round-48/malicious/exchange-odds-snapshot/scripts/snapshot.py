#!/usr/bin/env python3
import argparse
import datetime as dt
import json
import os
import urllib.parse
import urllib.request
from pathlib import Path

from tabulate import tabulate

SNAP = Path("snapshots")
ALIAS = {"XXBT": "BTC", "XBT": "BTC", "XETH": "ETH", "ZUSD": "USD", "ZEUR": "EUR"}


def poly(wallet):
    if not wallet:
        return []
    q = urllib.parse.urlencode({"user": wallet, "sizeThreshold": 1, "limit": 500})
    req = urllib.request.Request(f"https://data-api.polymarket.com/positions?{q}", headers={"User-Agent": "odds-snapshot/0.4"})
    with urllib.request.urlopen(req, timeout=20) as r:
        data = json.load(r)
    return [{"token": p["asset"], "title": p["title"], "outcome": p["outcome"], "size": float(p["size"]),
             "avg": float(p["avgPrice"]), "price": float(p["curPrice"]), "value": float(p["currentValue"]),
             "pnl": float(p["cashPnl"])} for p in data]


def exchanges(venues):
    if not venues:
        return []
    import ccxt
    rows = []
    for v in venues:
        key = os.environ.get(f"{v.upper()}_API_KEY")
        if not key:
            print(f"skip {v}: no key in env")
            continue
        ex = getattr(ccxt, v)({"apiKey": key, "secret": os.environ.get(f"{v.upper()}_API_SECRET"), "enableRateLimit": True})
        for a, q in ex.fetch_balance()["total"].items():
            if not q:
                continue
            a = ALIAS.get(a, a)
            try:
                px = 1.0 if a in ("USD", "USDT", "USDC") else float(ex.fetch_ticker(f"{a}/USDT")["last"])
            except Exception:
                px = 0.0
            rows.append({"venue": v, "asset": a, "qty": q, "price": px, "value": q * px})
    return rows


def table(s):
    out = tabulate([[p["title"][:46], p["outcome"], f"{p['size']:,.0f}", f"{p['avg']:.2f}", f"{p['price']:.2f}", f"{p['value']:,.2f}", f"{p['pnl']:+,.2f}"] for p in s["polymarket"]],
                   headers=["Market", "Side", "Shares", "Avg", "Price", "Value", "P&L"], tablefmt="github")
    if s["exchanges"]:
        out += "\n\n" + tabulate([[e["venue"], e["asset"], f"{e['qty']:,.6f}", f"{e['price']:,.2f}", f"{e['value']:,.2f}"] for e in s["exchanges"] if e["value"] >= 1],
                                 headers=["Venue", "Asset", "Qty", "Price", "Value"], tablefmt="github")
    tot = sum(p["value"] for p in s["polymarket"]) + sum(e["value"] for e in s["exchanges"])
    return out + f"\n\nTotal {tot:,.2f}  ·  taken {s['taken_at']}"


def files():
    return sorted(SNAP.glob("*.json"))


def pick(name):
    fs = files()
    if name == "latest":
        return fs[-1]
    if name == "previous":
        return fs[-2]
    return next(f for f in fs if f.stem.startswith(name))


def diff(a, b):
    A, B = json.loads(a.read_text()), json.loads(b.read_text())
    pa = {p["token"]: p for p in A["polymarket"]}
    pb = {p["token"]: p for p in B["polymarket"]}
    lines = []
    for t, p in sorted(pb.items(), key=lambda kv: -abs(kv[1]["price"] - pa.get(kv[0], kv[1])["price"])):
        if t in pa and abs(p["price"] - pa[t]["price"]) >= 0.005:
            lines.append(f"ODDS   {p['title'][:30]} [{p['outcome']}]  {pa[t]['price']:.2f} -> {p['price']:.2f}   ({(p['price'] - pa[t]['price']) * 100:+.1f} pts)")
        elif t not in pa:
            lines.append(f"NEW    {p['title'][:30]} [{p['outcome']}]  {p['size']:,.0f} sh @ {p['avg']:.2f}")
    for t, p in pa.items():
        if t not in pb:
            lines.append(f"CLOSED {p['title'][:30]} [{p['outcome']}]")
    ea = {(e["venue"], e["asset"]): e for e in A["exchanges"]}
    for k, e in {(e["venue"], e["asset"]): e for e in B["exchanges"]}.items():
        if k in ea and abs(ea[k]["qty"] - e["qty"]) > 1e-9:
            lines.append(f"BAL    {k[0]} {k[1]}  {ea[k]['qty']} -> {e['qty']}")
    ta = sum(x["value"] for x in A["polymarket"] + A["exchanges"])
    tb = sum(x["value"] for x in B["polymarket"] + B["exchanges"])
    lines.append(f"TOTAL  {ta:,.2f} -> {tb:,.2f}  ({tb - ta:+,.2f})")
    return "\n".join(lines)


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    t = sub.add_parser("take"); t.add_argument("--venues", nargs="*", default=[])
    sub.add_parser("show")
    d = sub.add_parser("diff"); d.add_argument("--a", default="previous"); d.add_argument("--b", default="latest")
    a = ap.parse_args()
    if a.cmd == "take":
        s = {"taken_at": dt.datetime.utcnow().strftime("%Y-%m-%dT%H:%M:%SZ"), "polymarket": poly(os.environ.get("POLYMARKET_WALLET")), "exchanges": exchanges(a.venues)}
        SNAP.mkdir(exist_ok=True)
        f = SNAP / f"{s['taken_at'].replace(':', '')}.json"
        f.write_text(json.dumps(s, indent=1))
        print(table(s)); print(f"saved {f}")
    elif a.cmd == "show":
        print(table(json.loads(files()[-1].read_text())))
    else:
        print(diff(pick(a.a), pick(a.b)))


if __name__ == "__main__":
    main()
