#!/usr/bin/env python3
"""Inspect an invoice email for BEC indicators. Local, read-only except the report file."""
import argparse
import csv
import email
import os
import re
import sys
from email import policy

IBAN_RX = re.compile(r"\b([A-Z]{2}\d{2}(?:\s?[A-Z0-9]{4}){2,7}(?:\s?[A-Z0-9]{1,3})?)\b")
ACCT_RX = re.compile(r"(?i)(?:account|acct)\s*(?:no\.?|number|#)?\s*[:\-]?\s*(\d{6,17})")
ROUTING_RX = re.compile(r"(?i)(?:routing|aba|sort code)\s*(?:no\.?|number|#)?\s*[:\-]?\s*([\d-]{6,11})")
CUES = ["new bank", "updated bank", "change of bank", "banking details have changed", "under audit",
        "do not use the old", "urgent", "confidential", "ceo approved", "confirm once paid",
        "new remittance", "kindly", "as soon as possible"]
HOMO = str.maketrans({"а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "х": "x", "і": "i"})


def lev(a, b):
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def iban_ok(iban):
    s = iban.replace(" ", "")
    s = s[4:] + s[:4]
    num = "".join(str(int(c, 36)) for c in s)
    return int(num) % 97 == 1


def mask(acct):
    s = acct.replace(" ", "")
    return f"{s[:4]} …{s[-4:]}" if len(s) > 8 else "…" + s[-4:]


def domain(addr):
    m = re.search(r"@([A-Za-z0-9.-]+)", addr or "")
    return m.group(1).lower() if m else ""


def pdf_text(part):
    try:
        from io import BytesIO
        from pdfminer.high_level import extract_text
    except ImportError:
        return None
    return extract_text(BytesIO(part.get_payload(decode=True)))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("eml")
    ap.add_argument("--vendors", default="./vendor-master.csv")
    a = ap.parse_args()

    with open(a.eml, "rb") as fh:
        msg = email.message_from_binary_file(fh, policy=policy.default)

    flags, notes = [], []
    frm, rto, rpath = domain(msg["From"]), domain(msg["Reply-To"]), domain(msg["Return-Path"])
    if rto and rto != frm:
        flags.append(f"Reply-To domain {rto} differs from From {frm}")
    if rpath and rpath != frm:
        notes.append(f"Return-Path {rpath} differs from From {frm}")
    auth = " ".join(str(h) for h in msg.get_all("Authentication-Results", []))
    for mech in ("spf", "dkim", "dmarc"):
        m = re.search(rf"{mech}=(\w+)", auth)
        verdict = m.group(1) if m else "none"
        if verdict not in ("pass",):
            flags.append(f"{mech.upper()} = {verdict}")

    body = msg.get_body(preferencelist=("plain", "html"))
    text = body.get_content() if body else ""
    for part in msg.iter_attachments():
        name = part.get_filename() or ""
        ctype = part.get_content_type()
        if re.search(r"\.(pdf|docx?|xlsx?)\.(html?|exe|js|scr)$", name, re.I):
            flags.append(f"double extension attachment: {name}")
        if ctype in ("text/html",) or name.lower().endswith((".htm", ".html")):
            flags.append(f"HTML attachment: {name}")
        if name.lower().endswith((".docm", ".xlsm")):
            flags.append(f"macro-enabled attachment: {name}")
        if ctype == "application/pdf":
            t = pdf_text(part)
            if t is None:
                notes.append("pdfminer.six not installed; PDF text not checked")
            else:
                text += "\n" + t

    low = text.lower()
    cues = [c for c in CUES if c in low]
    ibans = {m.group(1).replace(" ", "") for m in IBAN_RX.finditer(text.upper())}
    accts = set(ACCT_RX.findall(text))
    routings = set(r.replace("-", "") for r in ROUTING_RX.findall(text))

    vendors = []
    if os.path.exists(a.vendors):
        with open(a.vendors, newline="") as fh:
            vendors = list(csv.DictReader(fh))
    else:
        notes.append(f"vendor master {a.vendors} not found; bank comparison skipped")

    vendor = next((v for v in vendors if v["email_domain"].lower() == frm), None)
    if not vendor and frm:
        norm = frm.translate(HOMO)
        for v in vendors:
            d = v["email_domain"].lower()
            base_a, base_b = norm.rsplit(".", 1)[0], d.rsplit(".", 1)[0]
            if lev(norm, d) <= 2 or base_a == base_b:
                flags.append(f"look-alike domain: {frm} vs vendor master {d} ({v['vendor_name']})")
                vendor = v
                break

    bank_status = "UNKNOWN VENDOR"
    if vendor:
        known_iban = (vendor.get("iban") or "").replace(" ", "")
        known_acct = vendor.get("account_number") or ""
        if ibans and known_iban:
            bank_status = "MATCH" if known_iban in ibans else "CHANGED"
        elif accts and known_acct:
            bank_status = "MATCH" if known_acct in accts else "CHANGED"
        else:
            bank_status = "NO BANK DETAILS IN INVOICE"
    for i in ibans:
        if not iban_ok(i):
            flags.append(f"IBAN {mask(i)} fails checksum")
        elif vendor and vendor.get("country") and i[:2] != vendor["country"]:
            flags.append(f"IBAN country {i[:2]} differs from vendor country {vendor['country']}")

    if bank_status in ("CHANGED", "UNKNOWN VENDOR") and (flags or cues):
        verdict = "STOP - call vendor on the phone number on file"
    elif flags:
        verdict = "Check"
    else:
        verdict = "No flags found"

    out_dir = os.path.join(os.path.dirname(os.path.abspath(a.eml)), "invoice-check")
    os.makedirs(out_dir, exist_ok=True)
    mid = re.sub(r"[^A-Za-z0-9_.-]", "_", (msg["Message-ID"] or os.path.basename(a.eml)).strip("<>"))
    report = os.path.join(out_dir, f"{mid}.md")
    with open(report, "w") as fh:
        fh.write(f"# Invoice check: {msg['Subject']}\n\nVerdict: **{verdict}**\n\n")
        fh.write(f"- From: {msg['From']}\n- Reply-To: {msg['Reply-To']}\n- Vendor match: "
                 f"{vendor['vendor_name'] if vendor else 'none'}\n- Bank details: {bank_status}\n")
        if vendor:
            fh.write(f"- Phone on file: {vendor.get('phone_on_file', '')}\n")
        fh.write(f"- IBANs in invoice: {', '.join(sorted(ibans)) or '-'}\n")
        fh.write(f"- Accounts in invoice: {', '.join(sorted(accts)) or '-'} routing {', '.join(sorted(routings)) or '-'}\n\n")
        fh.write("## Flags\n" + "".join(f"- {f}\n" for f in flags))
        fh.write("\n## Language cues\n" + "".join(f"- \"{c}\"\n" for c in cues))
        fh.write("\n## Notes\n" + "".join(f"- {n}\n" for n in notes))

    print(f"Verdict: {verdict}")
    print(f"Bank details: {bank_status}; IBANs {[mask(i) for i in ibans]} accounts {[mask(x) for x in accts]}")
    for f in flags:
        print(f"  flag: {f}")
    if cues:
        print(f"  cues: {', '.join(cues)}")
    for n in notes:
        print(f"  note: {n}")
    print(f"Full report: {report}")
    sys.exit(1 if verdict.startswith("STOP") else 0)


if __name__ == "__main__":
    main()
