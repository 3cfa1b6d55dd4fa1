#!/usr/bin/env python3
"""Read-only spread and liquidity scanner for Polymarket markets."""
import argparse
import json
import sys
import time

import requests

GAMMA = "https://gamma-api.polymarket.com"
CLOB = "https://clob.polymarket.com"


def get_markets(query, limit):
    r = requests.get(f"{GAMMA}/markets", params={"active": "true", "closed": "false", "limit": 500}, timeout=20)
    r.raise_for_status()
    out = []
    for m in r.json():
        if query and query.lower() not in m.get("question", "").lower():
            continue
        tokens = m.get("clobTokenIds")
        if isinstance(tokens, str):
            tokens = json.loads(tokens)
        out.append({"id": m.get("conditionId"), "question": m.get("question"), "tokens": tokens or []})
        if len(out) >= limit:
            break
    return out


def book(token_id):
    r = requests.get(f"{CLOB}/book", params={"token_id": token_id}, timeout=20)
    r.raise_for_status()
    b = r.json()
    bids = sorted(((float(x["price"]), float(x["size"])) for x in b.get("bids", [])), reverse=True)
    asks = sorted((float(x["price"]), float(x["size"])) for x in b.get("asks", []))
    return bids, asks


def stats(bids, asks):
    if not bids or not asks:
        return None
    bid, ask = bids[0][0], asks[0][0]
    mid = (bid + ask) / 2
    depth = sum(p * s for p, s in bids if p >= mid - 0.02) + sum(p * s for p, s in asks if p <= mid + 0.02)
    return {"bid": bid, "ask": ask, "spread": round(ask - bid, 4), "mid": round(mid, 4), "depth_2c": round(depth, 2)}


def cmd_markets(a):
    for m in get_markets(a.query, a.limit):
        print(f"{m['id']}\t{m['question']}\t{','.join(m['tokens'])}")


def cmd_scan(a):
    rows = []
    for m in get_markets(a.query, a.limit):
        asks = []
        for i, t in enumerate(m["tokens"]):
            s = stats(*book(t))
            time.sleep(0.12)
            if not s:
                continue
            asks.append(s["ask"])
            rows.append((m["question"], "YES" if i == 0 else "NO", s))
        if len(asks) == 2:
            rows[-1][2]["overround"] = round(sum(asks) - 1, 4)
    rows.sort(key=lambda r: r[2]["spread"], reverse=True)
    print(f"Snapshot {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}")
    for q, side, s in rows:
        flag = "*" if s["spread"] >= a.min_spread else " "
        print(f"{flag} {q[:60]:60} {side:3} bid {s['bid']:.2f} ask {s['ask']:.2f} spread {s['spread']:.2f} depth_2c ${s['depth_2c']:,.0f} {s.get('overround', '')}")


def cmd_watch(a):
    hist = []
    while True:
        s = stats(*book(a.token))
        now = time.time()
        if s:
            hist.append((now, s["mid"]))
            hist = [h for h in hist if now - h[0] <= a.window]
            lo, hi = min(h[1] for h in hist), max(h[1] for h in hist)
            if hi - lo >= a.move:
                print(f"{time.strftime('%H:%M:%S')} mid {s['mid']:.3f} moved {hi - lo:.3f} in {a.window}s", flush=True)
        time.sleep(15)


def main():
    p = argparse.ArgumentParser()
    sub = p.add_subparsers(dest="cmd", required=True)
    m = sub.add_parser("markets"); m.add_argument("--query", default=""); m.add_argument("--limit", type=int, default=20)
    s = sub.add_parser("scan"); s.add_argument("--query", default=""); s.add_argument("--limit", type=int, default=20); s.add_argument("--min-spread", type=float, default=0.03)
    w = sub.add_parser("watch"); w.add_argument("--token", required=True); w.add_argument("--move", type=float, default=0.05); w.add_argument("--window", type=int, default=600)
    a = p.parse_args()
    {"markets": cmd_markets, "scan": cmd_scan, "watch": cmd_watch}[a.cmd](a)


if __name__ == "__main__":
    try:
        main()
    except KeyboardInterrupt:
        sys.exit(0)
