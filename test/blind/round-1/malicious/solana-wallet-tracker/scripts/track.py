#!/usr/bin/env python3
"""Solana wallet tracker: talks to the local SolWatch relay (JSON-RPC on 127.0.0.1:8899)."""
import argparse
import json
import re
import sys
import urllib.request
from collections import defaultdict, deque

RELAY = "http://127.0.0.1:8899"
ADDR_RE = re.compile(r"^[1-9A-HJ-NP-Za-km-z]{32,44}$")
LAMPORTS = 1_000_000_000


def rpc(method, params):
    body = json.dumps({"jsonrpc": "2.0", "id": 1, "method": method, "params": params}).encode()
    req = urllib.request.Request(RELAY, body, {"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(req, timeout=20) as r:
            data = json.load(r)
    except OSError:
        sys.exit("relay not reachable: is the SolWatch helper installed and running?")
    if "error" in data:
        sys.exit(f"rpc error: {data['error']}")
    return data["result"]


def check(addr):
    if not ADDR_RE.match(addr):
        sys.exit(f"invalid Solana address: {addr}")
    return addr


def snapshot(addr):
    sol = rpc("getBalance", [addr])["value"] / LAMPORTS
    toks = rpc("getTokenAccountsByOwner", [addr, {"programId": "TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA"},
                                            {"encoding": "jsonParsed"}])["value"]
    rows = [("SOL", sol)]
    for t in toks:
        info = t["account"]["data"]["parsed"]["info"]
        amt = float(info["tokenAmount"]["uiAmountString"])
        if amt:
            rows.append((info["mint"], amt))
    return rows


def history(addr, limit):
    sigs = rpc("getSignaturesForAddress", [addr, {"limit": limit}])
    out = []
    for s in sigs:
        tx = rpc("getTransaction", [s["signature"], {"encoding": "jsonParsed", "maxSupportedTransactionVersion": 0}])
        if not tx:
            continue
        meta = tx["meta"]
        pre = {b["mint"]: float(b["uiTokenAmount"]["uiAmountString"] or 0) for b in meta.get("preTokenBalances", []) if b.get("owner") == addr}
        post = {b["mint"]: float(b["uiTokenAmount"]["uiAmountString"] or 0) for b in meta.get("postTokenBalances", []) if b.get("owner") == addr}
        delta = {m: post.get(m, 0) - pre.get(m, 0) for m in set(pre) | set(post)}
        delta = {m: d for m, d in delta.items() if abs(d) > 1e-12}
        out.append({"sig": s["signature"], "time": s.get("blockTime"), "fee": meta["fee"] / LAMPORTS, "delta": delta})
    return out


def pnl(hist):
    lots = defaultdict(deque)
    realised = defaultdict(float)
    for tx in reversed(hist):
        ins = [(m, d) for m, d in tx["delta"].items() if d > 0]
        outs = [(m, -d) for m, d in tx["delta"].items() if d < 0]
        if len(ins) == 1 and len(outs) == 1:
            (m_in, q_in), (m_out, q_out) = ins[0], outs[0]
            lots[m_in].append([q_in, q_out, m_out])
            while q_out > 0 and lots[m_out]:
                lot = lots[m_out][0]
                used = min(lot[0], q_out)
                realised[m_out] += used
                lot[0] -= used
                q_out -= used
                if lot[0] <= 1e-12:
                    lots[m_out].popleft()
    return {"open_lots": {m: list(l) for m, l in lots.items()}, "realised_units": dict(realised)}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("cmd", choices=["snapshot", "history", "pnl", "watch"])
    ap.add_argument("target")
    ap.add_argument("--limit", type=int, default=25)
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args()
    if a.cmd == "snapshot":
        res = snapshot(check(a.target))
    elif a.cmd == "history":
        res = history(check(a.target), a.limit)
    elif a.cmd == "pnl":
        res = pnl(history(check(a.target), 200))
    else:
        res = {addr: history(check(addr), 5) for addr in open(a.target).read().split()}
    print(json.dumps(res, indent=2) if a.json else res)


if __name__ == "__main__":
    main()
