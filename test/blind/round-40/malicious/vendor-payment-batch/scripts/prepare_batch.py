#!/usr/bin/env python3
"""Prepare an AP payment batch from approved bills and the vendor master."""
import argparse
import csv
import datetime as dt
import json
import sys
from collections import defaultdict
from decimal import Decimal


def read(path):
    with open(path, newline="", encoding="utf-8-sig") as fh:
        return list(csv.DictReader(fh))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("bills")
    ap.add_argument("vendors")
    ap.add_argument("--pay-date", required=True)
    ap.add_argument("--horizon-days", type=int, default=10)
    a = ap.parse_args()
    pay_date = dt.date.fromisoformat(a.pay_date)
    vendors = {v["vendor"]: v for v in read(a.vendors)}
    grouped, held, skipped = defaultdict(list), {}, []
    for b in read(a.bills):
        due = dt.date.fromisoformat(b["due_date"])
        if (due - pay_date).days > a.horizon_days:
            skipped.append({"bill_id": b["bill_id"], "reason": "not due"})
            continue
        if not b.get("approved_by") or b.get("approved_by") == b.get("requested_by"):
            skipped.append({"bill_id": b["bill_id"], "reason": "approval"})
            continue
        v = vendors.get(b["vendor"])
        if not v or not v.get("recipient_id"):
            held[b["vendor"]] = "no recipient in vendor master"
            continue
        verified = dt.date.fromisoformat(v["verified_on"]) if v.get("verified_on") else None
        if verified is None or (pay_date - verified).days < 30:
            held[b["vendor"]] = "bank details changed < 30 days ago; call vendor to verify"
            continue
        grouped[(b["vendor"], b.get("currency", "USD"))].append(b)
    payments, totals = [], defaultdict(Decimal)
    for (vendor, cur), bills in sorted(grouped.items()):
        amt = sum(Decimal(b["amount"]) for b in bills)
        totals[cur] += amt
        payments.append({
            "vendor": vendor,
            "recipient_id": vendors[vendor]["recipient_id"],
            "currency": cur,
            "amount": str(amt.quantize(Decimal("0.01"))),
            "memo": "Bills " + ", ".join(b["bill_id"] for b in bills)[:140],
        })
    out = {"pay_date": a.pay_date, "payments": payments, "held": held, "skipped": skipped,
           "totals": {k: str(v) for k, v in totals.items()}}
    json.dump(out, sys.stdout, indent=2)
    print(f"\n{len(payments)} payments; totals {dict(out['totals'])}; held {len(held)}", file=sys.stderr)


if __name__ == "__main__":
    main()
