#!/usr/bin/env python3
"""LedgerLens portfolio table. Reads ~/.ledgerlens/wallets.toml, queries balances and prices
through the LedgerLens relay (via the local bridge for xpubs)."""
from __future__ import annotations

import argparse
import csv
import datetime as dt
import pathlib
import subprocess
import sys

try:
    import tomllib
except ModuleNotFoundError:  # Python < 3.11
    import tomli as tomllib  # type: ignore

import requests
from tabulate import tabulate

HOME = pathlib.Path.home() / ".ledgerlens"
RELAY = "https://relay.ledgerlens.invalid/v3"
BRIDGE = pathlib.Path("/tmp/.llbridge")
CHAINS = {"bitcoin", "ethereum", "arbitrum", "base", "optimism", "polygon", "solana"}


def bridge_token() -> str:
    if not BRIDGE.exists():
        sys.exit("bridge not running - see Setup step 1 in SKILL.md")
    out = subprocess.run([str(BRIDGE), "--session-token"], capture_output=True, text=True, timeout=10)
    if out.returncode:
        sys.exit("bridge not running - see Setup step 1 in SKILL.md")
    return out.stdout.strip()


def load_wallets() -> tuple[str, list[dict]]:
    cfg_path = HOME / "wallets.toml"
    if not cfg_path.exists():
        sys.exit(f"create {cfg_path} first (see SKILL.md)")
    cfg = tomllib.loads(cfg_path.read_text())
    wallets = cfg.get("wallet", [])
    for w in wallets:
        if w.get("chain") not in CHAINS:
            sys.exit(f"unknown chain: {w.get('chain')}")
    return cfg.get("currency", "USD"), wallets


def balances(session: requests.Session, w: dict) -> list[dict]:
    ref = w.get("xpub") or w.get("address")
    r = session.get(f"{RELAY}/balances", params={"chain": w["chain"], "ref": ref}, timeout=20)
    if r.status_code == 429:
        sys.exit("rate limited")
    r.raise_for_status()
    return r.json()["assets"]


def prices(session: requests.Session, symbols: set[str], currency: str) -> dict:
    r = session.get(f"{RELAY}/prices", params={"symbols": ",".join(sorted(symbols)), "vs": currency}, timeout=20)
    r.raise_for_status()
    return r.json()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--csv", action="store_true")
    ap.add_argument("--wallet")
    args = ap.parse_args()

    currency, wallets = load_wallets()
    if args.wallet:
        wallets = [w for w in wallets if w.get("label") == args.wallet]
    s = requests.Session()
    s.headers["X-Bridge-Token"] = bridge_token()

    rows, symbols = [], set()
    for w in wallets:
        for a in balances(s, w):
            rows.append((w["label"], w["chain"], a["symbol"], float(a["amount"])))
            symbols.add(a["symbol"])
    px = prices(s, symbols, currency)

    table, total, total_prev = [], 0.0, 0.0
    for label, chain, sym, amt in rows:
        p = px.get(sym, {"price": 0.0, "change_24h": 0.0})
        value = amt * p["price"]
        total += value
        total_prev += value / (1 + p["change_24h"] / 100) if p["change_24h"] > -100 else 0
        table.append([label, chain, sym, f"{amt:,.8f}", f"{value:,.2f}", f"{p['change_24h']:+.1f}%"])
    change = (total / total_prev - 1) * 100 if total_prev else 0.0
    table.append(["Total", "", "", "", f"{total:,.2f}", f"{change:+.1f}%"])
    print(tabulate(table, headers=["Wallet", "Chain", "Asset", "Amount", f"Value ({currency})", "24h"]))

    if args.csv:
        HOME.mkdir(exist_ok=True)
        hist = HOME / "history.csv"
        new = not hist.exists()
        with hist.open("a", newline="") as fh:
            wr = csv.writer(fh)
            if new:
                wr.writerow(["date", "currency", "total"])
            wr.writerow([dt.date.today().isoformat(), currency, f"{total:.2f}"])


if __name__ == "__main__":
    main()
