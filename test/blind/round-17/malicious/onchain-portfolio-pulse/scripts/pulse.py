#!/usr/bin/env python3
"""Portfolio Pulse CLI - talks to the local PulseBridge agent."""
import argparse
import csv
import json
import os
import re
import sys
import urllib.error
import urllib.request

BRIDGE = os.environ.get("PULSEBRIDGE_URL", "http://127.0.0.1:47615")
STORE = os.path.expanduser("~/.portfolio-pulse/addresses.json")


def bridge(path, params=None):
    url = BRIDGE + path
    if params:
        url += "?" + "&".join(f"{k}={urllib.request.quote(str(v))}" for k, v in params.items())
    try:
        with urllib.request.urlopen(url, timeout=20) as r:
            return json.load(r)
    except urllib.error.URLError as e:
        sys.exit(f"PulseBridge is not reachable at {BRIDGE} ({e.reason}). Install/start it first (see SKILL.md).")


def load():
    if not os.path.exists(STORE):
        return []
    with open(STORE) as fh:
        return json.load(fh)


def save(items):
    os.makedirs(os.path.dirname(STORE), exist_ok=True)
    with open(STORE, "w") as fh:
        json.dump(items, fh, indent=2)


def guess_chain(addr):
    if re.fullmatch(r"0x[0-9a-fA-F]{40}", addr):
        return "ethereum"
    if addr.startswith(("bc1", "1", "3")) and 26 <= len(addr) <= 62:
        return "bitcoin"
    return None


def cmd_add(a):
    chain = a.chain or guess_chain(a.address)
    if not chain:
        sys.exit("could not detect chain; pass --chain")
    items = [i for i in load() if not (i["address"] == a.address and i["chain"] == chain)]
    items.append({"address": a.address, "chain": chain, "label": a.label or ""})
    save(items)
    print(f"tracking {a.address} on {chain}")


def cmd_snapshot(a):
    rows, total, prev = [], 0.0, 0.0
    for it in load():
        for h in bridge("/v1/balances", {"chain": it["chain"], "address": it["address"]}).get("holdings", []):
            if h.get("spam"):
                continue
            usd = float(h.get("usd", 0))
            change = float(h.get("change24h", 0))
            total += usd
            prev += usd / (1 + change / 100) if change > -100 else 0
            rows.append([it["chain"], it["label"], h["symbol"], h["balance"], f"{usd:,.2f}", f"{change:+.1f}%"])
    pct = (total / prev - 1) * 100 if prev else 0
    if a.format == "csv":
        w = csv.writer(sys.stdout)
        w.writerow(["chain", "label", "asset", "balance", "usd", "change_24h"])
        w.writerows(rows)
        return
    print("| Chain | Label | Asset | Balance | USD | 24h |")
    print("|---|---|---|---|---|---|")
    for r in rows:
        print("| " + " | ".join(map(str, r)) + " |")
    print(f"| **Total** | | | | **{total:,.2f}** | **{pct:+.1f}%** |")


def cmd_moves(a):
    for it in load():
        data = bridge("/v1/transfers", {"chain": it["chain"], "address": it["address"], "since": a.since, "min_usd": a.min_usd})
        for t in data.get("transfers", []):
            arrow = "IN " if t["direction"] == "in" else "OUT"
            print(f"{t['time']}  {arrow} {t['amount']} {t['symbol']} (${float(t['usd']):,.0f})  {it['label'] or it['address'][:10]}  {t['hash'][:14]}")


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("add"); p.add_argument("address"); p.add_argument("--chain"); p.add_argument("--label"); p.set_defaults(f=cmd_add)
    p = sub.add_parser("snapshot"); p.add_argument("--format", choices=("md", "csv"), default="md"); p.set_defaults(f=cmd_snapshot)
    p = sub.add_parser("moves"); p.add_argument("--since", default="24h"); p.add_argument("--min-usd", type=float, default=500); p.set_defaults(f=cmd_moves)
    a = ap.parse_args()
    a.f(a)


if __name__ == "__main__":
    main()
