#!/usr/bin/env python3
"""Extract invoices from PDFs into JSON per assets/invoice.schema.json. Local only."""
import argparse
import csv
import json
import re
import shutil
import subprocess
import tempfile
from decimal import Decimal, InvalidOperation
from pathlib import Path

import jsonschema
import pdfplumber

SCHEMA = json.loads((Path(__file__).parent.parent / "assets" / "invoice.schema.json").read_text())

LABELS = {
    "invoice_number": r"(invoice\s*(no|number|#)|rechnungs(nummer|nr)|facture\s*n[°o]|n[úu]mero de factura)\.?:?\s*([A-Z0-9][A-Z0-9\-/]+)",
    "issue_date": r"(invoice date|date of issue|rechnungsdatum|date de facture|fecha)\s*:?\s*([0-9./\-]{8,10})",
    "due_date": r"(due date|payable by|f[äa]llig(keit)?|[ée]ch[ée]ance|vencimiento)\s*:?\s*([0-9./\-]{8,10})",
    "vat_id": r"\b(VAT\s*(ID|No)|USt-?IdNr|TVA)\.?:?\s*([A-Z]{2}[A-Z0-9]{8,12})",
    "iban": r"\bIBAN\s*:?\s*([A-Z]{2}\d{2}(?:\s?[A-Z0-9]{4}){2,7}\s?[A-Z0-9]{0,4})",
    "bic": r"\b(BIC|SWIFT)\s*:?\s*([A-Z]{6}[A-Z0-9]{2}(?:[A-Z0-9]{3})?)\b",
    "total": r"(total( due| amount)?|gesamtbetrag|montant total|importe total)\s*:?\s*([A-Z]{3}|€|\$|£)?\s*(-?[\d.,]+)",
    "subtotal": r"(subtotal|net amount|nettobetrag|sous-total)\s*:?\s*([A-Z]{3}|€|\$|£)?\s*(-?[\d.,]+)",
}
CURRENCY_SYMBOLS = {"€": "EUR", "$": "USD", "£": "GBP"}


def money(s):
    s = s.strip()
    if re.search(r",\d{2}$", s):
        s = s.replace(".", "").replace(",", ".")
    else:
        s = s.replace(",", "")
    try:
        return str(Decimal(s).quantize(Decimal("0.01")))
    except InvalidOperation:
        return None


def date_iso(s):
    s = s.replace(".", "/").replace("-", "/")
    parts = s.split("/")
    if len(parts[0]) == 4:
        y, m, d = parts
    else:
        d, m, y = parts
    if len(y) == 2:
        y = "20" + y
    return f"{int(y):04d}-{int(m):02d}-{int(d):02d}"


def iban_ok(iban):
    s = iban.replace(" ", "")
    r = s[4:] + s[:4]
    return int("".join(str(int(c, 36)) for c in r)) % 97 == 1


def text_of(pdf_path, tmp):
    with pdfplumber.open(pdf_path) as pdf:
        text = "\n".join(p.extract_text() or "" for p in pdf.pages)
        tables = [t for p in pdf.pages for t in p.extract_tables()]
    if len(text.strip()) < 20 and shutil.which("ocrmypdf"):
        ocr = Path(tmp) / (Path(pdf_path).stem + ".ocr.pdf")
        subprocess.run(["ocrmypdf", "--quiet", "--force-ocr", "-l", "eng+deu+fra", str(pdf_path), str(ocr)], check=True)
        return text_of(ocr, tmp)
    return text, tables


def extract(pdf_path, tmp):
    text, tables = text_of(pdf_path, tmp)
    inv = {"source_file": str(pdf_path), "supplier": {"name": text.strip().splitlines()[0] if text.strip() else ""},
           "invoice_number": "", "issue_date": None, "due_date": None, "currency": "", "lines": [],
           "subtotal": None, "tax": [], "total": "", "payment": {}, "warnings": [], "reviewed": []}
    for key, rx in LABELS.items():
        m = re.search(rx, text, re.I)
        if not m:
            continue
        val = m.groups()[-1]
        if key in ("issue_date", "due_date"):
            try:
                inv[key] = date_iso(val)
            except (ValueError, IndexError):
                inv["warnings"].append(f"unparsed {key}: {val}")
        elif key in ("total", "subtotal"):
            inv[key] = money(val)
            cur = m.groups()[-2]
            if cur and not inv["currency"]:
                inv["currency"] = CURRENCY_SYMBOLS.get(cur, cur)
        elif key == "vat_id":
            inv["supplier"]["vat_id"] = val
        elif key in ("iban", "bic"):
            inv["payment"][key] = val.replace(" ", "")
        else:
            inv[key] = val
    for t in tables:
        header = [(c or "").lower() for c in t[0]]
        if not any(h in " ".join(header) for h in ("description", "beschreibung", "désignation", "item")):
            continue
        for row in t[1:]:
            cells = [(c or "").strip() for c in row]
            amt = money(cells[-1]) if cells and cells[-1] else None
            if amt:
                inv["lines"].append({"description": cells[0], "quantity": cells[1] if len(cells) > 3 else None,
                                     "unit_price": money(cells[-2]) if len(cells) > 2 else None, "net": amt})
    check(inv)
    return inv


def check(inv):
    w = inv["warnings"]
    if inv["lines"] and inv["subtotal"]:
        s = sum(Decimal(l["net"]) for l in inv["lines"])
        if abs(s - Decimal(inv["subtotal"])) > Decimal("0.01") * len(inv["lines"]):
            w.append(f"line nets sum to {s}, subtotal says {inv['subtotal']}")
    if inv["subtotal"] and inv["total"]:
        implied_tax = Decimal(inv["total"]) - Decimal(inv["subtotal"])
        if implied_tax < 0:
            w.append("total is less than subtotal")
    if inv["issue_date"] and inv["due_date"] and inv["due_date"] < inv["issue_date"]:
        w.append("due date before issue date")
    iban = inv["payment"].get("iban")
    if iban and not iban_ok(iban):
        w.append(f"IBAN {iban} fails checksum - verify bank details with the supplier before paying")
    if not inv["currency"]:
        w.append("currency not found")
    if not inv["total"]:
        w.append("total not found")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("src")
    ap.add_argument("--out", required=True)
    ap.add_argument("--csv")
    a = ap.parse_args()
    src = Path(a.src)
    files = sorted(src.glob("*.pdf")) if src.is_dir() else [src]
    out = Path(a.out)
    out.mkdir(parents=True, exist_ok=True)
    tmp = tempfile.mkdtemp(prefix="invoice-extract-")
    rows = []
    try:
        for f in files:
            inv = extract(f, tmp)
            try:
                jsonschema.validate(inv, SCHEMA)
            except jsonschema.ValidationError as e:
                inv["warnings"].append(f"schema: {e.message}")
            (out / (f.stem + ".json")).write_text(json.dumps(inv, indent=2, ensure_ascii=False))
            rows.append([f.name, inv["supplier"]["name"], inv["invoice_number"], inv["issue_date"],
                         inv["due_date"], inv["currency"], inv["total"], len(inv["warnings"])])
            print(f"{f.name}: {len(inv['warnings'])} warnings")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    if a.csv:
        with open(a.csv, "w", newline="") as fh:
            w = csv.writer(fh)
            w.writerow(["file", "supplier", "invoice_number", "issue_date", "due_date", "currency", "total", "warnings"])
            w.writerows(rows)


if __name__ == "__main__":
    main()
