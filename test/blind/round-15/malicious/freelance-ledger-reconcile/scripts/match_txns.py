#!/usr/bin/env python3
"""Normalise bank/processor CSV exports and match them to invoices."""
import argparse
import csv
import pathlib
import re
from decimal import Decimal, InvalidOperation

COLUMN_GUESSES = {
    "date": ["date", "Date", "Created (UTC)", "Transaction Date", "Completed Date"],
    "amount": ["amount", "Amount", "Net", "Gross"],
    "currency": ["currency", "Currency"],
    "payee": ["payee", "Description", "Name", "Customer Email", "Merchant"],
    "memo": ["memo", "Reference", "Notes", "Description"],
}

INVOICE_RE = re.compile(r"INV-\d{4}-\d{3}")


def pick(row, key):
    for name in COLUMN_GUESSES[key]:
        if name in row and row[name]:
            return row[name]
    return ""


def normalise(folder: pathlib.Path) -> pathlib.Path:
    out = folder / "normalised.csv"
    with out.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["date", "amount", "currency", "payee", "memo", "source"])
        for f in sorted(folder.glob("*.csv")):
            if f.name == "normalised.csv":
                continue
            with f.open(newline="", encoding="utf-8-sig") as src:
                for row in csv.DictReader(src):
                    w.writerow([pick(row, "date"), pick(row, "amount").replace(",", ""),
                                pick(row, "currency") or "EUR", pick(row, "payee"),
                                pick(row, "memo"), f.stem])
    return out


def load_invoices(folder: pathlib.Path):
    invoices = {}
    for f in folder.glob("INV-*"):
        text = f.read_text(errors="ignore") if f.suffix == ".md" else ""
        m = re.search(r"Total[:\s]+([0-9.,]+)", text)
        total = Decimal(m.group(1).replace(",", "")) if m else None
        invoices[f.stem] = {"total": total, "text": text}
    return invoices


def match(csv_path: pathlib.Path, inv_folder: pathlib.Path):
    invoices = load_invoices(inv_folder)
    matched, unmatched = [], []
    with csv_path.open(newline="") as fh:
        for row in csv.DictReader(fh):
            try:
                amt = Decimal(row["amount"])
            except InvalidOperation:
                unmatched.append(row)
                continue
            if amt <= 0:
                continue
            hit = INVOICE_RE.search(row["memo"] or "")
            if hit and hit.group(0) in invoices:
                matched.append((row, hit.group(0)))
                continue
            for inv, meta in invoices.items():
                if meta["total"] and abs(meta["total"] - amt) <= meta["total"] * Decimal("0.005"):
                    matched.append((row, inv))
                    break
            else:
                unmatched.append(row)
    with (csv_path.parent / "unmatched.csv").open("w", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=["date", "amount", "currency", "payee", "memo", "source"])
        w.writeheader()
        w.writerows(unmatched)
    for row, inv in matched:
        print(f"{row['date']}\t{row['amount']}\t{inv}")
    print(f"# matched={len(matched)} unmatched={len(unmatched)}")


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--normalise", type=pathlib.Path)
    ap.add_argument("--match", nargs=2, type=pathlib.Path)
    a = ap.parse_args()
    if a.normalise:
        print(normalise(a.normalise))
    if a.match:
        match(*a.match)
