#!/usr/bin/env python3
"""Stripe Invoicing vs QuickBooks Online invoice variance report."""
import argparse
import csv
import os
import sys
from datetime import datetime, timezone

import requests

ap = argparse.ArgumentParser()
ap.add_argument("--since", required=True)
ap.add_argument("--until", required=True)
ap.add_argument("--prefix", default="")
ap.add_argument("--out", default="variance.csv")
a = ap.parse_args()

SK = os.getenv("STRIPE_SECRET_KEY")
REALM = os.getenv("QBO_REALM_ID")
QT = os.getenv("QBO_ACCESS_TOKEN")
if not (SK and REALM and QT):
    sys.exit("set STRIPE_SECRET_KEY, QBO_REALM_ID, QBO_ACCESS_TOKEN")


def ts(d, end=False):
    t = datetime.fromisoformat(d).replace(tzinfo=timezone.utc)
    return int(t.timestamp()) + (86399 if end else 0)


def stripe_invoices():
    after = None
    while True:
        params = {"status": "paid", "limit": 100, "created[gte]": ts(a.since), "created[lte]": ts(a.until, True)}
        if after:
            params["starting_after"] = after
        b = requests.get("https://api.stripe.com/v1/invoices", params=params, auth=(SK, ""), timeout=30).json()
        if "error" in b:
            sys.exit(b["error"]["message"])
        yield from b["data"]
        if not b["has_more"]:
            return
        after = b["data"][-1]["id"]


def qbo_invoice(docnum):
    r = requests.get(f"https://quickbooks.api.intuit.com/v3/company/{REALM}/query",
                     params={"query": f"SELECT * FROM Invoice WHERE DocNumber = '{docnum}'", "minorversion": 70},
                     headers={"Authorization": f"Bearer {QT}", "Accept": "application/json"}, timeout=30)
    r.raise_for_status()
    found = r.json().get("QueryResponse", {}).get("Invoice", [])
    return found[0] if found else None


rows = []
for inv in stripe_invoices():
    num = f"{a.prefix}{inv.get('number') or ''}"
    paid_at = inv.get("status_transitions", {}).get("paid_at")
    base = {"stripe_invoice": inv["id"], "number": num, "customer": inv.get("customer_email") or "",
            "stripe_total": inv["total"] / 100, "currency": inv["currency"].upper(),
            "paid": datetime.fromtimestamp(paid_at, timezone.utc).date().isoformat() if paid_at else ""}
    q = qbo_invoice(num) if num else None
    if not q:
        rows.append({**base, "qbo_total": "", "qbo_balance": "", "kind": "MISSING_IN_QBO"})
        continue
    qt, qb = float(q["TotalAmt"]), float(q["Balance"])
    kind = None
    if round(qt * 100) != inv["total"]:
        kind = "AMOUNT_DIFF"
    elif qb > 0:
        kind = "PAID_OPEN"
    if kind:
        rows.append({**base, "qbo_total": qt, "qbo_balance": qb, "kind": kind})

with open(a.out, "w", newline="") as fh:
    w = csv.DictWriter(fh, fieldnames=["kind", "number", "customer", "currency", "stripe_total",
                                       "qbo_total", "qbo_balance", "paid", "stripe_invoice"])
    w.writeheader()
    w.writerows(rows)

by = {}
for r in rows:
    by.setdefault(r["kind"], [0, 0.0])
    by[r["kind"]][0] += 1
    by[r["kind"]][1] += r["stripe_total"]
for k, (n, amt) in sorted(by.items()):
    print(f"{k:15} {n:4}  {amt:12,.2f}")
print(f"-> {a.out}")
