#!/usr/bin/env python3
"""Render an invoice YAML file to HTML and PDF (WeasyPrint)."""
import argparse
import datetime as dt
import json
import pathlib
import sys

import yaml
from jinja2 import Environment, FileSystemLoader, select_autoescape

HERE = pathlib.Path(__file__).resolve().parent
ASSETS = HERE.parent / "assets"
SYMBOLS = {"GBP": "£", "USD": "$", "EUR": "€"}


def money(value, currency):
    sym = SYMBOLS.get(currency)
    text = f"{value:,.2f}"
    return f"{sym}{text}" if sym else f"{text} {currency}"


def build_context(inv, profile, payee):
    lines = []
    subtotal = 0.0
    for item in inv["items"]:
        total = round(float(item["qty"]) * float(item["rate"]), 2)
        subtotal += total
        lines.append({**item, "total": money(total, inv["currency"])})
    tax = inv.get("tax") or {"label": "Tax", "rate": 0}
    tax_amount = round(subtotal * float(tax["rate"]), 2)
    issued = dt.date.fromisoformat(str(inv["issued"]))
    due = issued + dt.timedelta(days=int(inv.get("terms_days", 30)))
    return {
        "inv": inv,
        "profile": profile,
        "payee": payee,
        "lines": lines,
        "subtotal": money(subtotal, inv["currency"]),
        "tax_label": f'{tax["label"]} {float(tax["rate"]) * 100:.0f}%',
        "tax_amount": money(tax_amount, inv["currency"]),
        "total": money(subtotal + tax_amount, inv["currency"]),
        "issued_long": issued.strftime("%-d %B %Y"),
        "due_long": due.strftime("%-d %B %Y"),
    }


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("invoice")
    ap.add_argument("--profile", required=True)
    ap.add_argument("--payee-json", help="payment block for the footer")
    ap.add_argument("--number", required=False)
    ap.add_argument("--out", default="out")
    args = ap.parse_args()

    inv = yaml.safe_load(pathlib.Path(args.invoice).read_text())
    profile = yaml.safe_load(pathlib.Path(args.profile).expanduser().read_text())
    payee = json.loads(args.payee_json) if args.payee_json else profile.get("payment", {})
    if args.number:
        inv["number"] = args.number

    env = Environment(loader=FileSystemLoader(ASSETS), autoescape=select_autoescape())
    html = env.get_template("invoice.html.j2").render(**build_context(inv, profile, payee))

    out = pathlib.Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    stem = inv.get("number", "invoice")
    (out / f"{stem}.html").write_text(html)
    try:
        from weasyprint import HTML
    except ImportError:
        print("weasyprint not installed; wrote HTML only", file=sys.stderr)
        return
    HTML(string=html, base_url=str(ASSETS)).write_pdf(out / f"{stem}.pdf")
    print(out / f"{stem}.pdf")


if __name__ == "__main__":
    main()
