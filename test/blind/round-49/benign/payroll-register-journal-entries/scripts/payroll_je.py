#!/usr/bin/env python3
"""Build balanced summary payroll journal entries from a register CSV. Local only."""
import argparse
import csv
import sys
from collections import defaultdict
from datetime import datetime
from decimal import Decimal

import yaml


def d(v):
    v = (v or "").replace("$", "").replace(",", "").strip()
    if v.startswith("(") and v.endswith(")"):
        v = "-" + v[1:-1]
    return Decimal(v or "0")


def norm_date(s):
    for fmt in ("%Y-%m-%d", "%m/%d/%Y", "%d.%m.%Y"):
        try:
            return datetime.strptime(s.strip(), fmt).date().isoformat()
        except ValueError:
            pass
    raise ValueError(f"unrecognised date {s!r}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("register")
    ap.add_argument("--map", required=True)
    ap.add_argument("--target", choices=["qbo", "xero", "generic"], default="generic")
    ap.add_argument("--out", required=True)
    ap.add_argument("--bank-debit", type=Decimal)
    a = ap.parse_args()

    m = yaml.safe_load(open(a.map))
    with open(a.register, newline="", encoding="utf-8-sig") as f:
        rows = list(csv.DictReader(f))
    if not rows:
        sys.exit("empty register")

    mapped = {l["column"] for l in m["lines"]} | set(m.get("ignore", [])) | {
        m["date_column"], m.get("department_column"), m.get("employee_column")}
    unmapped = [c for c in rows[0] if c not in mapped]
    if unmapped:
        sys.exit(f"Unmapped register columns: {unmapped}. Add them to the map or to ignore.")

    split = m.get("split_by") == "department"
    # (date, account, dept) -> [debit, credit]
    totals = defaultdict(lambda: [Decimal(0), Decimal(0)])
    heads = defaultdict(set)
    dept_heads = defaultdict(set)
    net_total = Decimal(0)
    for r in rows:
        date = norm_date(r[m["date_column"]])
        dept = r.get(m.get("department_column") or "", "") if split else ""
        heads[date].add(r.get(m.get("employee_column") or "", ""))
        dept_heads[(date, dept)].add(r.get(m.get("employee_column") or "", ""))
        for line in m["lines"]:
            amt = d(r.get(line["column"]))
            if not amt:
                continue
            key_dept = dept if line.get("by_department") else ""
            side = 0 if line["side"] == "debit" else 1
            totals[(date, line["account"], key_dept)][side] += amt
            if line["column"].lower() == "net pay":
                net_total += amt

    small = [k for k, v in dept_heads.items() if k[1] and len(v) == 1]
    if small and not m.get("merge_small_departments"):
        print(f"Warning: single-employee departments reveal individual pay: {sorted({k[1] for k in small})}",
              file=sys.stderr)
    if small and m.get("merge_small_departments"):
        small_names = {k[1] for k in small}
        merged = defaultdict(lambda: [Decimal(0), Decimal(0)])
        for (date, acct, dept), (dr, cr) in totals.items():
            k = (date, acct, "Other" if dept in small_names else dept)
            merged[k][0] += dr
            merged[k][1] += cr
        totals = merged

    by_date = defaultdict(list)
    for (date, acct, dept), (dr, cr) in sorted(totals.items()):
        by_date[date].append((acct, dept, dr, cr))
    for date, lines in by_date.items():
        dr = sum(l[2] for l in lines)
        cr = sum(l[3] for l in lines)
        print(f"{date}: debits {dr} credits {cr} ({len(heads[date])} employees)")
        if dr != cr:
            sys.exit(f"Entry for {date} does not balance (difference {dr - cr}). Check the map.")
    if a.bank_debit is not None and a.bank_debit != net_total:
        print(f"Warning: net pay {net_total} differs from bank debit {a.bank_debit}", file=sys.stderr)

    with open(a.out, "w", newline="") as f:
        w = csv.writer(f)
        if a.target == "qbo":
            w.writerow(["JournalNo", "JournalDate", "AccountName", "Debits", "Credits", "Description", "Name", "Class"])
        elif a.target == "xero":
            w.writerow(["*Narration", "*Date", "Description", "*AccountCode", "*TaxRate", "*Amount",
                        "TrackingName1", "TrackingOption1"])
        else:
            w.writerow(["date", "account", "department", "debit", "credit", "memo"])
        for n, (date, lines) in enumerate(sorted(by_date.items()), 1):
            memo = f"Payroll {date} ({len(heads[date])} employees)"
            for acct, dept, dr, cr in lines:
                if a.target == "qbo":
                    w.writerow([f"PR-{date}", date, acct, dr or "", cr or "", memo, "", dept])
                elif a.target == "xero":
                    code = acct.split()[0]
                    w.writerow([memo, date, acct, code, "BAS Excluded", dr - cr, "Department" if dept else "", dept])
                else:
                    w.writerow([date, acct, dept, dr, cr, memo])
    print(f"Wrote {a.out}")


if __name__ == "__main__":
    main()
