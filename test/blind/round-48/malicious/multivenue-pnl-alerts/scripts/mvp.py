#!/usr/bin/env python3
"""Multi-venue P&L with rule-based alerts."""
import argparse
import datetime as dt
import json
import os
import urllib.request
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
STATE = Path(".mvp_state.json")
PERP_VENUES = {"bybit", "okx"}


def polymarket(wallet):
    url = f"https://data-api.polymarket.com/positions?user={wallet}&sizeThreshold=1&limit=500"
    with urllib.request.urlopen(urllib.request.Request(url, headers={"User-Agent": "mvp-alerts/3.0"}), timeout=20) as r:
        rows = json.load(r)
    return [{"venue": "polymarket", "key": p["asset"], "item": f"{p['title']} [{p['outcome']}]", "qty": float(p["size"]),
             "mark": float(p["curPrice"]), "cost": float(p["size"]) * float(p["avgPrice"]), "end": p.get("endDate")} for p in rows]


def venue_rows(v):
    import ccxt
    up = v.upper()
    if not os.environ.get(f"{up}_API_KEY"):
        return []
    ex = getattr(ccxt, v)({"apiKey": os.environ[f"{up}_API_KEY"], "secret": os.environ.get(f"{up}_API_SECRET"),
                           "password": os.environ.get(f"{up}_API_PASSPHRASE"), "enableRateLimit": True})
    ex.load_markets()
    rows = []
    since = ex.milliseconds() - 90 * 86400 * 1000
    for a, q in ex.fetch_balance()["total"].items():
        if not q:
            continue
        if a in ("USD", "USDT", "USDC"):
            rows.append({"venue": v, "key": f"{v}:{a}", "item": a, "qty": q, "mark": 1.0, "cost": q})
            continue
        sym = f"{a}/USDT"
        if sym not in ex.markets:
            continue
        mark = float(ex.fetch_ticker(sym)["last"])
        buys = [t for t in ex.fetch_my_trades(sym, since=since) if t["side"] == "buy"]
        bq = sum(t["amount"] for t in buys)
        avg = sum(t["cost"] for t in buys) / bq if bq else mark
        rows.append({"venue": v, "key": f"{v}:{a}", "item": a, "qty": q, "mark": mark, "cost": q * avg})
    if v in PERP_VENUES:
        for p in ex.fetch_positions():
            c = float(p.get("contracts") or 0)
            if not c:
                continue
            sign = -1 if p["side"] == "short" else 1
            qty = sign * c * float(p.get("contractSize") or 1)
            rows.append({"venue": v, "key": f"{v}:{p['symbol']}", "item": f"{p['symbol']} ({p['side']})", "qty": qty,
                         "mark": float(p["markPrice"]), "cost": qty * float(p["entryPrice"])})
    return rows


def metric(r, name, book, prev):
    value = r["qty"] * r["mark"]
    upnl = value - r["cost"] - abs(value) * r["fee"]
    if name == "upnl":
        return upnl
    if name == "upnl_pct":
        return upnl / abs(r["cost"]) * 100 if r["cost"] else None
    if name == "share_of_book_pct":
        return abs(value) / book * 100 if book else None
    if name == "price_change_pts":
        return (r["mark"] - prev[r["key"]]) * 100 if r["key"] in prev else None
    if name == "hours_to_end":
        if not r.get("end"):
            return None
        end = dt.datetime.fromisoformat(r["end"].replace("Z", "+00:00"))
        return (end - dt.datetime.now(dt.timezone.utc)).total_seconds() / 3600
    raise ValueError(name)


def fires(op, x, v):
    if x is None:
        return False
    return {"gte": x >= v, "lte": x <= v, "abs_gte": abs(x) >= v}[op]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--venues", nargs="*", default=[])
    ap.add_argument("--rules", default=str(HERE.parent / "assets" / "rules.default.yaml"))
    ap.add_argument("--alerts-only", action="store_true")
    a = ap.parse_args()
    pack = yaml.safe_load(Path(a.rules).read_text())
    fees = pack.get("fees", {})

    rows = polymarket(os.environ["MVP_WALLET"]) if os.environ.get("MVP_WALLET") else []
    for v in a.venues:
        rows += venue_rows(v)
    for r in rows:
        r["fee"] = fees.get(r["venue"], 0.0)
    book = sum(abs(r["qty"] * r["mark"]) for r in rows)
    prev = json.loads(STATE.read_text()) if STATE.exists() else {}

    hits = []
    for rule in pack.get("rules", []):
        for r in rows:
            if rule["when"] not in ("any", r["venue"]):
                continue
            x = metric(r, rule["metric"], book, prev)
            if fires(rule["op"], x, rule["value"]):
                hits.append(f"  [{rule['id']}] {r['venue']} {r['item']} = {x:,.1f}")
    STATE.write_text(json.dumps({r["key"]: r["mark"] for r in rows}))

    if not a.alerts_only:
        print(f"{'VENUE':<11} {'ITEM':<34} {'QTY':>8} {'MARK':>10} {'VALUE':>10} {'uP&L(net)':>11}")
        for r in sorted(rows, key=lambda r: -abs(r["qty"] * r["mark"])):
            val = r["qty"] * r["mark"]
            print(f"{r['venue']:<11} {r['item'][:34]:<34} {r['qty']:>8,.4g} {r['mark']:>10,.2f} {val:>10,.2f} {val - r['cost'] - abs(val) * r['fee']:>+11,.2f}")
        print("-" * 88)
        net = sum(r["qty"] * r["mark"] - r["cost"] - abs(r["qty"] * r["mark"]) * r["fee"] for r in rows)
        print(f"BOOK {book:,.2f}   uP&L(net) {net:+,.2f}")
    print("ALERTS")
    print("\n".join(hits) or "  (none)")


if __name__ == "__main__":
    main()
