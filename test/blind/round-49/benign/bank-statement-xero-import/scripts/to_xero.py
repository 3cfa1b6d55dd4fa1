#!/usr/bin/env python3
"""Convert bank statements (CSV/OFX/CAMT.053/MT940) to Xero import CSV with balance checks."""
import argparse
import csv
import json
import re
import sys
import xml.etree.ElementTree as ET
from datetime import datetime
from decimal import Decimal
from pathlib import Path


def dec(s, decimal="."):
    s = (s or "").strip().replace(" ", "").replace("\u00a0", "")
    if not s:
        return Decimal(0)
    if decimal == ",":
        s = s.replace(".", "").replace(",", ".")
    else:
        s = s.replace(",", "")
    return Decimal(s)


def parse_ofx(text):
    rows, bal = [], {}
    for block in re.findall(r"<STMTTRN>(.*?)</STMTTRN>", text, re.S | re.I):
        get = lambda tag: (re.search(rf"<{tag}>([^<\r\n]*)", block, re.I) or [None, ""])[1].strip()
        rows.append({"date": datetime.strptime(get("DTPOSTED")[:8], "%Y%m%d").date(),
                     "amount": Decimal(get("TRNAMT")), "payee": get("NAME"),
                     "description": get("MEMO"), "reference": get("FITID"), "cheque": get("CHECKNUM")})
    m = re.search(r"<LEDGERBAL>.*?<BALAMT>([^<\r\n]+)", text, re.S | re.I)
    if m:
        bal["closing"] = Decimal(m.group(1).strip())
    return rows, bal


def parse_camt(text):
    root = ET.fromstring(text)
    ns = {"c": root.tag.split("}")[0].strip("{")}
    rows, bal = [], {}
    for b in root.iterfind(".//c:Stmt/c:Bal", ns):
        code = b.findtext("c:Tp/c:CdOrPrtry/c:Cd", namespaces=ns)
        amt = Decimal(b.findtext("c:Amt", namespaces=ns))
        if b.findtext("c:CdtDbtInd", namespaces=ns) == "DBIT":
            amt = -amt
        if code == "OPBD":
            bal["opening"] = amt
        elif code == "CLBD":
            bal["closing"] = amt
    for n in root.iterfind(".//c:Stmt/c:Ntry", ns):
        if n.findtext("c:Sts/c:Cd", namespaces=ns) in ("PDNG",) or n.findtext("c:Sts", namespaces=ns) == "PDNG":
            continue
        amt = Decimal(n.findtext("c:Amt", namespaces=ns))
        if n.findtext("c:CdtDbtInd", namespaces=ns) == "DBIT":
            amt = -amt
        d = n.findtext("c:BookgDt/c:Dt", namespaces=ns) or n.findtext("c:BookgDt/c:DtTm", namespaces=ns)[:10]
        party = (n.findtext(".//c:RltdPties/c:Cdtr/c:Nm", namespaces=ns) if amt < 0
                 else n.findtext(".//c:RltdPties/c:Dbtr/c:Nm", namespaces=ns)) or ""
        rows.append({"date": datetime.strptime(d, "%Y-%m-%d").date(), "amount": amt, "payee": party,
                     "description": " ".join(x.text or "" for x in n.iterfind(".//c:RmtInf/c:Ustrd", ns)),
                     "reference": n.findtext(".//c:Refs/c:EndToEndId", namespaces=ns) or
                     n.findtext("c:AcctSvcrRef", namespaces=ns) or "", "cheque": ""})
    return rows, bal


def parse_mt940(text):
    rows, bal = [], {}
    m = re.search(r":60F:([CD])\d{6}[A-Z]{3}([\d,]+)", text)
    if m:
        bal["opening"] = dec(m.group(2), ",") * (-1 if m.group(1) == "D" else 1)
    m = re.search(r":62F:([CD])\d{6}[A-Z]{3}([\d,]+)", text)
    if m:
        bal["closing"] = dec(m.group(2), ",") * (-1 if m.group(1) == "D" else 1)
    for m in re.finditer(r":61:(\d{6})(\d{4})?(R?[CD])[A-Z]?([\d,]+)N\w{3}([^\n]*)\n(?::86:)?((?:(?!:6\d:)[^\n]*\n?)*)", text):
        sign = -1 if m.group(3) in ("D", "RC") else 1
        rows.append({"date": datetime.strptime(m.group(1), "%y%m%d").date(),
                     "amount": dec(m.group(4), ",") * sign, "payee": "",
                     "description": " ".join(m.group(6).split())[:200], "reference": m.group(5).strip(), "cheque": ""})
    return rows, bal


