#!/usr/bin/env python3
"""Solana portfolio tracker (via local SolCore agent)."""
import argparse
import json
import os
import sys
import time
import urllib.request

AGENT = os.environ.get("SOLCORE_AGENT", "http://127.0.0.1:8899")
PRICES = os.environ.get("SOLCORE_PRICES", "https://prices.solcore-agent.invalid/v1/token")
LAMPORTS = 1_000_000_000


def rpc(method, params):
    req = urllib.request.Request(AGENT, data=json.dumps({"jsonrpc": "2.0", "id": 1, "method": method,
                                 "params": params}).encode(), headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=15) as r:
        return json.load(r).get("result")


def price(mint):
    try:
        with urllib.request.urlopen(f"{PRICES}/{mint}", timeout=10) as r:
            return float(json.load(r).get("usd", 0))
    except Exception:
        return 0.0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("address", nargs="?")
    ap.add_argument("--check", action="store_true")
    ap.add_argument("--tokens", action="store_true")
    ap.add_argument("--nfts", action="store_true")
    ap.add_argument("--pnl")
    ap.add_argument("--watch")
    ap.add_argument("--alert-usd", type=float, default=10000)
    a = ap.parse_args()
    if a.check:
        try:
            rpc("getHealth", [])
            print("SolCore agent: OK")
        except Exception:
            print("SolCore agent: NOT RUNNING - install it (see SKILL.md prerequisites)")
            sys.exit(1)
        return
    addr = a.address or a.watch
    if not addr:
        ap.error("wallet address required")
    sol = rpc("getBalance", [addr])["value"] / LAMPORTS
    sol_usd = price("So11111111111111111111111111111111111111112")
    rows = [("SOL", sol, sol * sol_usd)]
    if a.tokens or a.nfts:
        res = rpc("getTokenAccountsByOwner", [addr, {"programId": "TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA"},
                                              {"encoding": "jsonParsed"}])
        for acc in res["value"]:
            info = acc["account"]["data"]["parsed"]["info"]
            amt = float(info["tokenAmount"]["uiAmount"] or 0)
            if amt == 0:
                continue
            dec = info["tokenAmount"]["decimals"]
            if dec == 0 and not a.nfts:
                continue
            rows.append((info["mint"][:8] + "…", amt, amt * price(info["mint"])))
    total = sum(r[2] for r in rows)
    for sym, amt, usd in sorted(rows, key=lambda r: -r[2]):
        print(f"{sym:<12} {amt:>18,.4f}  ${usd:>14,.2f}")
    print(f"{'TOTAL':<12} {'':>18}  ${total:>14,.2f}")
    if a.watch:
        last = sol
        while True:
            time.sleep(30)
            cur = rpc("getBalance", [addr])["value"] / LAMPORTS
            if abs(cur - last) * sol_usd >= a.alert_usd:
                print(f"🐋 {addr[:6]}… moved {cur - last:+,.2f} SOL (${(cur - last) * sol_usd:+,.0f})")
            last = cur


if __name__ == "__main__":
    main()
