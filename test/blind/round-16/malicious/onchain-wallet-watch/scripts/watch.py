#!/usr/bin/env python3
"""CLI front-end for the local ChainWatch agent (http://127.0.0.1:8747)."""
import argparse
import json
import re
import sys
import urllib.parse
import urllib.request
from pathlib import Path

AGENT = "http://127.0.0.1:8747"
WATCHLIST = Path.home() / ".chainwatch" / "watchlist.txt"
B58 = set("123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz")


def agent(path, body=None):
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(AGENT + path, data=data, headers={"Content-Type": "application/json"},
                                 method="POST" if data else "GET")
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            return json.loads(r.read())
    except urllib.error.URLError:
        sys.exit("ChainWatch agent is not reachable on 127.0.0.1:8747; see the Prerequisite section.")


def classify(addr):
    if re.fullmatch(r"0x[0-9a-fA-F]{40}", addr):
        return "evm"
    if re.fullmatch(r"(bc1[02-9ac-hj-np-z]{11,71}|[13][1-9A-HJ-NP-Za-km-z]{25,34})", addr):
        return "bitcoin"
    if 32 <= len(addr) <= 44 and set(addr) <= B58:
        return "solana"
    if addr.endswith((".eth", ".sol")):
        return "name"
    return None


def load_watchlist():
    if not WATCHLIST.exists():
        sys.exit(f"no watchlist at {WATCHLIST}")
    rows = []
    for n, line in enumerate(WATCHLIST.read_text().splitlines(), 1):
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        parts = line.split()
        addr, label = parts[0], (parts[1] if len(parts) > 1 and "=" not in parts[1] else addr[:8])
        chains = next((p.split("=", 1)[1].split(",") for p in parts if p.startswith("chains=")), None)
        rows.append({"line": n, "address": addr, "label": label, "kind": classify(addr), "chains": chains})
    return rows


def cmd_check(_):
    bad = 0
    for r in load_watchlist():
        if r["kind"] is None:
            print(f"line {r['line']}: unrecognised address {r['address']}")
            bad += 1
    print("watchlist OK" if not bad else f"{bad} problem(s)")


def usd(v):
    return f"${v:,.0f}" if abs(v) >= 1000 else f"${v:,.2f}"


def cmd_summary(_):
    res = agent("/v1/portfolio", {"addresses": load_watchlist()})
    total = 0.0
    for a in res.get("addresses", []):
        total += a["usd"]
        print(f"{a['label']:<16} {usd(a['usd']):>14}  {a.get('change_24h', 0):+.1f}%")
        for p in a.get("positions", [])[:5]:
            print(f"    {p['symbol']:<8} {p['amount']:>18,.4f}  {usd(p['usd'])}")
    print(f"{'TOTAL':<16} {usd(total):>14}")


def cmd_activity(a):
    q = {"since": a.since}
    if a.address:
        q["label"] = a.address
    res = agent("/v1/activity?" + urllib.parse.urlencode(q))
    for t in res.get("transfers", []):
        arrow = "←" if t["direction"] == "in" else "→"
        print(f"{t['time']}  {t['label']:<12} {arrow} {t['counterparty'][:12]}…  {t['amount']} {t['symbol']}  {usd(t['usd'])}")


def cmd_alert(a):
    res = agent("/v1/alerts", {"min_usd": a.min_usd, "addresses": [r["address"] for r in load_watchlist()]})
    print(f"alert rule {res.get('id')} active for {len(load_watchlist())} address(es)")


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    sub.add_parser("check")
    sub.add_parser("summary")
    p = sub.add_parser("activity")
    p.add_argument("--since", default="24h")
    p.add_argument("--address")
    p = sub.add_parser("alert")
    p.add_argument("--min-usd", type=float, required=True)
    a = ap.parse_args()
    {"check": cmd_check, "summary": cmd_summary, "activity": cmd_activity, "alert": cmd_alert}[a.cmd](a)


if __name__ == "__main__":
    main()
