#!/usr/bin/env python3
"""Read-only crypto balance snapshot for Kraken and Binance, priced with CoinGecko.

    snapshot.py [--fiat usd|eur] [--csv PATH] [--min-value N]
"""
import argparse
import base64
import csv
import datetime as dt
import hashlib
import hmac
import os
import sys
import time
import urllib.parse

import requests

KRAKEN = "https://api.kraken.com"
BINANCE = "https://api.binance.com"
COINGECKO = "https://api.coingecko.com/api/v3"

# The only private endpoints this script calls.
KRAKEN_ALLOWED = {"/0/private/Balance"}
BINANCE_ALLOWED = {"/api/v3/account", "/sapi/v1/account/apiRestrictions"}

KRAKEN_ALIASES = {"XXBT": "BTC", "XBT": "BTC", "XETH": "ETH", "XXDG": "DOGE", "XLTC": "LTC",
                  "XXRP": "XRP", "XXLM": "XLM", "ZUSD": "USD", "ZEUR": "EUR", "ZGBP": "GBP"}
COINGECKO_IDS = {"BTC": "bitcoin", "ETH": "ethereum", "SOL": "solana", "USDC": "usd-coin",
                 "USDT": "tether", "DOT": "polkadot", "ADA": "cardano", "XRP": "ripple",
                 "DOGE": "dogecoin", "LTC": "litecoin", "BNB": "binancecoin", "XLM": "stellar",
                 "AVAX": "avalanche-2", "LINK": "chainlink", "MATIC": "matic-network",
                 "ATOM": "cosmos", "TRX": "tron"}
FIATS = {"USD", "EUR", "GBP"}


def kraken_balances(key, secret):
    path = "/0/private/Balance"
    assert path in KRAKEN_ALLOWED
    nonce = str(int(time.time() * 1000))
    body = urllib.parse.urlencode({"nonce": nonce})
    sha = hashlib.sha256((nonce + body).encode()).digest()
    sig = hmac.new(base64.b64decode(secret), path.encode() + sha, hashlib.sha512)
    r = requests.post(KRAKEN + path, data=body, timeout=30, headers={
        "API-Key": key,
        "API-Sign": base64.b64encode(sig.digest()).decode(),
        "Content-Type": "application/x-www-form-urlencoded",
    })
    r.raise_for_status()
    data = r.json()
    if data.get("error"):
        raise RuntimeError("Kraken: " + ", ".join(data["error"]))
    rows = []
    for asset, amount in data["result"].items():
        amt = float(amount)
        if amt == 0:
            continue
        note = ""
        base = asset
        for suffix in (".S", ".M", ".F", ".B", ".P"):
            if base.endswith(suffix):
                base, note = base[: -len(suffix)], "staked"
        base = base.replace("ETH2", "ETH")
        rows.append(("kraken", KRAKEN_ALIASES.get(base, base), amt, note))
    return rows


def binance_get(path, key, secret):
    assert path in BINANCE_ALLOWED
    query = urllib.parse.urlencode({"timestamp": int(time.time() * 1000), "recvWindow": 10000})
    sig = hmac.new(secret.encode(), query.encode(), hashlib.sha256).hexdigest()
    r = requests.get(f"{BINANCE}{path}?{query}&signature={sig}",
                     headers={"X-MBX-APIKEY": key}, timeout=30)
    if r.status_code >= 400:
        raise RuntimeError(f"Binance {r.status_code}: {r.text[:200]}")
    return r.json()


def binance_balances(key, secret):
    perms = binance_get("/sapi/v1/account/apiRestrictions", key, secret)
    risky = [k for k in ("enableWithdrawals", "enableInternalTransfer", "enableSpotAndMarginTrading",
                         "enableMargin", "enableFutures", "permitsUniversalTransfer")
             if perms.get(k)]
    if risky:
        raise SystemExit("Binance key has extra permissions (" + ", ".join(risky) +
                         "). Create a key with only 'Enable Reading' and try again.")
    account = binance_get("/api/v3/account", key, secret)
    rows = []
    for b in account.get("balances", []):
        amt = float(b["free"]) + float(b["locked"])
        if amt:
            asset = b["asset"]
            note = "earn" if asset.startswith("LD") else ""
            rows.append(("binance", asset[2:] if note else asset, amt, note))
    return rows


def prices(assets, fiat):
    ids = {a: COINGECKO_IDS[a] for a in assets if a in COINGECKO_IDS}
    out = {a: 1.0 for a in assets if a == fiat.upper()}
    if ids:
        r = requests.get(f"{COINGECKO}/simple/price",
                         params={"ids": ",".join(sorted(set(ids.values()))), "vs_currencies": fiat},
                         timeout=30)
        r.raise_for_status()
        data = r.json()
        for asset, cid in ids.items():
            if cid in data and fiat in data[cid]:
                out[asset] = float(data[cid][fiat])
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--fiat", default="usd", choices=["usd", "eur", "gbp"])
    ap.add_argument("--csv")
    ap.add_argument("--min-value", type=float, default=0.0)
    args = ap.parse_args()

    rows = []
    if os.environ.get("KRAKEN_API_KEY") and os.environ.get("KRAKEN_API_SECRET"):
        rows += kraken_balances(os.environ["KRAKEN_API_KEY"], os.environ["KRAKEN_API_SECRET"])
    if os.environ.get("BINANCE_API_KEY") and os.environ.get("BINANCE_API_SECRET"):
        rows += binance_balances(os.environ["BINANCE_API_KEY"], os.environ["BINANCE_API_SECRET"])
    if not rows:
        sys.exit("No balances: set KRAKEN_API_KEY/SECRET and/or BINANCE_API_KEY/SECRET (read-only keys).")

    fiat = args.fiat
    px = prices({r[1] for r in rows}, fiat)
    stamp = dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z")

    table, unpriced = [], []
    for ex, asset, amt, note in rows:
        if asset not in px:
            if asset not in FIATS:
                unpriced.append(f"{asset} ({ex})")
            continue
        value = amt * px[asset]
        if value >= args.min_value:
            table.append((ex, asset, amt, px[asset], value, note))
    table.sort(key=lambda r: r[4], reverse=True)
    total = sum(r[4] for r in table) or 1.0

    cur = fiat.upper()
    print(f"{'Exchange':9} {'Asset':6} {'Amount':>16} {'Price (' + cur + ')':>14} {'Value (' + cur + ')':>14} {'Share':>7}")
    for ex, asset, amt, price, value, note in table:
        label = f"{asset}{'*' if note else ''}"
        print(f"{ex:9} {label:6} {amt:16,.8f} {price:14,.2f} {value:14,.2f} {value / total:7.1%}")
    print(f"{'':48}{'Total':>6} {total:14,.2f}")
    print(f"Prices: CoinGecko, {stamp}. Unpriced assets: {', '.join(unpriced) or 'none'}")
    if any(r[5] for r in table):
        print("* staked / earn balance")

    if args.csv:
        os.makedirs(os.path.dirname(args.csv) or ".", exist_ok=True)
        with open(args.csv, "w", newline="") as fh:
            w = csv.writer(fh)
            w.writerow(["timestamp", "exchange", "asset", "amount", f"price_{fiat}", f"value_{fiat}", "note"])
            for ex, asset, amt, price, value, note in table:
                w.writerow([stamp, ex, asset, f"{amt:.8f}", f"{price:.6f}", f"{value:.2f}", note])
        print(f"wrote {args.csv}")


if __name__ == "__main__":
    main()
