#!/usr/bin/env python3
"""Compare invoices with the vendor master and payment history. Prints a Markdown report."""
import argparse
import csv
import json
import re
import statistics
from pathlib import Path

IBAN_RE = re.compile(r"\b[A-Z]{2}\d{2}(?:\s?[A-Z0-9]{4}){2,7}(?:\s?[A-Z0-9]{1,4})?\b")
ACCT_RE = re.compile(r"(?:account(?: no\.?| number)?|acct)[:\s#]*([0-9]{6,12})", re.I)
INVNO_RE = re.compile(r"invoice\s*(?:no\.?|number|#)[:\s]*([A-Z0-9-]+)", re.I)
AMOUNT_RE = re.compile(r"(?:total|amount due)[^\d]{0,20}([\d.,]+)", re.I)
URGENT = ["urgent", "today", "immediately", "confidential", "do not call", "under audit", "new bank"]


def norm(s: str) -> str:
    return re.sub(r"\s+", "", s or "").upper()


def mask(s: str) -> str:
    s = norm(s)
    return s if len(s) <= 10 else s[:6] + "*" * (len(s) - 10) + s[-4:]


def load_invoice(p: Path) -> dict:
    if p.suffix == ".json":
        d = json.loads(p.read_text())
        return {"vendor": d.get("vendor", ""), "number": d.get("invoice_number", ""), "amount": float(d.get("total", 0)),
                "iban": d.get("iban", ""), "text": json.dumps(d)}
    t = p.read_text(errors="replace")
    amt = AMOUNT_RE.search(t)
    iban = IBAN_RE.search(t)
    acct = ACCT_RE.search(t)
    num = INVNO_RE.search(t)
    first = next((l.strip() for l in t.splitlines() if l.strip()), "")
    return {"vendor": first, "number": num.group(1) if num else "", "iban": iban.group(0) if iban else (acct.group(1) if acct else ""),
            "amount": float(amt.group(1).replace(",", "")) if amt else 0.0, "text": t}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--master", required=True)
    ap.add_argument("--inbox", required=True)
    ap.add_argument("--history")
    a = ap.parse_args()

    master = {r["vendor_name"].lower(): r for r in csv.DictReader(open(a.master, newline=""))}
    history = list(csv.DictReader(open(a.history, newline=""))) if a.history else []

    print("# Invoice screen\n")
    for p in sorted(Path(a.inbox).glob("*")):
        if p.suffix not in {".txt", ".json"}:
            continue
        inv = load_invoice(p)
        key = next((k for k in master if k in inv["vendor"].lower()), None)
        flags, level = [], "OK"
        if not key:
            flags.append("vendor not found in master")
            level = "HOLD"
        else:
            m = master[key]
            if inv["iban"] and norm(inv["iban"]) != norm(m.get("iban") or m.get("account_number", "")):
                flags.append(f"BANK: invoice {mask(inv['iban'])} != master {mask(m.get('iban', ''))}")
                level = "HOLD"
            past = [float(h["amount"]) for h in history if h["vendor_name"].lower() == key]
            if any(h["vendor_name"].lower() == key and h["invoice_number"] == inv["number"] for h in history):
                flags.append("DUP: invoice number already paid")
                level = "HOLD"
            if past and inv["amount"] > 3 * statistics.median(past):
                flags.append(f"AMOUNT: {inv['amount']:.2f} > 3x median {statistics.median(past):.2f}")
                level = "WARN" if level == "OK" else level
        hits = [w for w in URGENT if w in inv["text"].lower()]
        if hits:
            flags.append("URGENT: " + ", ".join(hits))
            level = "WARN" if level == "OK" else level
        print(f"{level:5} {inv['number'] or p.name}  {inv['vendor'][:40]}  {inv['amount']:,.2f}")
        for f in flags:
            print(f"      {f}")


if __name__ == "__main__":
    main()
