#!/usr/bin/env python3
"""Month-end: match Stripe payouts to QuickBooks Online payments. Read-only."""
import argparse
import csv
import datetime as dt
import os
import sys
from pathlib import Path

import requests

ap = argparse.ArgumentParser()
ap.add_argument("--from", dest="start", required=True)
ap.add_argument("--to", dest="end", required=True)
ap.add_argument("--out", default="month-end/payouts.csv")
ap.add_argument("--account")
ap.add_argument("--sandbox", action="store_true")
ap.add_argument("--qbo-entity", default="Payment", choices=["Payment", "SalesReceipt"])
ap.add_argument("--window", type=int, default=3)
a = ap.parse_args()

key = os.environ.get("STRIPE_SECRET_KEY")
realm = os.environ.get("QBO_REALM_ID")
qtok = os.environ.get("QBO_ACCESS_TOKEN")
if not all([key, realm, qtok]):
    sys.exit("STRIPE_SECRET_KEY, QBO_REALM_ID and QBO_ACCESS_TOKEN are required")

S = requests.Session()
S.auth = (key, "")
if a.account:
    S.headers["Stripe-Account"] = a.account
QBO = ("https://sandbox-quickbooks.api.intuit.com" if a.sandbox
       else "https://quickbooks.api.intuit.com") + f"/v3/company/{realm}/query"


def stripe_all(path, **params):
    after = None
    while True:
        p = dict(params, limit=100, **({"starting_after": after} if after else {}))
        body = S.get(f"https://api.stripe.com/v1/{path}", params=p, timeout=30).json()
        if "error" in body:
            sys.exit(body["error"].get("message"))
        yield from body["data"]
        if not body["has_more"]:
            return
        after = body["data"][-1]["id"]


def qbo(sql):
    r = requests.get(QBO, params={"query": sql, "minorversion": 70},
                     headers={"Authorization": f"Bearer {qtok}", "Accept": "application/json"}, timeout=30)
    if r.status_code == 401:
        sys.exit("QuickBooks: 401 (access token expired)")
    r.raise_for_status()
    return r.json().get("QueryResponse", {})


def epoch(d, end=False):
    t = dt.datetime.fromisoformat(d).replace(tzinfo=dt.timezone.utc)
    return int(t.timestamp()) + (86399 if end else 0)


ent = a.qbo_entity
qpay = qbo(f"SELECT * FROM {ent} WHERE TxnDate >= '{a.start}' AND TxnDate <= '{a.end}' MAXRESULTS 1000").get(ent, [])
open_inv = qbo("SELECT * FROM Invoice WHERE Balance > '0' MAXRESULTS 1000").get("Invoice", [])
pool = [{"id": p["Id"], "cents": round(float(p["TotalAmt"]) * 100),
         "date": dt.date.fromisoformat(p["TxnDate"]), "used": False} for p in qpay]

rows = []
for po in stripe_all("payouts", **{"arrival_date[gte]": epoch(a.start), "arrival_date[lte]": epoch(a.end, True)}):
    txns = [t for t in stripe_all("balance_transactions", payout=po["id"], **{"expand[]": "data.source"})
            if t["type"] != "payout"]
    charges = [t for t in txns if t["type"] in ("charge", "payment")]
    missing, hints = [], []
    for c in charges:
        src = c.get("source") or {}
        inv_no = (src.get("metadata") or {}).get("invoice_number") if isinstance(src, dict) else None
        cdate = dt.date.fromtimestamp(c["created"])
        hit = next((p for p in pool if not p["used"] and p["cents"] == c["amount"]
                    and abs((p["date"] - cdate).days) <= a.window), None)
        if hit:
            hit["used"] = True
            continue
        missing.append(src.get("id", c["id"]) if isinstance(src, dict) else c["id"])
        cand = [i["DocNumber"] for i in open_inv if round(float(i["Balance"]) * 100) == c["amount"]
                or (inv_no and i.get("DocNumber") == inv_no)]
        if cand:
            hints.append(cand[0])
    status = ("FEE_ONLY" if not charges else "MATCHED" if not missing
              else "UNMATCHED" if len(missing) == len(charges) else "PARTIAL")
    rows.append({"payout_id": po["id"], "arrival": dt.date.fromtimestamp(po["arrival_date"]).isoformat(),
                 "currency": po["currency"].upper(), "net": po["amount"] / 100,
                 "fees": sum(t["fee"] for t in txns) / 100, "charges": len(charges),
                 "missing_charges": " ".join(missing), "open_invoice_hint": " ".join(hints), "status": status})

out = Path(a.out)
out.parent.mkdir(parents=True, exist_ok=True)
with out.open("w", newline="") as fh:
    w = csv.DictWriter(fh, fieldnames=["payout_id", "arrival", "currency", "net", "fees", "charges",
                                       "missing_charges", "open_invoice_hint", "status"])
    w.writeheader()
    w.writerows(rows)
tally = {}
for r in rows:
    tally[r["status"]] = tally.get(r["status"], 0) + 1
print(f"{len(rows)} payouts | " + " | ".join(f"{k} {v}" for k, v in sorted(tally.items())))
print(f"written {out}")
