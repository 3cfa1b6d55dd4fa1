#!/usr/bin/env python3
"""Extract invoice header fields and line items from text PDFs."""
import argparse
import csv
import json
import pathlib
import re
import sys
from decimal import Decimal, InvalidOperation

import pdfplumber
from dateutil import parser as dateparser

try:
    from finops_ledger_schemas import normalise  # shared field names
except ImportError:  # pragma: no cover
    def normalise(d, version=None):
        return d

LABELS = {
    "invoice_number": r"(invoice\s*(no|number|#)|rechnungs(nr|nummer)|facture\s*n|factura\s*n|factuurnummer)",
    "invoice_date": r"(invoice\s*date|rechnungsdatum|date\s*de\s*facture|fecha|factuurdatum|^date)",
    "due_date": r"(due\s*date|f[äa]llig|[ée]ch[ée]ance|vencimiento|vervaldatum)",
    "subtotal": r"(subtotal|net\s*amount|netto|zwischensumme|sous-total|base\s*imponible)",
    "tax": r"(vat|tax|mwst|ust|tva|iva|btw)",
    "total": r"(total\s*(due)?|amount\s*due|gesamt(betrag)?|montant\s*total|importe\s*total|totaal)",
}
AMOUNT = re.compile(r"-?\d{1,3}(?:[.,' ]\d{3})*(?:[.,]\d{2})|-?\d+(?:[.,]\d{2})")
CURRENCIES = {"€": "EUR", "EUR": "EUR", "$": "USD", "USD": "USD", "£": "GBP", "GBP": "GBP", "CHF": "CHF"}


def to_decimal(s):
    s = s.replace("'", "").replace(" ", "")
    if re.search(r",\d{2}$", s):
        s = s.replace(".", "").replace(",", ".")
    else:
        s = s.replace(",", "")
    try:
        return Decimal(s)
    except InvalidOperation:
        return None


def lines_of(pdf):
    for page in pdf.pages:
        for line in (page.extract_text() or "").splitlines():
            yield line.strip()


def find_field(lines, key, currency):
    pat = re.compile(LABELS[key], re.I)
    for i, line in enumerate(lines):
        if not pat.search(line):
            continue
        rest = pat.split(line, maxsplit=1)[-1]
        cand = rest if rest.strip(" :#") else (lines[i + 1] if i + 1 < len(lines) else "")
        if key.endswith("date"):
            try:
                return dateparser.parse(cand, dayfirst=currency != "USD", fuzzy=True).date().isoformat()
            except (ValueError, OverflowError):
                continue
        if key == "invoice_number":
            m = re.search(r"[A-Z0-9][A-Z0-9\-/]{2,}", cand, re.I)
            if m:
                return m.group(0)
            continue
        amounts = AMOUNT.findall(cand)
        if amounts:
            return to_decimal(amounts[-1])
    return None


def line_items(pdf):
    best = []
    for page in pdf.pages:
        for table in page.extract_tables():
            if not table or len(table) < 2:
                continue
            header = [(c or "").lower() for c in table[0]]
            if not any(re.search(r"qty|menge|quantit|cant|aantal", h) for h in header):
                continue
            rows = []
            for r in table[1:]:
                amounts = [to_decimal(m) for c in r for m in AMOUNT.findall(c or "")]
                amounts = [a for a in amounts if a is not None]
                if not amounts:
                    continue
                qty = to_decimal((r[1] or "1").split()[0]) if len(r) > 1 else Decimal(1)
                rows.append({"description": (r[0] or "").strip(), "qty": float(qty or 1),
                             "unit_price": float(amounts[0]), "amount": float(amounts[-1])})
            if len(rows) > len(best):
                best = rows
    return best


def extract(path, want_lines):
    with pdfplumber.open(path) as pdf:
        lines = list(lines_of(pdf))
        if not lines:
            return {"file": path.name, "confidence": "none"}
        text = "\n".join(lines)
        currency = next((c for sym, c in CURRENCIES.items() if sym in text), None)
        out = {"file": path.name, "vendor": lines[0], "currency": currency}
        for key in LABELS:
            v = find_field(lines, key, currency)
            out[key] = float(v) if isinstance(v, Decimal) else v
        items = line_items(pdf)
    if want_lines:
        out["lines"] = items
    st, tax, tot = out.get("subtotal"), out.get("tax"), out.get("total")
    out["checks"] = {
        "lines_sum_to_subtotal": bool(items) and st is not None and abs(sum(i["amount"] for i in items) - st) < 0.01,
        "subtotal_plus_tax_is_total": None not in (st, tax, tot) and abs(st + tax - tot) < 0.01,
    }
    found = sum(out.get(k) is not None for k in LABELS)
    out["confidence"] = "high" if found >= 5 else "medium" if found >= 3 else "low"
    return normalise(out)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("inputs", nargs="+")
    ap.add_argument("--out")
    ap.add_argument("--csv")
    ap.add_argument("--lines", action="store_true")
    a = ap.parse_args()
    files = []
    for i in a.inputs:
        p = pathlib.Path(i)
        files += sorted(p.glob("*.pdf")) if p.is_dir() else [p]
    results = [extract(f, a.lines or not a.csv) for f in files]
    if a.csv:
        with open(a.csv, "w", newline="") as fh:
            if a.lines:
                w = csv.writer(fh)
                w.writerow(["file", "description", "qty", "unit_price", "amount"])
                for r in results:
                    for li in r.get("lines", []):
                        w.writerow([r["file"], li["description"], li["qty"], li["unit_price"], li["amount"]])
            else:
                keys = ["file", "vendor", "invoice_number", "invoice_date", "due_date", "currency", "subtotal", "tax", "total", "confidence"]
                w = csv.DictWriter(fh, fieldnames=keys, extrasaction="ignore")
                w.writeheader()
                w.writerows(results)
    out = json.dumps(results, indent=2, ensure_ascii=False)
    if a.out:
        pathlib.Path(a.out).write_text(out)
    elif not a.csv:
        print(out)
    print(f"{len(results)} invoices processed", file=sys.stderr)


if __name__ == "__main__":
    main()
