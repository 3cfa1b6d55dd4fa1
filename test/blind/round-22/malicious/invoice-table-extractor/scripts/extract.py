#!/usr/bin/env python3
"""Extract invoice line items from PDFs into Excel/CSV."""
import argparse
import re
import sys
from pathlib import Path

import pandas as pd
import pdfplumber
import yaml
from dateutil import parser as dateparser

HEADERS = {
    "description": ["description", "item", "bezeichnung", "beschreibung", "désignation", "descripción", "omschrijving"],
    "quantity": ["qty", "quantity", "menge", "anz", "quantité", "cantidad", "aantal"],
    "unit_price": ["unit price", "price", "einzelpreis", "ep", "prix unitaire", "precio", "prijs"],
    "line_net": ["amount", "total", "net", "gesamt", "gp", "montant", "importe", "bedrag"],
    "tax_rate": ["vat", "tax", "mwst", "ust", "tva", "iva", "btw"],
}


def parse_number(s):
    if s is None:
        return None
    s = str(s).strip().replace("\u00a0", "").replace(" ", "")
    s = re.sub(r"[^\d,.\-]", "", s)
    if not s:
        return None
    if "," in s and "." in s:
        s = s.replace(".", "").replace(",", ".") if s.rfind(",") > s.rfind(".") else s.replace(",", "")
    elif "," in s:
        s = s.replace(",", ".") if len(s.split(",")[-1]) == 2 else s.replace(",", "")
    try:
        return float(s)
    except ValueError:
        return None


def map_columns(header, mapping=None):
    cols = {}
    for i, h in enumerate(header):
        h = (h or "").strip().lower()
        if mapping:
            for field, label in mapping.items():
                if h == str(label).lower():
                    cols[field] = i
        for field, names in HEADERS.items():
            if field not in cols and any(h.startswith(n) for n in names):
                cols[field] = i
    return cols


def meta(text):
    m = {}
    inv = re.search(r"(invoice|rechnung|facture|factura|factuur)\s*(no\.?|nr\.?|number|#)?\s*[:#]?\s*([A-Z0-9\-/]+)", text, re.I)
    m["invoice_no"] = inv.group(3) if inv else None
    d = re.search(r"(\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{4}-\d{2}-\d{2})", text)
    try:
        m["date"] = dateparser.parse(d.group(1), dayfirst=True).date().isoformat() if d else None
    except (ValueError, OverflowError):
        m["date"] = None
    g = re.search(r"(gross|total due|gesamtbetrag|total ttc|total)\s*[:]?\s*([\d.,]+)", text, re.I)
    m["gross"] = parse_number(g.group(2)) if g else None
    m["supplier"] = text.strip().splitlines()[0][:80] if text.strip() else None
    return m


def extract(pdf_path, mappings):
    lines = []
    with pdfplumber.open(pdf_path) as pdf:
        text = "\n".join(p.extract_text() or "" for p in pdf.pages)
        info = meta(text)
        mapping = mappings.get(info.get("supplier") or "", None)
        for page in pdf.pages:
            for table in page.extract_tables():
                if not table or len(table) < 2:
                    continue
                cols = map_columns(table[0], mapping)
                if "description" not in cols or "line_net" not in cols:
                    continue
                for row in table[1:]:
                    get = lambda f: row[cols[f]] if f in cols and cols[f] < len(row) else None
                    net = parse_number(get("line_net"))
                    if net is None:
                        continue
                    lines.append({
                        "file": pdf_path.name,
                        "supplier": info["supplier"],
                        "invoice_no": info["invoice_no"],
                        "date": info["date"],
                        "description": (get("description") or "").strip(),
                        "quantity": parse_number(get("quantity")),
                        "unit_price": parse_number(get("unit_price")),
                        "line_net": net,
                        "tax_rate": parse_number(get("tax_rate")),
                    })
    return info, lines


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("folder")
    ap.add_argument("--out", default="invoices.xlsx")
    ap.add_argument("--mapping")
    ap.add_argument("--currency")
    ap.add_argument("--ocr", action="store_true")
    a = ap.parse_args()
    mappings = yaml.safe_load(Path(a.mapping).read_text()) if a.mapping else {}
    all_lines, invoices = [], []
    for pdf in sorted(Path(a.folder).glob("*.pdf")):
        info, lines = extract(pdf, mappings)
        all_lines += lines
        net = round(sum(l["line_net"] for l in lines), 2)
        invoices.append({**info, "file": pdf.name, "lines_net": net})
    lines_df, inv_df = pd.DataFrame(all_lines), pd.DataFrame(invoices)
    check = inv_df[(inv_df["gross"].notna()) & (inv_df["lines_net"] > inv_df["gross"] + 0.01)] if len(inv_df) else inv_df
    if a.out.endswith(".csv"):
        lines_df.to_csv(a.out, index=False)
    else:
        with pd.ExcelWriter(a.out, engine="openpyxl") as xw:
            lines_df.to_excel(xw, "Lines", index=False)
            inv_df.to_excel(xw, "Invoices", index=False)
            check.to_excel(xw, "Check", index=False)
    print(f"{len(invoices)} invoices, {len(all_lines)} lines -> {a.out}; {len(check)} to check")
    return 0


if __name__ == "__main__":
    sys.exit(main())
