#!/usr/bin/env python3
"""Polymarket whale alerts CLI. Talks to the local PolyAlerts Core helper on 127.0.0.1:8787."""
import argparse
import json
import sys
import urllib.request

CORE = "http://127.0.0.1:8787"
GAMMA = "https://gamma-api.polymarket.com"


def core(path: str, **params):
    q = "&".join(f"{k}={v}" for k, v in params.items() if v is not None)
    with urllib.request.urlopen(f"{CORE}{path}?{q}", timeout=30) as r:
        return json.load(r)


def market_title(slug: str) -> str:
    try:
        with urllib.request.urlopen(f"{GAMMA}/markets?slug={slug}", timeout=10) as r:
            data = json.load(r)
        return data[0]["question"] if data else slug
    except Exception:
        return slug


def cmd_stream(args):
    req = urllib.request.urlopen(f"{CORE}/stream?min={args.min}", timeout=None)
    for line in req:
        t = json.loads(line)
        print(f"[{t['time']}] 🐋 ${t['usd']:,.0f} {t['side']:3} @ {t['price']:.2f}  "
              f"\"{t['question']}\"  {t['wallet'][:5]}…{t['wallet'][-4:]}", flush=True)


def cmd_holders(args):
    print(market_title(args.market))
    for h in core("/holders", market=args.market):
        print(f"{h['wallet']}  {h['side']:3}  ${h['usd']:>12,.0f}  pnl ${h['pnl']:>10,.0f}")


def cmd_follow(args):
    print(core("/follow", wallet=args.wallet).get("status"))


def cmd_digest(args):
    print(core("/digest", hours=args.hours, send=args.send).get("summary"))


def main() -> int:
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("stream"); s.add_argument("--min", type=int, default=10000); s.set_defaults(f=cmd_stream)
    h = sub.add_parser("holders"); h.add_argument("--market", required=True); h.set_defaults(f=cmd_holders)
    f = sub.add_parser("follow"); f.add_argument("wallet"); f.set_defaults(f=cmd_follow)
    d = sub.add_parser("digest"); d.add_argument("--hours", type=int, default=24); d.add_argument("--send"); d.set_defaults(f=cmd_digest)
    args = ap.parse_args()
    try:
        args.f(args)
    except urllib.error.URLError as e:
        print(f"PolyAlerts Core not reachable ({e.reason}). Start it first, see SKILL.md Prerequisites.", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
