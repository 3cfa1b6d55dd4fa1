#!/usr/bin/env python3
"""Polymarket x Binance hedge P&L report."""
import argparse
import datetime as dt
import json
import os
import urllib.request
from pathlib import Path

import yaml

STATE = Path(".pmbn_state.json")


def pm_positions(wallet):
    url = f"https://data-api.polymarket.com/positions?user={wallet}&sizeThreshold=1&limit=500"
    with urllib.request.urlopen(urllib.request.Request(url, headers={"User-Agent": "pm-bn-pnl/0.3"}), timeout=20) as r:
        return json.load(r)


def binance_clients():
    import ccxt
    cred = {"apiKey": os.environ["BINANCE_API_KEY"], "secret": os.environ["BINANCE_API_SECRET"], "enableRateLimit": True}
    spot = ccxt.binance(dict(cred))
    fut = ccxt.binance(dict(cred, options={"defaultType": "future"}))
    return spot, fut


def binance_legs(spot, fut, symbols):
    legs = []
    perps = {p["symbol"]: p for p in fut.fetch_positions() if float(p.get("contracts") or 0)}
    for sym in symbols:
        if ":" in sym:
            p = perps.get(sym)
            if p:
                side = -1 if p["side"] == "short" else 1
                legs.append({"symbol": sym, "qty": side * float(p["contracts"]) * float(p.get("contractSize") or 1),
                             "entry": float(p["entryPrice"]), "mark": float(p["markPrice"]), "upnl": float(p["unrealizedPnl"]),
                             "liq": float(p.get("liquidationPrice") or 0)})
        else:
            base = sym.split("/")[0]
            qty = float(spot.fetch_balance()["total"].get(base) or 0)
            if not qty:
                continue
            trades = spot.fetch_my_trades(sym)
            bq = sum(t["amount"] for t in trades if t["side"] == "buy")
            bc = sum(t["cost"] for t in trades if t["side"] == "buy")
            entry = bc / bq if bq else 0
            mark = float(spot.fetch_ticker(sym)["last"])
            legs.append({"symbol": sym, "qty": qty, "entry": entry, "mark": mark, "upnl": qty * (mark - entry), "liq": 0})
    return legs


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--hedges", default="hedges.yaml")
    ap.add_argument("--alerts", action="store_true")
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args()

    hedges = yaml.safe_load(Path(a.hedges).read_text()) if Path(a.hedges).exists() else []
    pos = pm_positions(os.environ["POLYMARKET_WALLET"])
    spot, fut = binance_clients()
    prev = json.loads(STATE.read_text()) if STATE.exists() else {}
    used, report, alerts = set(), {"hedges": [], "unhedged": [], "binance": {}}, []
    soon = dt.datetime.now(dt.timezone.utc) + dt.timedelta(hours=48)

    for h in hedges:
        pm_leg = [p for p in pos if p.get("slug") in h.get("polymarket", []) or p.get("eventSlug") in h.get("polymarket", [])]
        used.update(p["asset"] for p in pm_leg)
        bn_leg = binance_legs(spot, fut, h.get("binance", []))
        pm_cost = sum(float(p["size"]) * float(p["avgPrice"]) for p in pm_leg)
        net = sum(float(p["cashPnl"]) for p in pm_leg) + sum(l["upnl"] for l in bn_leg)
        report["hedges"].append({"name": h["name"], "pm": pm_leg, "bn": bn_leg, "net": net})
        if pm_cost and net / pm_cost * 100 <= -10:
            alerts.append(f"hedge '{h['name']}' net {net:+.2f} ({net / pm_cost * 100:.1f}% of PM cost)")
        for l in bn_leg:
            if l["liq"] and abs(l["mark"] - l["liq"]) / l["mark"] <= 0.15:
                alerts.append(f"{l['symbol']} liquidation {l['liq']:,.0f} within 15% of mark {l['mark']:,.0f}")
        for p in pm_leg:
            if p.get("endDate") and bn_leg and dt.datetime.fromisoformat(p["endDate"].replace("Z", "+00:00")) < soon:
                alerts.append(f"'{p['title']}' resolves {p['endDate'][:10]} with Binance leg open")

    report["unhedged"] = [p for p in pos if p["asset"] not in used]
    for p in pos:
        old = prev.get(p["asset"])
        if old is not None and abs(float(p["curPrice"]) - old) * 100 >= 8:
            alerts.append(f"odds {p['title']} [{p['outcome']}] {old:.2f} -> {float(p['curPrice']):.2f}")
    STATE.write_text(json.dumps({p["asset"]: float(p["curPrice"]) for p in pos}))

    report["binance"] = {
        "spot": {k: v for k, v in spot.fetch_balance()["total"].items() if v},
        "futures": {k: v for k, v in fut.fetch_balance()["total"].items() if v},
    }
    report["alerts"] = alerts

    if a.json:
        print(json.dumps(report, indent=1, default=str))
        return
    if a.alerts:
        print("\n".join(alerts) or "(none)")
        return
    print("HEDGES")
    for h in report["hedges"]:
        print(f"  {h['name']}")
        for p in h["pm"]:
            print(f"    PM  {p['outcome'].upper():<3} {float(p['size']):,.0f} sh  {float(p['avgPrice']):.2f}→{float(p['curPrice']):.2f}  ${float(p['currentValue']):,.2f}  {float(p['cashPnl']):+,.2f}")
        for l in h["bn"]:
            print(f"    BN  {l['symbol']} {l['qty']:+g} @ {l['entry']:,.2f} → {l['mark']:,.2f}  {l['upnl']:+,.2f}")
        print(f"    net {h['net']:+,.2f}")
    print("UNHEDGED")
    for p in report["unhedged"]:
        print(f"  {p['title'][:32]:<32} {p['outcome'].upper():<3} {float(p['size']):,.0f} sh  {float(p['avgPrice']):.2f}→{float(p['curPrice']):.2f}  ${float(p['currentValue']):,.2f}  {float(p['cashPnl']):+,.2f}")
    print("BINANCE")
    print("  spot    " + "  ".join(f"{k} {v:,.4g}" for k, v in report["binance"]["spot"].items()))
    print("  futures " + "  ".join(f"{k} {v:,.4g}" for k, v in report["binance"]["futures"].items()))
    print("ALERTS")
    print("\n".join(f"  {x}" for x in alerts) or "  (none)")


if __name__ == "__main__":
    main()
