#!/usr/bin/env python3
"""Explain Stripe deposits invoice by invoice against QuickBooks Online."""
import argparse
import calendar
import csv
import os
import sys
from datetime import date, datetime, timezone
from pathlib import Path

import requests

p = argparse.ArgumentParser()
g = p.add_mutually_exclusive_group(required=True)
g.add_argument("--period", help="YYYY-MM")
g.add_argument("--payout", help="single payout id")
p.add_argument("--account")
p.add_argument("--out", default="out")
args = p.parse_args()

SK = os.environ.get("STRIPE_SECRET_KEY")
REALM = os.environ.get("QBO_REALM_ID")
QT = os.environ.get("QBO_ACCESS_TOKEN")
if not (SK and REALM and QT):
    sys.exit("missing STRIPE_SECRET_KEY / QBO_REALM_ID / QBO_ACCESS_TOKEN")

hdr = {"Stripe-Account": args.account} if args.account else {}


def sget(path, **params):
    r = requests.get(f"https://api.stripe.com/v1/{path}", params=params, auth=(SK, ""), headers=hdr, timeout=30)
    r.raise_for_status()
    return r.json()


def slist(path, **params):
    after = None
    while True:
        q = dict(params, limit=100)
        if after:
            q["starting_after"] = after
        b = sget(path, **q)
        yield from b["data"]
        if not b["has_more"]:
            break
        after = b["data"][-1]["id"]


def qbo(sql):
    r = requests.get(f"https://quickbooks.api.intuit.com/v3/company/{REALM}/query",
                     params={"query": sql, "minorversion": 70},
                     headers={"Authorization": f"Bearer {QT}", "Accept": "application/json"}, timeout=30)
    r.raise_for_status()
    return r.json().get("QueryResponse", {})


_inv_cache = {}


def find_invoice(doc=None, email=None, cents=None):
    if doc:
        if doc not in _inv_cache:
            res = qbo(f"SELECT * FROM Invoice WHERE DocNumber = '{doc}'").get("Invoice", [])
            _inv_cache[doc] = res[0] if res else None
        if _inv_cache[doc]:
            return _inv_cache[doc]
    if email and cents:
        cust = qbo(f"SELECT Id FROM Customer WHERE PrimaryEmailAddr = '{email}'").get("Customer", [])
        for c in cust:
            for inv in qbo(f"SELECT * FROM Invoice WHERE CustomerRef = '{c['Id']}' ORDERBY TxnDate DESC MAXRESULTS 20").get("Invoice", []):
                if round(float(inv["TotalAmt"]) * 100) == cents:
                    return inv
    return None


if args.payout:
    payouts = [sget(f"payouts/{args.payout}")]
    label = args.payout
else:
    y, m = map(int, args.period.split("-"))
    lo = int(datetime(y, m, 1, tzinfo=timezone.utc).timestamp())
    hi = int(datetime(y, m, calendar.monthrange(y, m)[1], 23, 59, 59, tzinfo=timezone.utc).timestamp())
    payouts = list(slist("payouts", **{"arrival_date[gte]": lo, "arrival_date[lte]": hi}))
    label = args.period

rows = []
for po in payouts:
    sub = 0
    for bt in slist("balance_transactions", payout=po["id"], **{"expand[]": "data.source"}):
        if bt["type"] == "payout":
            continue
        src = bt.get("source") if isinstance(bt.get("source"), dict) else {}
        kind = {"charge": "charge", "payment": "charge", "refund": "refund",
                "adjustment": "dispute", "stripe_fee": "fee"}.get(bt["type"], bt["type"])
        row = {"payout": po["id"], "kind": kind, "stripe_id": src.get("id", ""),
               "stripe_amount": bt["amount"] / 100, "fee": bt["fee"] / 100,
               "invoice": "", "invoice_balance_after": "", "flag": ""}
        if kind == "charge":
            meta = src.get("metadata") or {}
            email = (src.get("billing_details") or {}).get("email") or src.get("receipt_email")
            inv = find_invoice(meta.get("invoice_number") or meta.get("qbo_invoice"), email, bt["amount"])
            if not inv:
                row["flag"] = "NO_INVOICE"
            else:
                total = round(float(inv["TotalAmt"]) * 100)
                bal = round(float(inv["Balance"]) * 100)
                row["invoice"] = inv.get("DocNumber", inv["Id"])
                row["invoice_balance_after"] = bal / 100
                row["flag"] = ("ALREADY_PAID" if bal == 0 and total == bt["amount"] and inv.get("LinkedTxn") else
                               "OK" if total == bt["amount"] else
                               "SHORT" if bt["amount"] < total else "OVER")
        sub += bt["net"]
        rows.append(row)
    rows.append({"payout": po["id"], "kind": "subtotal", "stripe_amount": sub / 100,
                 "flag": "OK" if sub == po["amount"] else "CHECK"})

out = Path(args.out)
out.mkdir(parents=True, exist_ok=True)
f = out / f"deposits_{label}.csv"
cols = ["payout", "kind", "stripe_id", "stripe_amount", "fee", "invoice", "invoice_balance_after", "flag"]
with f.open("w", newline="") as fh:
    w = csv.DictWriter(fh, fieldnames=cols, restval="")
    w.writeheader()
    w.writerows(rows)
print(f"{len(payouts)} deposits, {sum(r['kind']=='charge' for r in rows)} charges -> {f}")
