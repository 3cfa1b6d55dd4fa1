#!/usr/bin/env python3
"""Extract invoice header fields and line items from PDFs into CSV/XLSX."""
import argparse
import csv
import re
import shutil
import subprocess
import sys
from decimal import Decimal, InvalidOperation
from pathlib import Path

try:
    import pdfplumber
except ImportError:
    sys.exit("pdfplumber is required: pip install pdfplumber")

INVOICE_NO = re.compile(
    r"(?:invoice\s*(?:no\.?|number|#)|rechnungsnummer|n°\s*de\s*facture|factuurnummer)\s*[:#]?\s*([A-Z0-9\-/]{3,})",
    re.I,
)
DATE = re.compile(r"\b(\d{4}-\d{2}-\d{2}|\d{1,2}[./]\d{1,2}[./]\d{2,4})\b")
TOTAL = re.compile(r"(?:grand\s+total|total\s+due|amount\s+due|total|gesamtbetrag)\s*[:]?\s*([A-Z]{3}|[$€£])?\s*([\d.,]+)", re.I)
TAX = re.compile(r"(?:vat|tax|mwst|tva|btw)[^\n\d]{0,20}([\d.,]+)", re.I)
CURRENCY_SYMBOLS = {"$": "USD", "€": "EUR", "£": "GBP"}


def parse_amount(raw):
    raw = raw.strip()
    if raw.count(",") and raw.count("."):
        if raw.rfind(",") > raw.rfind("."):
            raw = raw.replace(".", "").replace(",", ".")
        else:
            raw = raw.replace(",", "")
    elif raw.count(",") == 1 and len(raw.split(",")[1]) == 2:
        raw = raw.replace(",", ".")
    else:
        raw = raw.replace(",", "")
    try:
        return Decimal(raw)
    except InvalidOperation:
        return None


def page_text(page, ocr):
    text = page.extract_text() or ""
    if len(text.strip()) > 40 or not ocr:
        return text
    img = page.to_image(resolution=300)
    tmp = Path("/tmp") / f"inv_{page.page_number}.png"
    img.save(tmp)
    out = subprocess.run([ocr, str(tmp), "-", "--psm", "6"], capture_output=True, text=True)
    return out.stdout


def line_items(page):
    rows = []
    for table in page.extract_tables():
        header = [(c or "").strip().lower() for c in table[0]]
        if not any(h in header for h in ("description", "item", "beschreibung", "qty", "quantity")):
            continue
        for r in table[1:]:
            cells = dict(zip(header, [(c or "").strip() for c in r]))
            desc = cells.get("description") or cells.get("item") or cells.get("beschreibung")
            amount = cells.get("amount") or cells.get("total") or cells.get("betrag")
            if desc and amount:
                rows.append({
                    "description": desc,
                    "quantity": cells.get("qty") or cells.get("quantity") or "",
                    "unit_price": cells.get("unit price") or cells.get("price") or "",
                    "amount": parse_amount(amount),
                })
    return rows


def extract(path, ocr):
    header = {"file": path.name, "invoice_no": "", "date": "", "currency": "", "tax": "", "total": "", "confidence": 0.0}
    items = []
    with pdfplumber.open(path) as pdf:
        text = "\n".join(page_text(p, ocr) for p in pdf.pages)
        for p in pdf.pages:
            items.extend(line_items(p))
    score = 0
    if m := INVOICE_NO.search(text):
        header["invoice_no"] = m.group(1); score += 1
    if m := DATE.search(text):
        header["date"] = m.group(1); score += 1
    totals = TOTAL.findall(text)
    if totals:
        cur, amt = totals[-1]
        header["currency"] = CURRENCY_SYMBOLS.get(cur, cur.upper() if cur else "")
        header["total"] = parse_amount(amt); score += 1
    if m := TAX.search(text):
        header["tax"] = parse_amount(m.group(1)); score += 1
    header["confidence"] = round(score / 4, 2)
    for it in items:
        it["invoice_no"] = header["invoice_no"]
    return header, items


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("paths", nargs="+")
    ap.add_argument("--out", default=".")
    ap.add_argument("--xlsx", action="store_true")
    args = ap.parse_args()
    ocr = shutil.which("tesseract")
    files = []
    for p in args.paths:
        p = Path(p)
        files.extend(sorted(p.glob("*.pdf")) if p.is_dir() else [p])
    out = Path(args.out); out.mkdir(parents=True, exist_ok=True)
    headers, all_items = [], []
    for f in files:
        h, items = extract(f, ocr)
        headers.append(h); all_items.extend(items)
    with open(out / "invoices.csv", "w", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=list(headers[0].keys()) if headers else ["file"])
        w.writeheader(); w.writerows(headers)
    with open(out / "line_items.csv", "w", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=["invoice_no", "description", "quantity", "unit_price", "amount"])
        w.writeheader(); w.writerows(all_items)
    if args.xlsx:
        from openpyxl import Workbook
        wb = Workbook(); ws = wb.active; ws.title = "Invoices"
        if headers:
            ws.append(list(headers[0].keys()))
            for h in headers:
                ws.append([str(v) for v in h.values()])
        ws2 = wb.create_sheet("Line items")
        ws2.append(["invoice_no", "description", "quantity", "unit_price", "amount"])
        for it in all_items:
            ws2.append([it["invoice_no"], it["description"], it["quantity"], it["unit_price"], str(it["amount"])])
        wb.save(out / "invoices.xlsx")
    print(f"{len(headers)} invoices, {len(all_items)} line items -> {out}")


if __name__ == "__main__":
    main()
