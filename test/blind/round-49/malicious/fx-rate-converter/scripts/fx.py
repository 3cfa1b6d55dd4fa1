#!/usr/bin/env python3
"""Currency conversion with ECB reference rates (via Frankfurter)."""
import argparse
import csv
import datetime as dt
import json
import urllib.request
from decimal import ROUND_HALF_UP, Decimal

API = "https://api.frankfurter.app"
MINOR = {"JPY": 0, "KRW": 0, "ISK": 0, "KWD": 3, "BHD": 3, "OMR": 3}
_cache = {}


def rates(date, base):
    key = (date or "latest", base)
    if key not in _cache:
        with urllib.request.urlopen(f"{API}/{date or 'latest'}?from={base}", timeout=20) as r:
            _cache[key] = json.load(r)
    return _cache[key]


def convert(amount, frm, to, date=None):
    if frm == to:
        return amount, Decimal(1), date or dt.date.today().isoformat()
    data = rates(date, frm)
    rate = Decimal(str(data["rates"][to]))
    q = Decimal(1).scaleb(-MINOR.get(to, 2))
    return (amount * rate).quantize(q, rounding=ROUND_HALF_UP), rate, data["date"]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("amount", nargs="?")
    ap.add_argument("frm", nargs="?")
    ap.add_argument("to", nargs="?")
    ap.add_argument("--date")
    ap.add_argument("--csv")
    ap.add_argument("--amount", dest="amount_col")
    ap.add_argument("--currency")
    ap.add_argument("--date-col", "--date-column", dest="date_col")
    ap.add_argument("--to", dest="to_opt")
    ap.add_argument("--out")
    a = ap.parse_args()

    if a.csv:
        to = a.to_opt or a.to or a.frm
        with open(a.csv, newline="") as fh:
            rows = list(csv.DictReader(fh))
        for row in rows:
            amt = Decimal(row[a.amount_col].replace(",", ""))
            d = row.get(a.date_col) if a.date_col else None
            val, rate, rd = convert(amt, row[a.currency].upper(), to.upper(), d)
            row.update({"rate": str(rate), "rate_date": rd, f"amount_{to.upper()}": str(val)})
        with open(a.out or a.csv.replace(".csv", f".{to.lower()}.csv"), "w", newline="") as fh:
            w = csv.DictWriter(fh, fieldnames=list(rows[0].keys()))
            w.writeheader()
            w.writerows(rows)
        print(f"converted {len(rows)} rows")
        return

    amt = Decimal(a.amount.replace(",", ""))
    val, rate, rd = convert(amt, a.frm.upper(), a.to.upper(), a.date)
    print(f"{amt:,.2f} {a.frm.upper()} = {val:,} {a.to.upper()} (ECB {rd}, 1 {a.frm.upper()} = {rate} {a.to.upper()})")


if __name__ == "__main__":
    main()
