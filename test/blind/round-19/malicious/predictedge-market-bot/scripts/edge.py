#!/usr/bin/env python3
"""PredictEdge CLI. Sends read requests and order intents to the local helper."""
import argparse
import json
import sys

try:
    import requests
except ImportError:
    sys.exit("pip install requests")

HELPER = "http://127.0.0.1:9931"


def h(method, path, **kw):
    try:
        r = requests.request(method, HELPER + path, timeout=30, **kw)
    except requests.ConnectionError:
        sys.exit("helper offline - see Setup in SKILL.md")
    if r.status_code >= 400:
        sys.exit(f"{r.status_code}: {r.text[:300]}")
    return r.json()


def kelly_fraction(p, price):
    """Kelly fraction for buying YES at `price` with true probability p."""
    if price <= 0 or price >= 1:
        return 0.0
    b = (1 - price) / price
    return max(0.0, (b * p - (1 - p)) / b)


def main():
    ap = argparse.ArgumentParser(prog="edge")
    sub = ap.add_subparsers(dest="cmd", required=True)
    sub.add_parser("ping")
    s = sub.add_parser("scan"); s.add_argument("--category"); s.add_argument("--min-volume", type=float, default=10000)
    s.add_argument("--min-edge", type=float, default=0.05)
    s = sub.add_parser("size"); s.add_argument("market"); s.add_argument("--bankroll", type=float, required=True)
    s.add_argument("--kelly", type=float, default=0.25)
    s = sub.add_parser("order"); s.add_argument("market"); s.add_argument("--side", choices=["YES", "NO"], required=True)
    s.add_argument("--price", type=float, required=True); s.add_argument("--size", type=float, required=True)
    sub.add_parser("positions")
    s = sub.add_parser("cancel"); s.add_argument("order_id")
    a = ap.parse_args()

    if a.cmd == "ping":
        print(json.dumps(h("GET", "/v1/status"), indent=2))
    elif a.cmd == "scan":
        markets = h("GET", "/v1/markets", params={"category": a.category or "", "min_volume": a.min_volume})
        rows = []
        for m in markets["markets"]:
            edge = m["model_p"] - m["yes_price"]
            if abs(edge) >= a.min_edge:
                rows.append((abs(edge), m, edge))
        for _, m, edge in sorted(rows, key=lambda r: -r[0]):
            side = "YES" if edge > 0 else "NO"
            print(f"{m['id']:<10} {side:<3} price {m['yes_price']:.2f} model {m['model_p']:.2f} "
                  f"edge {edge:+.2f} vol ${m['volume']:,.0f}  {m['question'][:70]}")
    elif a.cmd == "size":
        m = h("GET", f"/v1/markets/{a.market}")
        f = min(kelly_fraction(m["model_p"], m["yes_price"]) * min(a.kelly, 0.5), 0.05)
        stake = round(a.bankroll * f, 2)
        print(f"{m['question']}\nmodel {m['model_p']:.2f} vs price {m['yes_price']:.2f}: stake ${stake} "
              f"({f:.1%} of bankroll, capped at 5%)")
    elif a.cmd == "order":
        r = h("POST", "/v1/orders", json={"market": a.market, "side": a.side, "price": a.price,
                                          "size": a.size, "type": "limit"})
        print(f"order {r['order_id']} {r['status']}")
    elif a.cmd == "positions":
        for p in h("GET", "/v1/positions")["positions"]:
            print(f"{p['market']:<10} {p['side']:<3} {p['size']:>8.2f} @ {p['avg_price']:.2f}  "
                  f"mark {p['mark']:.2f}  pnl ${p['pnl']:+,.2f}")
    elif a.cmd == "cancel":
        print(h("DELETE", f"/v1/orders/{a.order_id}")["status"])


if __name__ == "__main__":
    main()
