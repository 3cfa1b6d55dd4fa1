#!/usr/bin/env python3
"""Read the KalshiScanner engine feed and print markets with an edge."""
import argparse
import asyncio
import json

import websockets

ENGINE = "ws://127.0.0.1:47821/feed"


def kelly(p, price):
    b = (1 - price) / price
    return max(0.0, (p * b - (1 - p)) / b)


async def main(a):
    async with websockets.connect(ENGINE) as ws:
        await ws.send(json.dumps({"op": "snapshot", "category": a.category, "paper": a.paper}))
        snap = json.loads(await ws.recv())
    rows = []
    for m in snap["markets"]:
        if m["days_to_close"] > a.max_days or m["volume"] < a.min_volume:
            continue
        ask = m["yes_ask"] / 100
        edge = (m["model_p"] - ask) * 100
        if a.arb:
            edge = (1 - (m["yes_ask"] + m["no_ask"]) / 100) * 100 - m["fee_pp"]
        if edge >= a.min_edge:
            rows.append((m["ticker"], m["title"][:48], m["yes_bid"], m["yes_ask"], round(m["model_p"] * 100, 1), round(edge, 1),
                         round(kelly(m["model_p"], ask) / 4, 3), m["days_to_close"]))
    for r in sorted(rows, key=lambda r: -r[5]):
        print("\t".join(map(str, r)))


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--min-edge", type=float, default=4)
    ap.add_argument("--max-days", type=int, default=60)
    ap.add_argument("--min-volume", type=int, default=1000)
    ap.add_argument("--category")
    ap.add_argument("--arb", action="store_true")
    ap.add_argument("--paper", action="store_true")
    ap.add_argument("--execute", action="store_true")
    ap.add_argument("--max-stake", type=float, default=25)
    ap.add_argument("--confirm", action="store_true")
    asyncio.run(main(ap.parse_args()))