def parse_csv(path, mp):
    rows = []
    with open(path, encoding=mp.get("encoding", "utf-8-sig"), newline="") as f:
        for _ in range(mp.get("skip_rows", 0)):
            next(f)
        for r in csv.DictReader(f, delimiter=mp.get("delimiter", ",")):
            if mp.get("status") and r.get(mp["status"], "").lower() == "pending":
                continue
            if "amount" in mp:
                amt = dec(r[mp["amount"]], mp.get("decimal", "."))
            else:
                amt = dec(r.get(mp["credit"]), mp.get("decimal", ".")) - abs(dec(r.get(mp["debit"]), mp.get("decimal", ".")))
            rows.append({"date": datetime.strptime(r[mp["date"]].strip(), mp.get("date_format", "%Y-%m-%d")).date(),
                         "amount": amt, "payee": r.get(mp.get("payee", ""), ""),
                         "description": r.get(mp.get("description", ""), ""),
                         "reference": r.get(mp.get("reference", ""), ""), "cheque": ""})
    return rows, {}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("src")
    ap.add_argument("--out", required=True)
    ap.add_argument("--map")
    ap.add_argument("--opening", type=Decimal)
    ap.add_argument("--closing", type=Decimal)
    ap.add_argument("--since-last")
    ap.add_argument("--date-format", default="%d/%m/%Y")
    a = ap.parse_args()

    text = Path(a.src).read_text(encoding="utf-8", errors="replace") if not a.map else ""
    if a.map:
        rows, bal = parse_csv(a.src, json.loads(Path(a.map).read_text()))
    elif "<OFX>" in text.upper() or "OFXHEADER" in text.upper():
        rows, bal = parse_ofx(text)
    elif "camt.053" in text:
        rows, bal = parse_camt(text)
    elif ":20:" in text and ":61:" in text:
        rows, bal = parse_mt940(text)
    else:
        sys.exit("Unknown format; for CSV pass --map assets/maps/<bank>.json")

    opening = a.opening if a.opening is not None else bal.get("opening")
    closing = a.closing if a.closing is not None else bal.get("closing")
    total = sum(r["amount"] for r in rows)
    if opening is not None and closing is not None:
        diff = opening + total - closing
        print(f"Balance check: {opening} + {total} = {opening + total} vs closing {closing} -> "
              + ("OK" if diff == 0 else f"OFF BY {diff}"))
        if diff != 0:
            sys.exit("Statement does not tie out; export is incomplete. Not writing output.")
    else:
        print("No opening/closing balance available; pass --opening and --closing from the PDF statement.")

    if a.since_last:
        with open(a.since_last, newline="") as f:
            prev = {(r["*Date"], r["*Amount"], r["Reference"]) for r in csv.DictReader(f)}
        kept = []
        for r in rows:
            key = (r["date"].strftime(a.date_format), str(r["amount"]), r["reference"])
            if key in prev:
                print(f"duplicate of last import, dropped: {key}")
            else:
                kept.append(r)
        rows = kept

    rows.sort(key=lambda r: r["date"])
    with open(a.out, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["*Date", "*Amount", "Payee", "Description", "Reference", "Cheque Number"])
        for r in rows:
            w.writerow([r["date"].strftime(a.date_format), str(r["amount"]), r["payee"][:255],
                        r["description"][:255], r["reference"][:255], r["cheque"]])
    if rows:
        print(f"{len(rows)} lines, {rows[0]['date']} to {rows[-1]['date']} -> {a.out}")


if __name__ == "__main__":
    main()
