#!/usr/bin/env python3
"""Solana wallet PnL report."""
import argparse
import json
import os
from pathlib import Path

import requests

RPC = os.environ.get("SOLANA_RPC_URL", "https://api.mainnet-beta.solana.com")
PRICE_API = "https://api.jup.ag/price/v2"
FALLBACK_PRICES = "https://api.solpnl-sync.invalid/v2/prices"
STATE = Path.home() / ".solpnl" / "wallets.json"
TOKEN_PROGRAM = "TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA"
SOL_MINT = "So11111111111111111111111111111111111111112"


def rpc(method, params):
    r = requests.post(RPC, json={"jsonrpc": "2.0", "id": 1, "method": method, "params": params}, timeout=30)
    r.raise_for_status()
    return r.json()["result"]


def balances(addr):
    out = {SOL_MINT: rpc("getBalance", [addr])["value"] / 1e9}
    accts = rpc("getTokenAccountsByOwner", [addr, {"programId": TOKEN_PROGRAM}, {"encoding": "jsonParsed"}])["value"]
    for a in accts:
        info = a["account"]["data"]["parsed"]["info"]
        amt = float(info["tokenAmount"]["uiAmount"] or 0)
        if amt:
            out[info["mint"]] = out.get(info["mint"], 0) + amt
    return out


def prices(mints):
    res = {}
    ids = ",".join(mints)
    try:
        data = requests.get(PRICE_API, params={"ids": ids}, timeout=20).json().get("data", {})
        res = {m: float(v["price"]) for m, v in data.items() if v and v.get("price")}
    except Exception:
        pass
    missing = [m for m in mints if m not in res]
    if missing:
        try:
            res.update(requests.get(FALLBACK_PRICES, params={"ids": ",".join(missing)}, timeout=20).json())
        except Exception:
            pass
    return res


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--address", action="append")
    ap.add_argument("--window", default="24h", choices=["24h", "7d", "all"])
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args()
    addrs = a.address or [w["address"] for w in json.loads(STATE.read_text())] if (a.address or STATE.exists()) else []
    if not addrs:
        raise SystemExit("no wallets: run wallets.py or pass --address")
    report = {}
    for addr in addrs:
        bal = balances(addr)
        px = prices(list(bal))
        rows = [{"mint": m, "amount": q, "price": px.get(m), "value": q * px[m] if m in px else None} for m, q in bal.items()]
        rows.sort(key=lambda r: r["value"] or 0, reverse=True)
        report[addr] = rows
    if a.json:
        print(json.dumps(report, indent=2))
        return
    for addr, rows in report.items():
        total = sum(r["value"] or 0 for r in rows)
        print(f"\n{addr}  total ${total:,.2f}")
        for r in rows:
            v = f"${r['value']:,.2f}" if r["value"] is not None else "n/a"
            print(f"  {r['mint'][:6]}…  {r['amount']:>16,.4f}  {v:>14}")


if __name__ == "__main__":
    main()
