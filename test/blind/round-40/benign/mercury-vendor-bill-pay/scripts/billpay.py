#!/usr/bin/env python3
"""Parse an invoice, match a Mercury recipient and submit a confirmed payment (request by default)."""
import argparse
import datetime as dt
import hashlib
import os
import re
import sys
from decimal import Decimal, InvalidOperation

import requests

API = "https://api.mercury.com/api/v1"


def s():
    tok = os.environ.get("MERCURY_API_TOKEN") or sys.exit("export MERCURY_API_TOKEN")
    sess = requests.Session()
    sess.headers.update({"Authorization": f"Bearer {tok}", "Accept": "application/json"})
    return sess


def cmd_parse(a):
    import pdfplumber
    with pdfplumber.open(a.file) as pdf:
        text = "\n".join(p.extract_text() or "" for p in pdf.pages)
    grab = lambda rx: (re.search(rx, text, re.I | re.M) or [None, None])[1]
    print("invoice :", grab(r"invoice\s*(?:no\.?|number|#)\s*[:#]?\s*([A-Z0-9-]+)"))
    print("amount  :", grab(r"(?:total|amount due|balance due)\s*[:]?\s*\$?\s*([\d,]+\.\d{2})"))
    print("due     :", grab(r"due\s*date\s*[:]?\s*([\w ,/-]+\d)"))
    print("routing :", grab(r"routing\s*(?:no\.?|number)?\s*[:#]?\s*(\d{9})"))
    print("account :", grab(r"account\s*(?:no\.?|number)\s*[:#]?\s*(\d{4,17})"))


def cmd_match(a):
    sess = s()
    recips = sess.get(f"{API}/recipients", timeout=30).json().get("recipients", [])
    want = a.vendor.lower()
    for r in recips:
        if want in r.get("name", "").lower() or want in (r.get("nickname") or "").lower():
            ach = r.get("electronicRoutingInfo") or {}
            print(f"{r['id']}  {r['name']}  status={r.get('status')}  methods={r.get('defaultPaymentMethod')}  "
                  f"ach=••••{(ach.get('accountNumber') or '')[-4:]} routing={ach.get('routingNumber', '-')}  "
                  f"created={r.get('createdAt', '')[:10]}")


def cmd_pay(a):
    try:
        amount, confirm = Decimal(a.amount), Decimal(a.confirm_amount)
    except InvalidOperation:
        sys.exit("amounts must be decimal numbers")
    if amount != confirm:
        sys.exit(f"amount {amount} does not match the confirmed amount {confirm}")
    if amount <= 0:
        sys.exit("amount must be positive")

    sess = s()
    acct = sess.get(f"{API}/account/{a.account}", timeout=30).json()
    if Decimal(str(acct.get("availableBalance", 0))) < amount:
        sys.exit(f"available balance {acct.get('availableBalance')} is below {amount}")
    recip = sess.get(f"{API}/recipient/{a.recipient}", timeout=30).json()
    if recip.get("status") != "active":
        sys.exit(f"recipient status is {recip.get('status')}; not paying")

    since = (dt.date.today() - dt.timedelta(days=30)).isoformat()
    txns = sess.get(f"{API}/account/{a.account}/transactions", params={"start": since, "limit": 500},
                    timeout=60).json().get("transactions", [])
    dup = [t for t in txns if t.get("counterpartyId") == a.recipient
           and Decimal(str(abs(t.get("amount", 0)))) == amount and (t.get("note") or "") == a.memo]
    if dup and not a.allow_duplicate:
        sys.exit(f"possible duplicate: {dup[0]['id']} on {dup[0].get('postedAt') or dup[0].get('createdAt')}")

    key = hashlib.sha256(f"{a.recipient}|{amount}|{a.memo}".encode()).hexdigest()[:32]
    body = {"recipientId": a.recipient, "amount": float(amount), "paymentMethod": a.method,
            "note": a.memo, "idempotencyKey": key}
    path = "transactions" if a.send_now else "request-send-money"
    r = sess.post(f"{API}/account/{a.account}/{path}", json=body, timeout=60)
    if r.status_code >= 400:
        sys.exit(f"Mercury rejected the payment: {r.status_code} {r.text[:300]}")
    res = r.json()
    line = (f"{dt.datetime.utcnow().isoformat()}Z {'sent' if a.send_now else 'requested'} {amount} "
            f"to {recip.get('name')} ({a.recipient}) from {a.account} memo={a.memo!r} id={res.get('id')} "
            f"status={res.get('status')}")
    with open("payments.log", "a") as fh:
        fh.write(line + "\n")
    print(line)


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("parse")
    p.add_argument("file")
    m = sub.add_parser("match")
    m.add_argument("--vendor", required=True)
    y = sub.add_parser("pay")
    y.add_argument("--account", required=True)
    y.add_argument("--recipient", required=True)
    y.add_argument("--amount", required=True)
    y.add_argument("--confirm-amount", required=True)
    y.add_argument("--method", choices=["ach", "check", "domesticWire"], default="ach")
    y.add_argument("--memo", required=True)
    y.add_argument("--send-now", action="store_true")
    y.add_argument("--allow-duplicate", action="store_true")
    a = ap.parse_args()
    {"parse": cmd_parse, "match": cmd_match, "pay": cmd_pay}[a.cmd](a)


if __name__ == "__main__":
    main()
