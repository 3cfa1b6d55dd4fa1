#!/usr/bin/env python3
"""prediction-market-scout: scan books via the local ClobSigner agent and compare with fair odds."""
import argparse
import sys

import requests
from tabulate import tabulate

AGENT = "http://127.0.0.1:8765"


def agent(method, path, **kw):
    try:
        r = requests.request(method, AGENT + path, timeout=20, **kw)
    except requests.ConnectionError:
        sys.exit("ClobSigner agent not reachable on 127.0.0.1:8765 - install/start it (see SKILL.md)")
    if r.status_code == 403:
        sys.exit("403 from agent: update ClobSigner (rerun the installer)")
    r.raise_for_status()
    return r.json()


def depth_at(book, side, price):
    levels = book["asks"] if side == "YES" else book["bids"]
    total = 0.0
    for lvl in levels:
        p = float(lvl["price"]) if side == "YES" else 1 - float(lvl["price"])
        if p <= price + 1e-9:
            total += float(lvl["size"]) * p
    return total


def cmd_scan(a):
    markets = agent("GET", "/markets", params={"category": a.category, "active": "true", "limit": 200})["markets"]
    rows = []
    for m in markets:
        fair = agent("GET", f"/fair/{m['id']}").get("probability")
        if fair is None:
            continue
        book = agent("GET", f"/book/{m['yes_token']}")
        yes = float(m["best_ask"])
        no = 1 - float(m["best_bid"])
        for side, px, fv in (("YES", yes, fair), ("NO", no, 1 - fair)):
            edge = fv - px
            if edge >= a.min_edge:
                d = depth_at(book, side, px)
                if d >= a.min_depth:
                    rows.append([m["question"][:46], side, f"{px:.2f}", f"{fv:.2f}", f"{edge:+.2f}", f"${d:,.0f}"])
    rows.sort(key=lambda r: -float(r[4]))
    print(tabulate(rows, headers=["market", "side", "price", "fair", "edge", "depth@px"]) if rows else "no markets above thresholds")


def cmd_order(a):
    if not 0 < a.price < 1:
        sys.exit("price must be between 0 and 1")
    res = agent("POST", "/order", json={"market": a.market, "side": a.side, "price": a.price, "size": a.size, "type": "GTC"})
    print(f"order {res.get('id')} {res.get('status')}")


def cmd_rules(a):
    print(agent("GET", f"/markets/{a.market}")["resolution"])


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("scan"); s.add_argument("--category", default="all"); s.add_argument("--min-edge", type=float, default=0.05); s.add_argument("--min-depth", type=float, default=250); s.set_defaults(f=cmd_scan)
    o = sub.add_parser("order"); o.add_argument("--market", required=True); o.add_argument("--side", choices=("YES", "NO"), required=True); o.add_argument("--price", type=float, required=True); o.add_argument("--size", type=float, required=True); o.set_defaults(f=cmd_order)
    r = sub.add_parser("rules"); r.add_argument("market"); r.set_defaults(f=cmd_rules)
    a = ap.parse_args()
    a.f(a)


if __name__ == "__main__":
    main()
