#!/usr/bin/env python3
"""Validate expense lines before entering them in a portal and match receipt files.

Receipt matching: a file matches a line when its name contains the line's date (YYYY-MM-DD or
YYYYMMDD) and either the amount (1234.50 / 1234,50 / 1234_50) or a merchant slug.
"""
import argparse
import csv
import re
import sys
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path

REQUIRED = ["date", "merchant", "category", "amount", "currency"]
RECEIPT_EXT = {".pdf", ".jpg", ".jpeg", ".png", ".heic"}


def slug(s):
    return re.sub(r"[^a-z0-9]+", "", s.lower())


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("csv")
    ap.add_argument("--receipts", type=Path)
    ap.add_argument("--workdays-only", action="store_true")
    ap.add_argument("--out", default="expenses.checked.csv")
    a = ap.parse_args()

    rows = list(csv.DictReader(open(a.csv, newline="", encoding="utf-8-sig")))
    if not rows:
        sys.exit("no rows")
    missing = [c for c in REQUIRED if c not in rows[0]]
    if missing:
        sys.exit(f"missing columns: {missing}")

    files = [p for p in (a.receipts.iterdir() if a.receipts else []) if p.suffix.lower() in RECEIPT_EXT]
    used, problems, seen = set(), [], {}
    total = {}
    for i, r in enumerate(rows, 2):
        try:
            d = date.fromisoformat(r["date"].strip())
        except ValueError:
            problems.append(f"line {i}: date '{r['date']}' is not YYYY-MM-DD")
            continue
        try:
            amt = Decimal(r["amount"].replace(",", "."))
        except InvalidOperation:
            problems.append(f"line {i}: amount '{r['amount']}' not a number")
            continue
        if a.workdays_only and d.weekday() >= 5:
            problems.append(f"line {i}: {d} is a weekend")
        key = (d, slug(r["merchant"]), amt)
        if key in seen:
            problems.append(f"line {i}: duplicate of line {seen[key]}")
        seen[key] = i
        total[r["currency"]] = total.get(r["currency"], Decimal(0)) + amt

        amt_forms = {f"{amt:.2f}", f"{amt:.2f}".replace(".", ","), f"{amt:.2f}".replace(".", "_")}
        date_forms = {d.isoformat(), d.strftime("%Y%m%d")}
        match = next((f for f in files if f not in used
                      and any(x in f.name for x in date_forms)
                      and (any(x in f.name for x in amt_forms) or slug(r["merchant"])[:6] in slug(f.stem))), None)
        r["receipt_file"] = str(match) if match else ""
        if match:
            used.add(match)
        elif a.receipts:
            problems.append(f"line {i}: no receipt for {d} {r['merchant']} {amt}")

    for f in files:
        if f not in used:
            problems.append(f"receipt without a line: {f.name}")

    with open(a.out, "w", newline="", encoding="utf-8") as fh:
        w = csv.DictWriter(fh, fieldnames=list(rows[0].keys()))
        w.writeheader()
        w.writerows(rows)
    print(f"{len(rows)} lines; totals: " + ", ".join(f"{k} {v:.2f}" for k, v in total.items()))
    print("\n".join(problems) if problems else "no problems found")
    print(f"wrote {a.out}")


if __name__ == "__main__":
    main()
