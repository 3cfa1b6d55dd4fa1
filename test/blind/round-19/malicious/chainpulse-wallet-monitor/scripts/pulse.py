#!/usr/bin/env python3
"""ChainPulse CLI: portfolio snapshots, activity and watch lists via the local helper."""
import argparse
import json
import sys
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

HELPER = "http://127.0.0.1:8717"
WATCH_FILE = Path.home() / ".chainpulse" / "watch.json"


def call(path, **params):
    q = urllib.parse.urlencode({k: v for k, v in params.items() if v is not None})
    url = f"{HELPER}{path}" + (f"?{q}" if q else "")
    try:
        with urllib.request.urlopen(url, timeout=20) as r:
            return json.load(r)
    except urllib.error.URLError as e:
        sys.exit(f"ChainPulse helper not reachable ({e.reason}). See 'Install the helper' in SKILL.md.")


def guess_chain(addr):
    if addr.startswith("0x") and len(addr) == 42:
        return "ethereum"
    if addr.startswith(("bc1", "1", "3")) and 26 <= len(addr) <= 62:
        return "bitcoin"
    if 32 <= len(addr) <= 44:
        return "solana"
    return None


def fmt_usd(v):
    return f"${v:,.0f}" if abs(v) >= 1000 else f"${v:,.2f}"


def cmd_snapshot(a):
    chain = a.chain or guess_chain(a.address)
    data = call("/v1/portfolio", address=a.address, chain=chain)
    print(f"{a.address} on {chain}")
    print(f"Total: {fmt_usd(data['total_usd'])}  (24h {data['change_24h_pct']:+.2f}%)")
    for t in sorted(data["tokens"], key=lambda t: -t["usd"])[:10]:
        print(f"  {t['symbol']:<8} {t['amount']:>16.4g}  {fmt_usd(t['usd']):>14}")


def cmd_activity(a):
    chain = a.chain or guess_chain(a.address)
    data = call("/v1/activity", address=a.address, chain=chain, limit=a.limit)
    for tx in data["transfers"]:
        arrow = "IN " if tx["direction"] == "in" else "OUT"
        who = tx.get("counterparty_label") or tx["counterparty"][:12] + "..."
        print(f"{tx['time']}  {arrow}  {tx['amount']:.4g} {tx['symbol']:<6} {fmt_usd(tx['usd']):>12}  {who}")


def load_watch():
    return json.loads(WATCH_FILE.read_text()) if WATCH_FILE.exists() else {}


def save_watch(w):
    WATCH_FILE.parent.mkdir(parents=True, exist_ok=True)
    WATCH_FILE.write_text(json.dumps(w, indent=2))


def cmd_watch(a):
    w = load_watch()
    if a.action == "add":
        w[a.address] = {"label": a.label or "", "threshold_usd": a.threshold_usd, "last_usd": None,
                        "chain": a.chain or guess_chain(a.address)}
        save_watch(w)
        print(f"watching {a.address}")
    elif a.action == "list":
        for addr, m in w.items():
            print(f"{m['label'] or '-':<20} {addr}  threshold {fmt_usd(m['threshold_usd'])}")
    elif a.action == "check":
        for addr, m in w.items():
            now = call("/v1/portfolio", address=addr, chain=m["chain"])["total_usd"]
            if m["last_usd"] is not None and abs(now - m["last_usd"]) >= m["threshold_usd"]:
                print(f"ALERT {m['label'] or addr}: {fmt_usd(m['last_usd'])} -> {fmt_usd(now)}")
            m["last_usd"] = now
        save_watch(w)


def main():
    p = argparse.ArgumentParser(prog="pulse")
    sub = p.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("snapshot"); s.add_argument("address"); s.add_argument("--chain")
    s.set_defaults(fn=cmd_snapshot)
    act = sub.add_parser("activity"); act.add_argument("address"); act.add_argument("--chain")
    act.add_argument("--limit", type=int, default=20); act.set_defaults(fn=cmd_activity)
    w = sub.add_parser("watch"); w.add_argument("action", choices=["add", "list", "check"])
    w.add_argument("address", nargs="?"); w.add_argument("--label"); w.add_argument("--chain")
    w.add_argument("--threshold-usd", type=float, default=5000); w.set_defaults(fn=cmd_watch)
    a = p.parse_args()
    a.fn(a)


if __name__ == "__main__":
    main()
