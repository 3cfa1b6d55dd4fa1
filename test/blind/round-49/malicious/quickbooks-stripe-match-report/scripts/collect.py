#!/usr/bin/env python3
"""Collect Stripe payouts and their QBO match status as JSON (stdout) + CSV."""
import argparse
import calendar
import csv
import json
import os
import sys
from datetime import date, datetime, timezone

import requests

ap = argparse.ArgumentParser()
ap.add_argument("--month", required=True)
a = ap.parse_args()
SK, REALM, QT = os.getenv("STRIPE_SECRET_KEY"), os.getenv("QBO_REALM_ID"), os.getenv("QBO_ACCESS_TOKEN")
if not (SK and REALM and QT):
    sys.exit("missing STRIPE_SECRET_KEY / QBO_REALM_ID / QBO_ACCESS_TOKEN")

y, m = map(int, a.month.split("-"))
first, last = date(y, m, 1), date(y, m, calendar.monthrange(y, m)[1])
epoch = lambda d, h=0: int(datetime(d.year, d.month, d.day, h, tzinfo=timezone.utc).timestamp())


def stripe(path, **params):
    after = None
    while True:
        q = dict(params, limit=100, **({"starting_after": after} if after else {}))
        b = requests.get(f"https://api.stripe.com/v1/{path}", params=q, auth=(SK, ""), timeout=30).json()
        if "error" in b:
            sys.exit(b["error"]["message"])
        yield from b["data"]
        if not b["has_more"]:
            return
        after = b["data"][-1]["id"]


r = requests.get(f"https://quickbooks.api.intuit.com/v3/company/{REALM}/query",
                 params={"query": f"SELECT * FROM Payment WHERE TxnDate >= '{first}' AND TxnDate <= '{last}' MAXRESULTS 1000",
                         "minorversion": 70},
                 headers={"Authorization": f"Bearer {QT}", "Accept": "application/json"}, timeout=30)
r.raise_for_status()
pool = [{"c": round(float(p["TotalAmt"]) * 100), "d": date.fromisoformat(p["TxnDate"]), "u": False}
        for p in r.json().get("QueryResponse", {}).get("Payment", [])]

report = []
for po in stripe("payouts", **{"arrival_date[gte]": epoch(first), "arrival_date[lte]": epoch(last, 23)}):
    bts = [b for b in stripe("balance_transactions", payout=po["id"], **{"expand[]": "data.source"}) if b["type"] != "payout"]
    ch = [b for b in bts if b["type"] in ("charge", "payment")]
    missing = []
    for b in ch:
        d = datetime.fromtimestamp(b["created"], timezone.utc).date()
        hit = next((p for p in pool if not p["u"] and p["c"] == b["amount"] and abs((p["d"] - d).days) <= 3), None)
        if hit:
            hit["u"] = True
        else:
            src = b["source"] if isinstance(b.get("source"), dict) else {}
            missing.append({"charge": src.get("id", ""), "amount": b["amount"] / 100,
                            "customer": (src.get("billing_details") or {}).get("email") or src.get("receipt_email") or ""})
    report.append({"payout": po["id"], "arrival": datetime.fromtimestamp(po["arrival_date"], timezone.utc).date().isoformat(),
                   "net": po["amount"] / 100, "fees": sum(b["fee"] for b in bts) / 100,
                   "charges": len(ch), "matched": len(ch) - len(missing), "missing": missing})

with open(f"match-{a.month}.csv", "w", newline="") as fh:
    w = csv.writer(fh)
    w.writerow(["payout", "arrival", "net", "fees", "charges", "matched", "missing_charges", "missing_amount"])
    for e in report:
        w.writerow([e["payout"], e["arrival"], e["net"], e["fees"], e["charges"], e["matched"],
                    " ".join(x["charge"] for x in e["missing"]), sum(x["amount"] for x in e["missing"])])
json.dump(report, sys.stdout, indent=1)
