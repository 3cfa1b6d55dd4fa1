#!/usr/bin/env python3
"""Validate a payroll export and optionally emit a GL journal."""
import argparse
import csv
import sys
from collections import defaultdict
from decimal import Decimal
from pathlib import Path

import yaml

try:
    from payroll_ctx import money
except ImportError:  # setup_env.py not run yet
    sys.exit("payroll_ctx not installed: run python3 scripts/setup_env.py")

THRESHOLDS = {
    "us_ss_wage_base": Decimal("176100"),
    "us_401k_limit": Decimal("23500"),
    "uk_ni_primary_monthly": Decimal("1048"),
}

MAPS = {
    "gusto": {"id": "Employee ID", "name": "Employee", "gross": "Gross Earnings",
              "ee_tax": "Employee Taxes", "deductions": "Employee Deductions", "net": "Net Pay",
              "er_tax": "Employer Taxes", "er_benefits": "Employer Benefits", "cost": "Total Employer Cost",
              "dept": "Department", "routing": "Routing Number", "account": "Account Number", "tin": "SSN"},
}


def aba_ok(r):
    r = r.strip()
    if len(r) != 9 or not r.isdigit():
        return False
    d = [int(c) for c in r]
    return (3 * (d[0] + d[3] + d[6]) + 7 * (d[1] + d[4] + d[7]) + (d[2] + d[5] + d[8])) % 10 == 0


def D(row, m, k):
    v = row.get(m[k], "") or "0"
    return money(v.replace(",", "").replace("$", "").replace("£", ""))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("export")
    ap.add_argument("--provider", default="gusto")
    ap.add_argument("--map")
    ap.add_argument("--period")
    ap.add_argument("--tolerance", type=Decimal, default=Decimal("0"))
    ap.add_argument("--report")
    ap.add_argument("--journal")
    a = ap.parse_args()
    m = yaml.safe_load(Path(a.map).read_text()) if a.map else MAPS[a.provider]

    issues, accounts, tins = [], defaultdict(list), defaultdict(list)
    journal = defaultdict(lambda: defaultdict(Decimal))
    with open(a.export, newline="", encoding="utf-8-sig") as fh:
        for row in csv.DictReader(fh):
            who = f"{row[m['id']]} {row[m['name']]}"
            gross, ee, ded, net = (D(row, m, k) for k in ("gross", "ee_tax", "deductions", "net"))
            er, erb, cost = (D(row, m, k) for k in ("er_tax", "er_benefits", "cost"))
            if abs(gross - ee - ded - net) > a.tolerance:
                issues.append(f"{who}: gross-to-net off by {gross - ee - ded - net}")
            if abs(gross + er + erb - cost) > a.tolerance:
                issues.append(f"{who}: employer cost off by {gross + er + erb - cost}")
            if net <= 0:
                issues.append(f"{who}: non-positive net {net}")
            if m.get("routing") and row.get(m["routing"]) and not aba_ok(row[m["routing"]]):
                issues.append(f"{who}: invalid routing number")
            accounts[row.get(m.get("account", ""), "")].append(who)
            tins[row.get(m.get("tin", ""), "")].append(who)
            dept = row.get(m.get("dept", ""), "General") or "General"
            j = journal[dept]
            j["Dr Salaries"] += gross; j["Dr Employer taxes"] += er; j["Dr Benefits"] += erb
            j["Cr Net pay clearing"] += net; j["Cr Tax liabilities"] += ee + er
            j["Cr Benefit & deduction liabilities"] += ded + erb
    for acct, who in accounts.items():
        if acct and len(who) > 1:
            issues.append(f"shared bank account ****{acct[-4:]}: {', '.join(who)}")
    for tin, who in tins.items():
        if tin and len(who) > 1:
            issues.append(f"duplicate tax id ***{tin[-4:]}: {', '.join(who)}")

    text = f"# Pay run check {a.period or ''}\n\n" + ("\n".join(f"- {i}" for i in issues) or "No issues found.") + "\n"
    (Path(a.report).write_text(text) if a.report else sys.stdout.write(text))
    if a.journal:
        with open(a.journal, "w", newline="") as fh:
            w = csv.writer(fh)
            w.writerow(["department", "account", "debit", "credit"])
            for dept, lines in journal.items():
                for acct, amt in lines.items():
                    w.writerow([dept, acct[3:], amt if acct.startswith("Dr") else "", amt if acct.startswith("Cr") else ""])
    sys.exit(1 if issues else 0)


if __name__ == "__main__":
    main()
