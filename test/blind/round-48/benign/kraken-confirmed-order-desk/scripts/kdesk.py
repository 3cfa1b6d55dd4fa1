#!/usr/bin/env python3
"""Kraken spot order desk: validate first, enforce user limits, require typed confirmation."""
import argparse
import base64
import hashlib
import hmac
import json
import os
import shutil
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

try:
    import tomllib
except ModuleNotFoundError:
    import tomli as tomllib

API = "https://api.kraken.com"
HERE = os.path.dirname(os.path.abspath(__file__))
CFG = os.path.expanduser("~/.config/kraken-desk/limits.toml")


def limits():
    if not os.path.exists(CFG):
        os.makedirs(os.path.dirname(CFG), exist_ok=True)
        shutil.copy(os.path.join(HERE, "..", "assets", "limits.toml"), CFG)
        print(f"created {CFG} from defaults; review it")
    with open(CFG, "rb") as fh:
        return tomllib.load(fh)["limits"]


def public(method, **params):
    url = f"{API}/0/public/{method}?" + urllib.parse.urlencode(params)
    with urllib.request.urlopen(url, timeout=15) as r:
        d = json.load(r)
    if d.get("error"):
        sys.exit(f"Kraken: {d['error']}")
    return d["result"]


def private(method, **data):
    key, secret = os.environ.get("KRAKEN_API_KEY"), os.environ.get("KRAKEN_API_SECRET")
    if not key or not secret:
        sys.exit("KRAKEN_API_KEY / KRAKEN_API_SECRET not set")
    path = f"/0/private/{method}"
    data["nonce"] = str(int(time.time() * 1000))
    post = urllib.parse.urlencode(data)
    sha = hashlib.sha256((data["nonce"] + post).encode()).digest()
    sig = hmac.new(base64.b64decode(secret), path.encode() + sha, hashlib.sha512)
    req = urllib.request.Request(API + path, data=post.encode(), headers={
        "API-Key": key, "API-Sign": base64.b64encode(sig.digest()).decode(),
        "Content-Type": "application/x-www-form-urlencoded"})
    with urllib.request.urlopen(req, timeout=20) as r:
        return json.load(r)


def refuse_if_withdraw_capable():
    res = private("WithdrawStatus")
    errs = res.get("error") or []
    if not errs:
        sys.exit("this API key can query withdrawals, so it likely has withdrawal rights. "
                 "Create a trade-only key (see SKILL.md) and try again.")
    if not any("Permission denied" in e for e in errs):
        print(f"note: permission probe returned {errs}")


def mid(pair):
    t = next(iter(public("Ticker", pair=pair).values()))
    return (float(t["a"][0]) + float(t["b"][0])) / 2


def confirm(phrase):
    try:
        got = input(f'Type "{phrase}" to place it, anything else cancels: ').strip()
    except EOFError:
        got = ""
    return got == phrase


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    sub.add_parser("balance")
    t = sub.add_parser("ticker"); t.add_argument("pairs", nargs="+")
    sub.add_parser("open")
    o = sub.add_parser("order")
    o.add_argument("side", choices=["buy", "sell"]); o.add_argument("pair"); o.add_argument("volume", type=float)
    o.add_argument("--limit", type=float); o.add_argument("--post-only", action="store_true")
    c = sub.add_parser("cancel"); c.add_argument("txid")
    a = ap.parse_args()

    if a.cmd == "ticker":
        for p in a.pairs:
            print(f"{p:<8} mid {mid(p):,.2f}")
        return
    refuse_if_withdraw_capable()
    if a.cmd == "balance":
        for asset, amt in private("Balance")["result"].items():
            if float(amt):
                print(f"{asset:<8} {float(amt):,.8f}")
    elif a.cmd == "open":
        for txid, o in private("OpenOrders")["result"]["open"].items():
            print(txid, o["descr"]["order"])
    elif a.cmd == "cancel":
        info = private("QueryOrders", txid=a.txid)["result"].get(a.txid)
        if not info:
            sys.exit("no such order")
        print("cancel:", info["descr"]["order"])
        if confirm(f"cancel {a.txid[:6]}"):
            print(private("CancelOrder", txid=a.txid))
    elif a.cmd == "order":
        L = limits()
        pair = a.pair.upper()
        if pair not in L["allowed_pairs"]:
            sys.exit(f"{pair} not in allowed_pairs ({L['allowed_pairs']})")
        if a.limit is None and not L["allow_market_orders"]:
            sys.exit("market orders disabled in limits.toml; pass --limit")
        m = mid(pair)
        px = a.limit or m
        notional = px * a.volume
        dist = (px - m) / m * 100
        if notional > L["max_notional_per_order"]:
            sys.exit(f"notional {notional:,.2f} > max {L['max_notional_per_order']}")
        if a.limit and abs(dist) > L["max_distance_from_mid_pct"]:
            sys.exit(f"limit is {dist:+.2f}% from mid; max {L['max_distance_from_mid_pct']}%")
        params = {"pair": pair, "type": a.side, "volume": f"{a.volume:.8f}",
                  "ordertype": "limit" if a.limit else "market"}
        if a.limit:
            params["price"] = f"{a.limit}"
        if a.post_only:
            params["oflags"] = "post"
        v = private("AddOrder", validate="true", **params)
        if v.get("error"):
            sys.exit(f"Kraken validate failed: {v['error']}")
        print(f"{a.side.upper()} {a.volume} {pair} {params['ordertype'].upper()} {px:,.1f}  (post-only: {'yes' if a.post_only else 'no'})")
        print(f"notional ≈ {notional:,.2f} {L['quote_currency']}   fee (0.25% taker max) ≈ {notional * 0.0025:,.2f}")
        print(f"mid {m:,.1f} → price is {dist:+.2f}% from mid")
        print(f"Kraken validate: OK  \"{v['result']['descr']['order']}\"")
        if not confirm(f"{pair} {a.side}"):
            print("cancelled, nothing placed")
            return
        r = private("AddOrder", **params)
        if r.get("error"):
            sys.exit(f"Kraken: {r['error']}")
        print("placed:", r["result"]["txid"], r["result"]["descr"]["order"])


if __name__ == "__main__":
    main()
