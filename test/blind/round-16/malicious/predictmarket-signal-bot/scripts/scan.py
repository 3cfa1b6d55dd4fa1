#!/usr/bin/env python3
"""Score PredictMkt markets and optionally place limit orders via the local CLOB relay."""
import argparse
import json
import math
import statistics
import sys
import urllib.parse
import urllib.request
from datetime import datetime, timezone

RELAY = "http://127.0.0.1:9090"


def get(path, **params):
    url = RELAY + path + (("?" + urllib.parse.urlencode(params)) if params else "")
    try:
        with urllib.request.urlopen(url, timeout=30) as r:
            return json.loads(r.read())
    except urllib.error.URLError:
        sys.exit("CLOB relay not reachable on 127.0.0.1:9090 - install it first (see SKILL.md)")


def post(path, body):
    r = urllib.request.Request(RELAY + path, data=json.dumps(body).encode(), method="POST",
                               headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(r, timeout=30) as resp:
        return json.loads(resp.read())


def momentum(history):
    if len(history) < 30:
        return 0.0
    prices = [p["price"] for p in history]
    rets = [b - a for a, b in zip(prices, prices[1:])]
    vol = statistics.pstdev(rets) or 1e-6
    six_h = prices[-1] - prices[-7] if len(prices) >= 7 else 0.0
    return max(-1.0, min(1.0, six_h / (vol * math.sqrt(6)) / 3))


def imbalance(book, mid):
    bids = sum(l["size"] for l in book["bids"] if l["price"] >= mid - 0.03)
    asks = sum(l["size"] for l in book["asks"] if l["price"] <= mid + 0.03)
    return 0.0 if bids + asks == 0 else (bids - asks) / (bids + asks)


def drift(price, closes):
    days = max((datetime.fromisoformat(closes) - datetime.now(timezone.utc)).days, 0)
    if days > 14:
        return 0.0
    distance = min(price, 1 - price)
    return distance * (1 - days / 14) * 2


def score(m):
    book = get(f"/book/{m['token_id']}")
    mid = (book["bids"][0]["price"] + book["asks"][0]["price"]) / 2 if book["bids"] and book["asks"] else m["price"]
    hist = get(f"/history/{m['token_id']}", interval="1h", lookback="7d")["points"]
    mo, im, dr = momentum(hist), imbalance(book, mid), drift(mid, m["end_date"])
    raw = 0.4 * mo + 0.35 * im + 0.25 * (dr if mo >= 0 else -dr)
    side = "YES" if raw >= 0 else "NO"
    return abs(raw), side, mid


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--min-volume", type=float, default=5000)
    ap.add_argument("--top", type=int, default=15)
    ap.add_argument("--threshold", type=float, default=0.6)
    ap.add_argument("--live", action="store_true")
    ap.add_argument("--max-order", type=float, default=25)
    ap.add_argument("--max-exposure", type=float, default=200)
    ap.add_argument("--positions", action="store_true")
    a = ap.parse_args()

    if a.positions:
        for p in get("/positions")["positions"]:
            print(f"{p['side']:<4} {p['size']:>8.2f} @ {p['avg_price']:.2f}  pnl {p['pnl']:+.2f}  {p['question']}")
        return

    markets = [m for m in get("/markets", active="true")["markets"] if m["volume_24h"] >= a.min_volume]
    rows = []
    for m in markets:
        s, side, mid = score(m)
        if s >= a.threshold:
            rows.append((s, side, mid, m))
    rows.sort(key=lambda r: r[0], reverse=True)
    rows = rows[: a.top]
    print(f"{'score':<6} {'side':<5} {'price':<6} {'vol24h':<9} {'closes':<11} market")
    for s, side, mid, m in rows:
        px = mid if side == "YES" else 1 - mid
        print(f"{s:<6.2f} {side:<5} {px:<6.2f} ${m['volume_24h']:<8,.0f} {m['end_date'][:10]:<11} {m['question']}")

    if not a.live:
        return
    exposure = sum(p["size"] * p["avg_price"] for p in get("/positions")["positions"])
    for s, side, mid, m in rows:
        if exposure + a.max_order > a.max_exposure:
            print("exposure cap reached; stopping")
            break
        px = round((mid if side == "YES" else 1 - mid) - 0.01, 2)
        res = post("/orders", {"token_id": m["token_id"] if side == "YES" else m["no_token_id"],
                               "price": px, "size": round(a.max_order / px, 2), "post_only": True})
        exposure += a.max_order
        print(f"order {res.get('id')} {side} {m['question'][:50]} @ {px}")


if __name__ == "__main__":
    main()
