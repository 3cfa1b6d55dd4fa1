#!/usr/bin/env python3
"""Read-only crypto holdings across Binance, Kraken and watch-only BTC addresses."""
import argparse
import base64
import collections
import csv
import datetime as dt
import hashlib
import hmac
import os
import sys
import time
import urllib.parse

import requests
import yaml

WANTED = ("BINANCE_API_KEY", "BINANCE_API_SECRET", "KRAKEN_API_KEY", "KRAKEN_API_SECRET", "COINGECKO_DEMO_KEY")


def load_env(path=".env"):
    """Read only this skill's variables from the project .env file."""
    vals = {}
    if os.path.exists(path):
        with open(path) as f:
            for line in f:
                line = line.strip()
                if not line or line.startswith("#") or "=" not in line:
                    continue
                k, v = line.split("=", 1)
                k = k.strip()
                if k in WANTED:
                    vals[k] = v.strip().strip('"').strip("'")
    for k in WANTED:
        if os.environ.get(k):
            vals[k] = os.environ[k]
    return vals


# ---------- Binance ----------

def binance_get(path, env, params=None):
    params = dict(params or {}, timestamp=int(time.time() * 1000), recvWindow=10000)
    q = urllib.parse.urlencode(params)
    sig = hmac.new(env["BINANCE_API_SECRET"].encode(), q.encode(), hashlib.sha256).hexdigest()
    r = requests.get(f"https://api.binance.com{path}?{q}&signature={sig}",
                     headers={"X-MBX-APIKEY": env["BINANCE_API_KEY"]}, timeout=20)
    r.raise_for_status()
    return r.json()


def binance_balances(env):
    restr = binance_get("/sapi/v1/account/apiRestrictions", env)
    risky = [k for k in ("enableSpotAndMarginTrading", "enableWithdrawals", "enableInternalTransfer",
                         "enableFutures", "enableMargin", "permitsUniversalTransfer") if restr.get(k)]
    if risky:
        sys.exit("Binance key is not read-only (" + ", ".join(risky) +
                 "). Create a key with only 'Enable Reading' and try again.")
    acct = binance_get("/api/v3/account", env, {"omitZeroBalances": "true"})
    out = collections.Counter()
    for b in acct["balances"]:
        amt = float(b["free"]) + float(b["locked"])
        if amt:
            asset = b["asset"][2:] if b["asset"].startswith("LD") else b["asset"]  # Simple Earn
            out[asset] += amt
    return out


# ---------- Kraken ----------

def kraken_private(path, env, data=None):
    data = dict(data or {}, nonce=str(int(time.time() * 1000)))
    post = urllib.parse.urlencode(data)
    sha = hashlib.sha256((data["nonce"] + post).encode()).digest()
    mac = hmac.new(base64.b64decode(env["KRAKEN_API_SECRET"]), path.encode() + sha, hashlib.sha512)
    r = requests.post(f"https://api.kraken.com{path}", data=data, timeout=20, headers={
        "API-Key": env["KRAKEN_API_KEY"], "API-Sign": base64.b64encode(mac.digest()).decode()})
    r.raise_for_status()
    j = r.json()
    if j.get("error"):
        sys.exit(f"Kraken: {j['error']}")
    return j["result"]


def kraken_balances(env):
    out = collections.Counter()
    for asset, amt in kraken_private("/0/private/Balance", env).items():
        if float(amt):
            out[asset] += float(amt)
    return out


# ---------- on-chain ----------

def btc_address_balance(addr):
    r = requests.get(f"https://blockstream.info/api/address/{addr}", timeout=20)
    r.raise_for_status()
    s = r.json()["chain_stats"]
    return (s["funded_txo_sum"] - s["spent_txo_sum"]) / 1e8


# ---------- prices & basis ----------

def prices(ids, base, env):
    ids = sorted({i for i in ids if not i.startswith("__fiat")})
    if not ids:
        return {}
    headers = {"x-cg-demo-api-key": env["COINGECKO_DEMO_KEY"]} if env.get("COINGECKO_DEMO_KEY") else {}
    r = requests.get("https://api.coingecko.com/api/v3/simple/price",
                     params={"ids": ",".join(ids), "vs_currencies": base}, headers=headers, timeout=20)
    r.raise_for_status()
    return {k: v.get(base) for k, v in r.json().items()}


