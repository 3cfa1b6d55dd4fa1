#!/usr/bin/env python3
"""marketbook: Polymarket + exchange P&L report (Markdown / CSV) with alerts."""
import csv
import datetime as dt
import io
import json
import os
import sys
import urllib.parse
import urllib.request
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
DEFAULTS = HERE.parent / "assets" / "defaults.yaml"


def deep_merge(a, b):
    out = dict(a)
    for k, v in (b or {}).items():
        out[k] = deep_merge(out[k], v) if isinstance(v, dict) and isinstance(out.get(k), dict) else v
    return out


def load_config(path="marketbook.yaml"):
    base = yaml.safe_load(DEFAULTS.read_text())
    p = Path(path)
    return deep_merge(base, yaml.safe_load(p.read_text()) if p.exists() else {})


def fetch(url, **q):
    url = url + ("?" + urllib.parse.urlencode(q) if q else "")
    with urllib.request.urlopen(urllib.request.Request(url, headers={"User-Agent": "marketbook/0.6"}), timeout=20) as r:
        return json.load(r)


def poly_positions(pm):
    if not pm.get("wallet"):
        return []
    rows = fetch("https://data-api.polymarket.com/positions", user=pm["wallet"], sizeThreshold=pm.get("min_shares", 1), limit=500)
    keep = []
    for r in rows:
        if r.get("redeemable") and not pm.get("include_resolved"):
            continue
        keep.append({
            "market": r["title"], "outcome": r["outcome"], "token": r["asset"],
            "shares": float(r["size"]), "entry": float(r["avgPrice"]), "mark": float(r["curPrice"]),
            "value": float(r["currentValue"]), "upnl": float(r["cashPnl"]), "ends": r.get("endDate") or "",
        })
    return keep


def venue_balances(venues, hide_below):
    try:
        import ccxt
    except ImportError:
        return []
    rows = []
    for v in venues:
        key = os.environ.get(f"{v.upper()}_API_KEY")
        if not key:
            continue
        ex = getattr(ccxt, v)({"apiKey": key, "secret": os.environ.get(f"{v.upper()}_API_SECRET", ""), "enableRateLimit": True})
        for asset, qty in (ex.fetch_balance().get("total") or {}).items():
            if not qty:
                continue
            a = {"XXBT": "BTC", "XBT": "BTC", "XETH": "ETH", "ZUSD": "USD"}.get(asset, asset)
            px = 1.0 if a in ("USD", "USDT", "USDC") else None
            for sym in (f"{a}/USD", f"{a}/USDT"):
                if px is not None:
                    break
                try:
                    px = float(ex.fetch_ticker(sym)["last"])
                except Exception:
                    pass
            val = qty * (px or 0)
            if val >= hide_below:
                rows.append({"venue": v, "asset": a, "qty": qty, "price": px or 0, "value": val})
    return rows


def check_alerts(pos, baseline, a):
    hits = []
    horizon = dt.datetime.now(dt.timezone.utc) + dt.timedelta(hours=a["resolve_within_h"])
    for p in pos:
        b = baseline.get(p["token"])
        if b is not None and abs(p["mark"] - b) * 100 >= a["odds_move_pts"]:
            hits.append(f"- **Odds move**: {p['market']} ({p['outcome']}) {b:.2f} → {p['mark']:.2f}")
        cost = p["shares"] * p["entry"]
        if cost and p["upnl"] / cost * 100 <= -a["drawdown_pct"]:
            hits.append(f"- **Drawdown**: {p['market']} ({p['outcome']}) {p['upnl']:+.2f}")
        try:
            if p["ends"] and dt.datetime.fromisoformat(p["ends"].replace("Z", "+00:00")) < horizon:
                hits.append(f"- **Resolving soon**: {p['market']} ({p['ends'][:10]})")
        except ValueError:
            pass
    return hits


def to_md(pos, bals, hits, cur):
    o = io.StringIO()
    o.write(f"# Portfolio report — {dt.date.today()}\n\n")
    if hits:
        o.write("## Alerts\n" + "\n".join(hits) + "\n\n")
    o.write("## Prediction markets\n| Market | Outcome | Shares | Entry | Mark | Value | uP&L |\n|---|---|--:|--:|--:|--:|--:|\n")
    for p in sorted(pos, key=lambda r: -r["value"]):
        o.write(f"| {p['market']} | {p['outcome']} | {p['shares']:,.0f} | {p['entry']:.3f} | {p['mark']:.3f} | {p['value']:,.2f} | {p['upnl']:+,.2f} |\n")
    o.write(f"\n## Exchange balances\n| Venue | Asset | Qty | Price ({cur}) | Value ({cur}) |\n|---|---|--:|--:|--:|\n")
    for b in sorted(bals, key=lambda r: -r["value"]):
        o.write(f"| {b['venue']} | {b['asset']} | {b['qty']:,.6f} | {b['price']:,.2f} | {b['value']:,.2f} |\n")
    tot = sum(p["value"] for p in pos) + sum(b["value"] for b in bals)
    o.write(f"\n**Total:** {tot:,.2f} {cur} · **Prediction-market uP&L:** {sum(p['upnl'] for p in pos):+,.2f} {cur}\n")
    return o.getvalue()


def main(cfg_path="marketbook.yaml"):
    cfg = load_config(cfg_path)
    rep = cfg["report"]
    out = Path(rep["out_dir"])
    out.mkdir(parents=True, exist_ok=True)
    pos = poly_positions(cfg["polymarket"])
    bals = venue_balances(cfg["venues"], rep["hide_below_usd"])
    base_f = out / ".baseline.json"
    baseline = json.loads(base_f.read_text()) if base_f.exists() else {}
    hits = check_alerts(pos, baseline, cfg["alerts"])
    base_f.write_text(json.dumps({p["token"]: p["mark"] for p in pos}))

    stamp = dt.date.today().isoformat()
    if "md" in rep["formats"]:
        (out / f"report-{stamp}.md").write_text(to_md(pos, bals, hits, rep["currency"]))
    if "csv" in rep["formats"] and pos:
        with open(out / f"positions-{stamp}.csv", "w", newline="") as fh:
            w = csv.DictWriter(fh, fieldnames=list(pos[0]))
            w.writeheader()
            w.writerows(pos)
    print(to_md(pos, bals, hits, rep["currency"]))


if __name__ == "__main__":
    main(*sys.argv[1:])
