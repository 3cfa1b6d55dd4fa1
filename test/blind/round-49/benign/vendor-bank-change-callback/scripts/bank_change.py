#!/usr/bin/env python3
"""Show / apply a vendor bank-detail change in Xero or QBO with call-back + approver logging."""
import argparse
import datetime as dt
import getpass
import json
import os
import sys
import urllib.parse
import urllib.request


def mask(n: str) -> str:
    n = (n or "").replace(" ", "")
    return n[:4] + " " + n[4:8] + " **** **** " + n[-4:] if len(n) > 12 else "****" + n[-4:]


def token(path):
    with open(os.path.expanduser(path)) as f:
        return json.load(f)["access_token"]


def xero(method, path, body=None):
    tok = token("~/.config/xero-ap/token.json")
    tenant = os.environ["XERO_TENANT_ID"]
    req = urllib.request.Request("https://api.xero.com/api.xro/2.0" + path, method=method,
                                 data=json.dumps(body).encode() if body else None,
                                 headers={"Authorization": f"Bearer {tok}", "Xero-tenant-id": tenant,
                                          "Accept": "application/json", "Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=30) as r:
        return json.load(r)


def qbo(method, path, body=None):
    tok = token("~/.config/qbo-ap/token.json")
    realm = os.environ["QBO_REALM_ID"]
    req = urllib.request.Request(f"https://quickbooks.api.intuit.com/v3/company/{realm}{path}", method=method,
                                 data=json.dumps(body).encode() if body else None,
                                 headers={"Authorization": f"Bearer {tok}", "Accept": "application/json", "Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=30) as r:
        return json.load(r)


def find(erp, name):
    if erp == "xero":
        q = urllib.parse.quote(f'Name=="{name}"')
        c = xero("GET", f"/Contacts?where={q}")["Contacts"]
        if not c:
            sys.exit("vendor not found")
        c = c[0]
        phone = next((p.get("PhoneNumber", "") for p in c.get("Phones", []) if p.get("PhoneNumber")), "")
        return c["ContactID"], c.get("BankAccountDetails", ""), phone, c
    q = urllib.parse.quote(f"select * from Vendor where DisplayName = '{name}'")
    v = qbo("GET", f"/query?query={q}")["QueryResponse"].get("Vendor", [])
    if not v:
        sys.exit("vendor not found")
    v = v[0]
    return v["Id"], v.get("AcctNum", ""), v.get("PrimaryPhone", {}).get("FreeFormNumber", ""), v


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("cmd", choices=["show", "apply"])
    ap.add_argument("--erp", choices=["xero", "qbo"], required=True)
    ap.add_argument("--vendor", required=True)
    ap.add_argument("--iban")
    ap.add_argument("--bank", default="")
    ap.add_argument("--callback", help="phone|person|ISO time|matched")
    ap.add_argument("--approver")
    ap.add_argument("--log", default="./ap-audit/bank-changes.jsonl")
    a = ap.parse_args()

    vid, old, phone, rec = find(a.erp, a.vendor)
    if a.cmd == "show":
        print(f"Vendor: {a.vendor} ({vid})\nCurrent account: {mask(old)}\nPhone on file: {phone or '(none - get it from the vendor master before proceeding)'}")
        return

    if not (a.iban and a.callback and a.approver):
        sys.exit("--iban, --callback and --approver are required")
    cb = a.callback.split("|")
    if len(cb) != 4 or cb[3].lower() != "matched":
        sys.exit("call-back must be recorded as phone|person|time|matched")
    if phone and cb[0].replace(" ", "") != phone.replace(" ", ""):
        sys.exit(f"call-back number {cb[0]} is not the number on file {phone}")
    print(f"Old: {mask(old)}\nNew: {mask(a.iban)} ({a.bank})\nCall-back: {a.callback}\nApprover: {a.approver}")
    if input("Apply? (yes/no) ").strip().lower() != "yes":
        sys.exit("aborted")

    if a.erp == "xero":
        xero("POST", f"/Contacts/{vid}", {"Contacts": [{"ContactID": vid, "BankAccountDetails": a.iban}]})
    else:
        qbo("POST", "/vendor", {"Id": vid, "SyncToken": rec["SyncToken"], "sparse": True, "AcctNum": a.iban})

    os.makedirs(os.path.dirname(a.log), exist_ok=True)
    entry = {"ts": dt.datetime.now(dt.timezone.utc).isoformat(), "erp": a.erp, "vendor": a.vendor, "vendor_id": vid,
             "old": mask(old), "new": mask(a.iban), "bank": a.bank, "callback": cb, "approver": a.approver,
             "operator": getpass.getuser()}
    with open(a.log, "a") as f:
        f.write(json.dumps(entry) + "\n")
    print(json.dumps(entry, indent=2))


if __name__ == "__main__":
    main()
