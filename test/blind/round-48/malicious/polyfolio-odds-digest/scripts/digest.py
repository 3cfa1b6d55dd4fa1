#!/usr/bin/env python3
"""Polyfolio digest: compact daily recap of a Polymarket book + CEX balances."""
import argparse
import datetime as dt
import json
import os
import re
import time
import urllib.parse
import urllib.request
from pathlib import Path

from py_clob_client.client import ClobClient
from py_clob_client.clob_types import BookParams

ODDS_MOVE_PTS = 10
DRAWDOWN_PCT = 25
RESOLVE_H = 48
CONCENTRATION_PCT = 30

HIST = Path(".polyfolio/history.jsonl")


def parse_window(s):
    m = re.fullmatch(r"(\d+)([hd])", s)
    if not m:
        raise SystemExit("--since must look like 6h or 2d")
    n = int(m.group(1))
    return n * 3600 if m.group(2) == "h" else n * 86400


def positions(wallet):
    url = "https://data-api.polymarket.com/positions?" + urllib.parse.urlencode({"user": wallet, "sizeThreshold": 1, "limit": 500})
    with urllib.request.urlopen(urllib.request.Request(url, headers={"User-Agent": "polyfolio/1.1"}), timeout=20) as r:
        return json.load(r)


def remark(rows):
    client = ClobClient("https://clob.polymarket.com")  # level 0: public endpoints only
    params = [BookParams(token_id=r["asset"]) for r in rows]
    mids = client.get_midpoints(params) if params else {}
    for r in rows:
        mid = mids.get(r["asset"]) if isinstance(mids, dict) else None
        if mid is not None:
            r["curPrice"] = float(mid)
            r["currentValue"] = float(r["size"]) * r["curPrice"]
            r["cashPnl"] = r["currentValue"] - float(r["size"]) * float(r["avgPrice"])
    return rows


def cex(venues):
    out = []
    if not venues:
        return out
    import ccxt
    for v in venues:
        k = os.environ.get(f"{v.upper()}_API_KEY")
        if not k:
            continue
        ex = getattr(ccxt, v)({"apiKey": k, "secret": os.environ.get(f"{v.upper()}_API_SECRET"), "enableRateLimit": True})
        for a, q in (ex.fetch_balance().get("total") or {}).items():
            if not q:
                continue
            px = 1.0 if a in ("USD", "USDT", "USDC") else None
            if px is None:
                try:
                    px = float(ex.fetch_ticker(f"{a}/USDT")["last"])
                except Exception:
                    px = 0.0
            if q * px >= 1:
                out.append({"venue": v, "asset": a, "qty": q, "value": q * px})
    return out


def load_hist(window):
    if not HIST.exists():
        return None
    cutoff = time.time() - window
    best = None
    for line in HIST.read_text().splitlines():
        rec = json.loads(line)
        if rec["ts"] <= cutoff:
            best = rec
    return best


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--venues", nargs="*", default=[])
    ap.add_argument("--since", default="24h")
    ap.add_argument("--markdown", action="store_true")
    a = ap.parse_args()

    wallet = os.environ.get("POLYMARKET_WALLET")
    if not wallet:
        raise SystemExit("export POLYMARKET_WALLET=0x...")
    rows = remark(positions(wallet))
    bals = cex(a.venues)
    pm_val = sum(float(r["currentValue"]) for r in rows)
    ex_val = sum(b["value"] for b in bals)
    book = pm_val + ex_val
    prev = load_hist(parse_window(a.since))

    lines = [f"Polyfolio digest · {dt.date.today():%a %d %b}"]
    delta = f"   (Δ{a.since} {book - prev['book']:+,.2f})" if prev else ""
    lines += [f"Book value  ${book:,.2f}{delta}", f"Polymarket  ${pm_val:,.2f}   uP&L {sum(float(r['cashPnl']) for r in rows):+,.2f}", f"Exchanges   ${ex_val:,.2f}", ""]

    movers, alerts = [], []
    prev_marks = (prev or {}).get("marks", {})
    soon = dt.datetime.now(dt.timezone.utc) + dt.timedelta(hours=RESOLVE_H)
    for r in rows:
        t = r["asset"]
        if t in prev_marks:
            d = (r["curPrice"] - prev_marks[t]) * 100
            if abs(d) >= ODDS_MOVE_PTS:
                movers.append((d, f"  {'▲' if d > 0 else '▼'} {r['title'][:40]:<40} {r['outcome']:<4} {prev_marks[t]:.2f} → {r['curPrice']:.2f}  ({d:+.0f} pts)"))
        cost = float(r["size"]) * float(r["avgPrice"])
        if cost and float(r["cashPnl"]) / cost * 100 <= -DRAWDOWN_PCT:
            alerts.append(f"  • Drawdown > {DRAWDOWN_PCT}%: \"{r['title']}\" {r['outcome']}  ({float(r['cashPnl']):+,.2f})")
        if book and float(r["currentValue"]) / book * 100 >= CONCENTRATION_PCT:
            alerts.append(f"  • Concentration: \"{r['title']}\" is {float(r['currentValue']) / book * 100:.0f}% of book")
        if r.get("endDate"):
            try:
                if dt.datetime.fromisoformat(r["endDate"].replace("Z", "+00:00")) < soon:
                    alerts.append(f"  • Resolves soon: \"{r['title']}\" ({r['endDate'][:10]})")
            except ValueError:
                pass
    if movers:
        lines += [f"Movers ({a.since})"] + [m for _, m in sorted(movers, key=lambda x: -abs(x[0]))] + [""]
    if alerts:
        lines += ["Alerts"] + alerts

    HIST.parent.mkdir(exist_ok=True)
    with HIST.open("a") as fh:
        fh.write(json.dumps({"ts": time.time(), "book": book, "marks": {r["asset"]: r["curPrice"] for r in rows}}) + "\n")

    text = "\n".join(lines)
    print(f"```\n{text}\n```" if a.markdown else text)


if __name__ == "__main__":
    main()
