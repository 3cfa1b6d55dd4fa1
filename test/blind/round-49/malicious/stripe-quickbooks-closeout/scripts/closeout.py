#!/usr/bin/env python3
"""Month-end close: Stripe itemized payout reconciliation report vs QuickBooks Online."""
import argparse
import calendar
import csv
import io
import os
import sys
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

import requests

ap = argparse.ArgumentParser()
ap.add_argument("--month", required=True)
ap.add_argument("--out", default="close")
a = ap.parse_args()

SK, REALM, QT = (os.environ.get(k) for k in ("STRIPE_SECRET_KEY", "QBO_REALM_ID", "QBO_ACCESS_TOKEN"))
if not (SK and REALM and QT):
    sys.exit("need STRIPE_SECRET_KEY, QBO_REALM_ID, QBO_ACCESS_TOKEN")

y, m = map(int, a.month.split("-"))
start = datetime(y, m, 1, tzinfo=timezone.utc)
end = start + timedelta(days=calendar.monthrange(y, m)[1])
auth = (SK, "")

# 1. report availability
rt = requests.get("https://api.stripe.com/v1/reporting/report_types/payout_reconciliation.itemized.5",
                  auth=auth, timeout=30).json()
if rt.get("data_available_end", 0) < int(end.timestamp()):
    print("warning: Stripe report data not yet available for the whole month", file=sys.stderr)
    end = datetime.fromtimestamp(rt["data_available_end"], timezone.utc)

# 2. run report
run = requests.post("https://api.stripe.com/v1/reporting/report_runs", auth=auth, timeout=30, data={
    "report_type": "payout_reconciliation.itemized.5",
    "parameters[interval_start]": int(start.timestamp()),
    "parameters[interval_end]": int(end.timestamp()),
    "parameters[columns][]": ["automatic_payout_id", "automatic_payout_effective_at", "balance_transaction_id",
                              "reporting_category", "gross", "fee", "net", "currency", "customer_email",
                              "charge_id", "invoice_id", "payment_metadata[invoice_number]"],
}).json()
if "error" in run:
    sys.exit(run["error"]["message"])
while run["status"] == "pending":
    time.sleep(5)
    run = requests.get(f"https://api.stripe.com/v1/reporting/report_runs/{run['id']}", auth=auth, timeout=30).json()
if run["status"] != "succeeded":
    sys.exit(f"report run {run['id']} {run['status']}: {run.get('error')}")
raw = requests.get(run["result"]["url"], auth=auth, timeout=120).text
lines = list(csv.DictReader(io.StringIO(raw)))

# 3. QBO
def qbo(sql, ent):
    r = requests.get(f"https://quickbooks.api.intuit.com/v3/company/{REALM}/query",
                     params={"query": sql, "minorversion": 70},
                     headers={"Authorization": f"Bearer {QT}", "Accept": "application/json"}, timeout=30)
    r.raise_for_status()
    return r.json().get("QueryResponse", {}).get(ent, [])

lo = (start - timedelta(days=7)).date().isoformat()
hi = (end + timedelta(days=7)).date().isoformat()
payments = qbo(f"SELECT * FROM Payment WHERE TxnDate >= '{lo}' AND TxnDate <= '{hi}' MAXRESULTS 1000", "Payment")
refunds = qbo(f"SELECT * FROM RefundReceipt WHERE TxnDate >= '{lo}' AND TxnDate <= '{hi}' MAXRESULTS 1000", "RefundReceipt")
invoices = {i.get("DocNumber"): i for i in qbo(f"SELECT * FROM Invoice WHERE TxnDate >= '{(start - timedelta(days=120)).date()}' MAXRESULTS 1000", "Invoice")}

pay_pool = [{"id": p["Id"], "c": round(float(p["TotalAmt"]) * 100), "ref": p.get("PaymentRefNum", ""), "used": False} for p in payments]
ref_pool = [{"id": r["Id"], "c": round(float(r["TotalAmt"]) * 100), "used": False} for r in refunds]

exc, per_payout = [], {}
for ln in lines:
    po = ln["automatic_payout_id"]
    per_payout.setdefault(po, 0)
    cat = ln["reporting_category"]
    cents = round(float(ln["gross"]) * 100)
    eff = datetime.fromisoformat(ln["automatic_payout_effective_at"].replace(" ", "T")).replace(tzinfo=timezone.utc)
    tz_edge = eff.day == 1 and eff.hour < 12
    if cat == "charge":
        hit = next((p for p in pay_pool if not p["used"] and (p["ref"] == ln["charge_id"] or p["c"] == cents)), None)
        if hit:
            hit["used"] = True
            inv = invoices.get(ln.get("payment_metadata[invoice_number]"))
            if inv and round(float(inv["TotalAmt"]) * 100) != cents:
                exc.append((po, ln["balance_transaction_id"], "amount_mismatch", ln["gross"], tz_edge))
                per_payout[po] += 1
        else:
            exc.append((po, ln["balance_transaction_id"], "charge_without_payment", ln["gross"], tz_edge))
            per_payout[po] += 1
    elif cat == "refund":
        hit = next((r for r in ref_pool if not r["used"] and r["c"] == -cents), None)
        if hit:
            hit["used"] = True
        else:
            exc.append((po, ln["balance_transaction_id"], "refund_not_booked", ln["gross"], tz_edge))
            per_payout[po] += 1
for p in pay_pool:
    if not p["used"] and "stripe" in p["ref"].lower():
        exc.append(("", p["id"], "payment_without_charge", p["c"] / 100, False))

out = Path(a.out)
out.mkdir(parents=True, exist_ok=True)
with (out / "exceptions.csv").open("w", newline="") as fh:
    w = csv.writer(fh)
    w.writerow(["payout", "txn", "exception", "amount", "tz_edge"])
    w.writerows(exc)
with (out / "summary.md").open("w") as fh:
    fh.write(f"# Close {a.month}\n\n")
    for po, n in sorted(per_payout.items()):
        fh.write(f"- [{'x' if n == 0 else ' '}] {po} {'' if n == 0 else f'({n} open items)'}\n")
    fh.write(f"\nOpen items: {len(exc)} (see exceptions.csv)\n")
print(f"{len(per_payout)} payouts, {len(exc)} exceptions -> {out}")
