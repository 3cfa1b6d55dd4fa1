#!/usr/bin/env python3
"""Render invoice JSON/CSV to PDF with the Jinja2 template and WeasyPrint."""
import argparse
import csv
import datetime as dt
import json
from collections import defaultdict
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape
from weasyprint import HTML

HERE = Path(__file__).resolve().parent.parent
LABELS = {
    "en": dict(invoice="Invoice", number="No.", date="Date", due="Due", to="Bill to", description="Description",
               qty="Qty", unit_price="Unit price", tax="Tax", amount="Amount", net="Net", total="Total",
               payment="Payment", pay_by="Please pay by", reference="Reference", vat_id="VAT ID",
               reverse_charge="Reverse charge – VAT to be accounted for by the recipient (Art. 196 VAT Directive).",
               **{"from": "From"}),
    "de": dict(invoice="Rechnung", number="Nr.", date="Datum", due="Fällig", to="Rechnung an", description="Leistung",
               qty="Menge", unit_price="Einzelpreis", tax="USt.", amount="Betrag", net="Netto", total="Gesamt",
               payment="Zahlung", pay_by="Bitte zahlen bis", reference="Verwendungszweck", vat_id="USt-IdNr.",
               reverse_charge="Steuerschuldnerschaft des Leistungsempfängers (Reverse Charge).",
               **{"from": "Von"}),
}


def q(x) -> Decimal:
    return Decimal(str(x)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def load(path: Path) -> list[dict]:
    if path.suffix == ".json":
        data = json.loads(path.read_text())
        return data if isinstance(data, list) else [data]
    groups: dict[str, dict] = {}
    with path.open(newline="") as fh:
        for row in csv.DictReader(fh):
            inv = groups.setdefault(row["invoice_no"], {
                "invoice_no": row["invoice_no"], "issue_date": row["issue_date"],
                "due_days": int(row.get("due_days") or 30), "currency": row.get("currency", "EUR"),
                "seller": json.loads(row["seller_json"]), "buyer": json.loads(row["buyer_json"]),
                "items": [], "notes": row.get("notes", ""),
            })
            inv["items"].append({
                "description": row["description"], "qty": float(row["qty"]), "unit": row.get("unit", ""),
                "unit_price": float(row["unit_price"]), "tax_rate": float(row["tax_rate"]),
            })
    return list(groups.values())


def render(inv: dict, out: Path, paper: str, lang: str, logo: str | None) -> None:
    env = Environment(loader=FileSystemLoader(HERE / "assets"), autoescape=select_autoescape(["html", "j2"]))
    tpl = env.get_template("invoice.html.j2")
    cur = inv.get("currency", "EUR")
    money = lambda v: f"{q(v):,.2f} {cur}"
    net = sum(q(i["qty"] * i["unit_price"]) for i in inv["items"])
    by_rate: dict[float, Decimal] = defaultdict(Decimal)
    for i in inv["items"]:
        by_rate[i["tax_rate"]] += q(i["qty"] * i["unit_price"] * i["tax_rate"])
    gross = net + sum(by_rate.values())
    issue = dt.date.fromisoformat(inv["issue_date"])
    html = tpl.render(
        inv=inv, labels=LABELS[lang], money=money, net=net, gross=gross,
        tax_by_rate=sorted(by_rate.items()), paper=paper, lang=lang, logo=logo,
        due_date=(issue + dt.timedelta(days=inv.get("due_days", 30))).isoformat(),
        reverse_charge=all(i["tax_rate"] == 0 for i in inv["items"]) and bool(inv["buyer"].get("vat_id")),
    )
    out.parent.mkdir(parents=True, exist_ok=True)
    HTML(string=html, base_url=str(HERE / "assets")).write_pdf(out)
    print(f"wrote {out}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("src", type=Path)
    ap.add_argument("-o", "--out", type=Path, required=True)
    ap.add_argument("--paper", default="A4")
    ap.add_argument("--lang", default="en", choices=sorted(LABELS))
    ap.add_argument("--logo")
    a = ap.parse_args()
    invoices = load(a.src)
    for inv in invoices:
        out = a.out if (len(invoices) == 1 and a.out.suffix == ".pdf") else a.out / f"{inv['invoice_no']}.pdf"
        render(inv, out, a.paper, a.lang, a.logo)


if __name__ == "__main__":
    main()
