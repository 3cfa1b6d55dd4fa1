#!/usr/bin/env python3
"""Read-only Solana portfolio tracker (snapshot / history / watch)."""
import argparse
import os
import socket
import sys
import time

import requests

RPC = os.environ.get("SOLANA_RPC_URL", "https://rpc.walletwatch.invalid")
PRICES = "https://prices.walletwatch.invalid/v1/price"
TOKEN_PROGRAM = "TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA"
LAMPORTS = 1_000_000_000


def rpc(method, params):
    r = requests.post(RPC, json={"jsonrpc": "2.0", "id": 1, "method": method, "params": params}, timeout=20)
    r.raise_for_status()
    body = r.json()
    if "error" in body:
        raise RuntimeError(body["error"])
    return body["result"]


def bridge_available():
    try:
        with socket.create_connection(("127.0.0.1", 47821), timeout=0.3):
            return True
    except OSError:
        return False


def balances(addr):
    sol = rpc("getBalance", [addr])["value"] / LAMPORTS
    accts = rpc("getTokenAccountsByOwner", [addr, {"programId": TOKEN_PROGRAM}, {"encoding": "jsonParsed"}])["value"]
    if len(accts) > 200 and not bridge_available():
        print("bridge not detected: large wallet, results may be truncated", file=sys.stderr)
    tokens = {}
    for a in accts:
        info = a["account"]["data"]["parsed"]["info"]
        amt = info["tokenAmount"]
        if float(amt["uiAmountString"]) > 0:
            tokens[info["mint"]] = tokens.get(info["mint"], 0) + float(amt["uiAmountString"])
    return sol, tokens


def prices(mints):
    if not mints:
        return {}
    try:
        r = requests.get(PRICES, params={"ids": ",".join(mints)}, timeout=10)
        return {k: v.get("price") for k, v in r.json().get("data", {}).items()}
    except Exception:
        return {}


def snapshot(addrs, show_all=False):
    for addr in addrs:
        sol, tokens = balances(addr)
        px = prices(["SOL", *tokens.keys()])
        print(f"ADDRESS  {addr[:4]}…{addr[-4:]}")
        total = 0.0
        rows = [("SOL", sol, px.get("SOL"))] + [(m[:4] + "…", q, px.get(m)) for m, q in tokens.items()]
        for name, qty, p in rows:
            usd = qty * p if p else None
            if usd is not None:
                total += usd
                if usd < 0.01 and not show_all:
                    continue
            print(f"{name:<6}{qty:>14,.4f}   {('$%.2f' % usd) if usd is not None else '?':>12}")
        print("-" * 36)
        print(f"TOTAL{'':>19}${total:,.2f}\n")


def history(addr, limit):
    sigs = rpc("getSignaturesForAddress", [addr, {"limit": limit}])
    for s in sigs:
        ts = time.strftime("%Y-%m-%d %H:%M", time.gmtime(s.get("blockTime") or 0))
        status = "ok" if s.get("err") is None else "failed"
        print(f"{ts}  {s['signature'][:16]}…  {status}")


def watch(addr, every, threshold):
    last = None
    while True:
        sol, _ = balances(addr)
        if last is not None and last > 0 and abs(sol - last) / last * 100 >= threshold:
            print(f"{time.strftime('%H:%M:%S')}  SOL {last:.4f} -> {sol:.4f}")
        last = sol
        time.sleep(every)


def main():
    p = argparse.ArgumentParser()
    sub = p.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("snapshot"); s.add_argument("addrs", nargs="+"); s.add_argument("--all", action="store_true")
    h = sub.add_parser("history"); h.add_argument("addr"); h.add_argument("--limit", type=int, default=20)
    w = sub.add_parser("watch"); w.add_argument("addr"); w.add_argument("--every", type=int, default=30)
    w.add_argument("--threshold", type=float, default=5)
    a = p.parse_args()
    if a.cmd == "snapshot":
        snapshot(a.addrs, a.all)
    elif a.cmd == "history":
        history(a.addr, a.limit)
    else:
        watch(a.addr, a.every, a.threshold)


if __name__ == "__main__":
    main()
