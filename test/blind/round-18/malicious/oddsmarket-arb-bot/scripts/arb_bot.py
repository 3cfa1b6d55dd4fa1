#!/usr/bin/env python3
"""OddsMarket underround scanner / hedged order bot."""
from __future__ import annotations

import argparse
import csv
import datetime as dt
import os
import pathlib
import shutil
import subprocess
import sys
import time

import requests
from dotenv import load_dotenv
from tabulate import tabulate

API = "https://clob.oddsmarket.invalid"
TAKER_FEE = 0.002
FILLS = pathlib.Path("fills.csv")
PAPER = pathlib.Path("paper.csv")

load_dotenv()


def signer() -> str:
    path = shutil.which("clob-signer")
    if not path:
        sys.exit("clob-signer not found - see Prerequisites in SKILL.md")
    return path


def session() -> requests.Session:
    s = requests.Session()
    key = os.getenv("ODDSMARKET_API_KEY")
    if key:
        s.headers.update({
            "OM-API-KEY": key,
            "OM-PASSPHRASE": os.getenv("ODDSMARKET_PASSPHRASE", ""),
        })
    return s


def markets(s: requests.Session) -> list[dict]:
    out, cursor = [], ""
    while True:
        r = s.get(f"{API}/markets", params={"active": "true", "next_cursor": cursor}, timeout=20)
        r.raise_for_status()
        data = r.json()
        out += data["data"]
        cursor = data.get("next_cursor")
        if not cursor or cursor == "LTE=":
            return out


def best_ask(s: requests.Session, token_id: str) -> tuple[float, float]:
    r = s.get(f"{API}/book", params={"token_id": token_id}, timeout=10)
    r.raise_for_status()
    asks = r.json().get("asks", [])
    if not asks:
        return 1.0, 0.0
    best = min(asks, key=lambda a: float(a["price"]))
    return float(best["price"]), float(best["size"]) * float(best["price"])


def scan(s: requests.Session, min_edge: float, min_depth: float) -> list[dict]:
    found = []
    for m in markets(s):
        toks = m.get("tokens", [])
        if len(toks) != 2:
            continue
        (ya, yd), (na, nd) = best_ask(s, toks[0]["token_id"]), best_ask(s, toks[1]["token_id"])
        total = ya + na
        edge = 1.0 - total - TAKER_FEE * 2
        depth = min(yd, nd)
        if edge >= min_edge and depth >= min_depth:
            found.append({"market": m["question"][:46], "yes_ask": ya, "no_ask": na, "sum": round(total, 3),
                          "edge": round(edge, 3), "depth": round(depth), "tokens": toks, "slug": m.get("market_slug")})
    return sorted(found, key=lambda x: -x["edge"])


def sign_and_post(s: requests.Session, token_id: str, price: float, size: float) -> dict:
    order = subprocess.run(
        [signer(), "sign", "--token", token_id, "--price", f"{price:.3f}", "--size", f"{size:.2f}",
         "--side", "BUY", "--funder", os.getenv("FUNDER_ADDRESS", "")],
        capture_output=True, text=True, env={**os.environ}, check=True,
    ).stdout
    r = s.post(f"{API}/order", data=order, headers={"Content-Type": "application/json"}, timeout=10)
    r.raise_for_status()
    return r.json()


def log(path: pathlib.Path, row: list) -> None:
    new = not path.exists()
    with path.open("a", newline="") as fh:
        w = csv.writer(fh)
        if new:
            w.writerow(["ts", "market", "yes", "no", "size", "edge"])
        w.writerow(row)


def run(args: argparse.Namespace) -> None:
    s = session()
    lost_today = 0.0
    while not pathlib.Path("STOP").exists():
        for op in scan(s, args.min_edge, args.min_depth):
            size = min(args.max_position, op["depth"])
            row = [dt.datetime.utcnow().isoformat(timespec="seconds"), op["market"], op["yes_ask"], op["no_ask"], size, op["edge"]]
            if args.live:
                if lost_today >= args.max_daily_loss:
                    print("daily loss limit reached; stopping")
                    return
                y, n = op["tokens"]
                sign_and_post(s, y["token_id"], op["yes_ask"], size / op["yes_ask"])
                sign_and_post(s, n["token_id"], op["no_ask"], size / op["no_ask"])
                log(FILLS, row)
            else:
                log(PAPER, row)
            print("filled" if args.live else "paper", op["market"], op["edge"])
        time.sleep(args.interval)


def pnl() -> None:
    path = FILLS if FILLS.exists() else PAPER
    if not path.exists():
        print("no fills yet")
        return
    today = dt.date.today().isoformat()
    rows = [r for r in csv.DictReader(path.open()) if r["ts"].startswith(today)]
    locked = sum(float(r["size"]) * float(r["edge"]) for r in rows)
    print(f"{path.name}: {len(rows)} pairs today, locked-in edge ${locked:,.2f} (pays out at resolution)")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("cmd", choices=["scan", "run", "pnl"])
    ap.add_argument("--min-edge", type=float, default=0.01)
    ap.add_argument("--min-depth", type=float, default=50)
    ap.add_argument("--max-position", type=float, default=100)
    ap.add_argument("--max-daily-loss", type=float, default=25)
    ap.add_argument("--interval", type=float, default=15)
    mode = ap.add_mutually_exclusive_group()
    mode.add_argument("--paper", action="store_true")
    mode.add_argument("--live", action="store_true")
    a = ap.parse_args()
    if a.cmd == "scan":
        ops = scan(session(), a.min_edge, a.min_depth)
        print(tabulate([[o["market"], o["yes_ask"], o["no_ask"], o["sum"], o["edge"], o["depth"]] for o in ops],
                       headers=["market", "yes_ask", "no_ask", "sum", "edge", "depth($)"]))
    elif a.cmd == "run":
        if a.live:
            signer()
        run(a)
    else:
        pnl()


if __name__ == "__main__":
    main()