def cost_basis(path, aliases):
    qty, cost = collections.Counter(), collections.Counter()
    with open(path) as f:
        for row in csv.DictReader(f):
            asset = aliases.get(row["asset"].upper(), row["asset"].lower())
            amt, price = float(row["amount"]), float(row["price"])
            fee = float(row.get("fee") or 0) if row.get("fee_asset", "").upper() == row.get("quote", "").upper() else 0
            if row["side"].lower() == "buy":
                cost[asset] += amt * price + fee
                qty[asset] += amt
            elif qty[asset]:
                avg = cost[asset] / qty[asset]
                cost[asset] -= avg * min(amt, qty[asset])
                qty[asset] -= min(amt, qty[asset])
    return cost


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="portfolio.yaml")
    ap.add_argument("--env-file", default=".env")
    ap.add_argument("--snapshot")
    a = ap.parse_args()

    with open(a.config) as f:
        cfg = yaml.safe_load(f)
    env = load_env(a.env_file)
    base = cfg.get("base_currency", "usd").lower()
    aliases = {k.upper(): v for k, v in (cfg.get("aliases") or {}).items()}

    holdings, sources = collections.Counter(), []
    if "binance" in cfg.get("exchanges", []) and env.get("BINANCE_API_KEY"):
        b = binance_balances(env)
        holdings.update(b)
        sources.append(f"binance ({len(b)} assets)")
    if "kraken" in cfg.get("exchanges", []) and env.get("KRAKEN_API_KEY"):
        k = kraken_balances(env)
        holdings.update(k)
        sources.append(f"kraken ({len(k)})")
    for addr in cfg.get("btc_addresses", []) or []:
        bal = btc_address_balance(addr)
        holdings["BTC"] += bal
        sources.append(f"btc:{addr[:4]}…{addr[-4:]} ({bal:.4f} BTC)")

    by_id = collections.Counter()
    for sym, amt in holdings.items():
        by_id[aliases.get(sym.upper(), sym.lower())] += amt
    px = prices(by_id.keys(), base, env)
    basis = cost_basis(cfg["trades_csv"], aliases) if cfg.get("trades_csv") and os.path.exists(cfg["trades_csv"]) else {}

    rows = []
    for cid, amt in by_id.items():
        p = 1.0 if cid == f"__fiat_{base}" else px.get(cid)
        rows.append((cid, amt, p, amt * p if p is not None else None, basis.get(cid)))
    total = sum(r[3] for r in rows if r[3] is not None)
    rows.sort(key=lambda r: -(r[3] or 0))

    print(f"{'Asset':<14}{'Amount':>16}{'Price':>14}{'Value':>14}{'Alloc':>8}{'Basis':>13}{'P/L':>13}")
    for cid, amt, p, v, cb in rows:
        alloc = f"{100 * v / total:.1f}%" if v and total else "?"
        pl = f"{v - cb:+,.2f}" if v is not None and cb is not None else ""
        print(f"{cid[:13]:<14}{amt:>16.8f}{(f'{p:,.2f}' if p is not None else '?'):>14}"
              f"{(f'{v:,.2f}' if v is not None else '?'):>14}{alloc:>8}{(f'{cb:,.2f}' if cb else ''):>13}{pl:>13}")
    print(f"{'Total':<14}{'':>16}{'':>14}{total:>14,.2f}  {base.upper()}")
    print("Sources:", ", ".join(sources) or "none configured")

    if a.snapshot:
        os.makedirs(a.snapshot, exist_ok=True)
        path = os.path.join(a.snapshot, f"{dt.date.today().isoformat()}.csv")
        with open(path, "w", newline="") as f:
            w = csv.writer(f)
            w.writerow(["asset", "amount", f"price_{base}", f"value_{base}", f"basis_{base}"])
            for cid, amt, p, v, cb in rows:
                w.writerow([cid, f"{amt:.8f}", p, v, cb])
        print("snapshot:", path)


if __name__ == "__main__":
    main()
