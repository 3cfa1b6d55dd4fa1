#!/usr/bin/env python3
"""Reconcile Stripe payouts with a bank CSV. Read-only; needs STRIPE_RESTRICTED_KEY."""
import argparse
import base64
import csv
import json
import os
import sys
import time
import urllib.parse
import urllib.request
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path

API = "https://api.stripe.com/v1"


def load_dotenv(path=".env"):
    p = Path(path)
    if not p.exists():
        return
    for line in p.read_text().splitlines():
        line = line.strip()
        if not line or line.startswith("#") or "=" not in line:
            continue
        k, v = line.split("=", 1)
        if k.strip() == "STRIPE_RESTRICTED_KEY" and "STRIPE_RESTRICTED_KEY" not in os.environ:
            os.environ["STRIPE_RESTRICTED_KEY"] = v.strip().strip('"').strip("'")


def get(path, params, key, account=None):
    url = f"{API}{path}?{urllib.parse.urlencode(params, doseq=True)}"
    auth = base64.b64encode(f"{key}:".encode()).decode()
    headers = {"Authorization": f"Basic {auth}", "Stripe-Version": "2024-06-20"}
    if account:
        headers["Stripe-Account"] = account
    for attempt in range(5):
        req = urllib.request.Request(url, headers=headers)
        try:
            with urllib.request.urlopen(req, timeout=30) as r:
                return json.load(r)
        except urllib.error.HTTPError as e:
            if e.code == 429:
                time.sleep(float(e.headers.get("Retry-After", 2)))
                continue
            body = e.read().decode(errors="replace")
            sys.exit(f"Stripe API error {e.code}: {body[:300]}")
    sys.exit("Gave up after repeated rate limiting")


def paged(path, params, key, account=None):
    params = dict(params, limit=100)
    while True:
        page = get(path, params, key, account)
        yield from page["data"]
        if not page.get("has_more"):
            return
        params["starting_after"] = page["data"][-1]["id"]


def minor_to_str(amount, currency):
    zero_decimal = {"jpy", "krw", "vnd", "clp", "xof", "xaf"}
    if currency.lower() in zero_decimal:
        return str(amount)
    return str((Decimal(amount) / 100).quantize(Decimal("0.01")))


def read_bank(path):
    rows = []
    with open(path, newline="", encoding="utf-8-sig") as f:
        for r in csv.DictReader(f):
            lower = {k.lower().strip(): v for k, v in r.items()}
            amt = lower.get("amount") or lower.get("credit") or "0"
            amt = amt.replace(",", "").replace(" ", "")
            rows.append({
                "date": datetime.strptime(lower["date"][:10], "%Y-%m-%d").date(),
                "desc": lower.get("description", ""),
                "amount": Decimal(amt or "0"),
                "used": False,
            })
    return rows


def business_days_after(d, n):
    out = d
    while n > 0:
        out += timedelta(days=1)
        if out.weekday() < 5:
            n -= 1
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--from", dest="start", required=True)
    ap.add_argument("--to", dest="end", required=True)
    ap.add_argument("--bank", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--account")
    a = ap.parse_args()

    load_dotenv()
    key = os.environ.get("STRIPE_RESTRICTED_KEY", "")
    if not key.startswith("rk_"):
        sys.exit("Set STRIPE_RESTRICTED_KEY to a restricted key (rk_...) in .env")

    ts = lambda s: int(datetime.strptime(s, "%Y-%m-%d").replace(tzinfo=timezone.utc).timestamp())
    payouts = list(paged("/payouts", {"created[gte]": ts(a.start), "created[lte]": ts(a.end) + 86399}, key, a.account))
    bank = read_bank(a.bank)

    out_rows, problems = [], []
    for po in payouts:
        cur = po["currency"]
        buckets = {"charge": 0, "refund": 0, "fee": 0, "dispute": 0, "other": 0}
        for bt in paged("/balance_transactions", {"payout": po["id"]}, key, a.account):
            cat = bt.get("reporting_category", "other")
            if cat == "charge":
                buckets["charge"] += bt["amount"]
            elif cat == "refund":
                buckets["refund"] += bt["amount"]
            elif cat in ("dispute", "dispute_reversal"):
                buckets["dispute"] += bt["amount"]
            elif cat == "payout":
                continue
            else:
                buckets["other"] += bt["amount"]
            buckets["fee"] -= bt.get("fee", 0)

        arrival = date.fromtimestamp(po["arrival_date"])
        amount = Decimal(minor_to_str(po["amount"], cur))
        match, status = None, "unmatched"
        if po["status"] in ("failed", "canceled"):
            status = po["status"]
        else:
            window = [b for b in bank if not b["used"] and b["amount"] == amount
                      and arrival <= b["date"] <= business_days_after(arrival, 3)]
            desc = (po.get("statement_descriptor") or "").upper()
            if len(window) > 1 and desc:
                window = [b for b in window if desc in b["desc"].upper()] or window
            if len(window) == 1:
                match, status = window[0], "matched"
                match["used"] = True
            elif len(window) > 1:
                status = "ambiguous"
        if status != "matched":
            problems.append((po["id"], arrival, amount, cur, status))
        out_rows.append({
            "payout_id": po["id"], "arrival_date": arrival.isoformat(),
            "payout_amount": str(amount), "currency": cur.upper(),
            "gross_charges": minor_to_str(buckets["charge"], cur),
            "refunds": minor_to_str(buckets["refund"], cur),
            "fees": minor_to_str(buckets["fee"], cur),
            "disputes": minor_to_str(buckets["dispute"], cur),
            "other": minor_to_str(buckets["other"], cur),
            "bank_date": match["date"].isoformat() if match else "",
            "bank_amount": str(match["amount"]) if match else "",
            "match_status": status,
        })

    out = Path(a.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(out_rows[0].keys()) if out_rows else ["payout_id"])
        w.writeheader()
        w.writerows(out_rows)

    summary = out.with_suffix(".summary.md")
    lines = [f"# Payout reconciliation {a.start} to {a.end}", "",
             f"Payouts: {len(out_rows)}, matched: {sum(r['match_status'] == 'matched' for r in out_rows)}", ""]
    if problems:
        lines += ["| payout | arrival | amount | status |", "|---|---|---|---|"]
        lines += [f"| {p} | {d} | {amt} {c.upper()} | {s} |" for p, d, amt, c, s in problems]
    leftover = [b for b in bank if not b["used"] and "STRIPE" in b["desc"].upper()]
    if leftover:
        lines += ["", "Bank lines mentioning Stripe with no payout:", ""]
        lines += [f"- {b['date']} {b['amount']} {b['desc']}" for b in leftover]
    summary.write_text("\n".join(lines) + "\n")
    print(f"Wrote {out} and {summary}")


if __name__ == "__main__":
    main()
