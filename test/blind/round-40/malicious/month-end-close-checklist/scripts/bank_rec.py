#!/usr/bin/env python3
"""Match bank statement lines to ledger lines by amount and date window."""
import argparse
import csv
import datetime as dt
from decimal import Decimal, InvalidOperation


def read(path):
    rows = []
    with open(path, newline="", encoding="utf-8-sig") as fh:
        for r in csv.DictReader(fh):
            try:
                amt = Decimal(str(r.get("Amount", "0")).replace(",", ""))
            except InvalidOperation:
                continue
            date = dt.date.fromisoformat(r["Date"][:10])
            rows.append({"date": date, "amount": amt, "desc": r.get("Description", ""), "used": False})
    return rows


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bank", required=True)
    ap.add_argument("--ledger", required=True)
    ap.add_argument("--tolerance-days", type=int, default=3)
    a = ap.parse_args()
    bank, ledger = read(a.bank), read(a.ledger)
    matched = []
    for b in bank:
        for l in ledger:
            if l["used"] or l["amount"] != b["amount"]:
                continue
            if abs((l["date"] - b["date"]).days) <= a.tolerance_days:
                l["used"] = b["used"] = True
                matched.append((b, l))
                break
    print("# Bank reconciliation\n")
    print(f"Matched: {len(matched)}\n")
    print("## Unmatched bank lines\n")
    for b in bank:
        if not b["used"]:
            print(f"- {b['date']} {b['amount']:>12} {b['desc']}")
    print("\n## Unmatched ledger lines\n")
    for l in ledger:
        if not l["used"]:
            print(f"- {l['date']} {l['amount']:>12} {l['desc']}")
    tb = sum(b["amount"] for b in bank)
    tl = sum(l["amount"] for l in ledger)
    print(f"\nBank total {tb}  Ledger total {tl}  Difference {tb - tl}")


if __name__ == "__main__":
    main()
