#!/usr/bin/env python3
"""Validate, map and post journal entries to QuickBooks Online."""
import argparse
import csv
import json
import os
import sys
import time
from collections import defaultdict
from datetime import datetime
from decimal import Decimal

import requests
from dotenv import load_dotenv

TOKEN_URL = "https://oauth.platform.intuit.com/oauth2/v1/tokens/bearer"
BASE = {
    "sandbox": "https://sandbox-quickbooks.api.intuit.com",
    "production": "https://quickbooks.api.intuit.com",
}


def load_rows(path):
    if path.endswith(".xlsx"):
        import openpyxl
        ws = openpyxl.load_workbook(path, read_only=True).active
        rows = list(ws.iter_rows(values_only=True))
        head = [str(h).strip() for h in rows[0]]
        return [dict(zip(head, r)) for r in rows[1:] if any(r)]
    with open(path, newline="", encoding="utf-8-sig") as fh:
        return list(csv.DictReader(fh))


def group(rows):
    entries = defaultdict(list)
    for r in rows:
        entries[r["entry_id"]].append(r)
    return entries


def dec(v):
    return Decimal(str(v).replace(",", "")) if v not in (None, "") else Decimal("0")


def validate(entries):
    problems = []
    for eid, lines in entries.items():
        dr = sum(dec(l["debit"]) for l in lines)
        cr = sum(dec(l["credit"]) for l in lines)
        if dr != cr:
            problems.append(f"{eid}: debits {dr} != credits {cr}")
        for l in lines:
            if dec(l["debit"]) and dec(l["credit"]):
                problems.append(f"{eid}: line '{l['account']}' has both debit and credit")
        if len(eid) > 21:
            problems.append(f"{eid}: DocNumber longer than 21 characters")
    return problems


def access_token():
    load_dotenv()
    r = requests.post(
        TOKEN_URL,
        auth=(os.environ["QBO_CLIENT_ID"], os.environ["QBO_CLIENT_SECRET"]),
        data={"grant_type": "refresh_token", "refresh_token": os.environ["QBO_REFRESH_TOKEN"]},
        headers={"Accept": "application/json"},
        timeout=30,
    )
    if r.status_code != 200:
        sys.exit(f"token refresh failed: {r.text}")
    return r.json()["access_token"]


def api(method, path, token, **kw):
    env = os.environ.get("QBO_ENV", "sandbox")
    url = f"{BASE[env]}/v3/company/{os.environ['QBO_REALM_ID']}/{path}"
    while True:
        r = requests.request(method, url, headers={"Authorization": f"Bearer {token}",
                             "Accept": "application/json"}, timeout=60, **kw)
        if r.status_code == 429:
            time.sleep(5)
            continue
        return r


def cmd_map(args):
    token = access_token()
    r = api("GET", "query", token, params={"query": "select Id, FullyQualifiedName from Account maxresults 1000"})
    accounts = {a["FullyQualifiedName"]: a["Id"] for a in r.json()["QueryResponse"].get("Account", [])}
    names = {row["account"] for row in load_rows(args.file)}
    mapping = {n: accounts.get(n) for n in sorted(names)}
    json.dump(mapping, open(args.out, "w"), indent=2)
    missing = [n for n, v in mapping.items() if v is None]
    print(f"mapped {len(names) - len(missing)}/{len(names)} accounts -> {args.out}")
    for n in missing:
        print("  UNMATCHED:", n)


def build(eid, lines, amap):
    body = {"DocNumber": eid, "TxnDate": str(lines[0]["date"])[:10],
            "PrivateNote": lines[0].get("memo") or "", "Line": []}
    for l in lines:
        amt, side = (dec(l["debit"]), "Debit") if dec(l["debit"]) else (dec(l["credit"]), "Credit")
        detail = {"PostingType": side, "AccountRef": {"value": amap[l["account"]]}}
        body["Line"].append({"Amount": float(amt), "Description": l.get("memo") or "",
                             "DetailType": "JournalEntryLineDetail", "JournalEntryLineDetail": detail})
    return body


def cmd_post(args):
    entries = group(load_rows(args.file))
    problems = validate(entries)
    if problems:
        sys.exit("\n".join(problems))
    amap = json.load(open(args.map))
    bodies = [build(e, l, amap) for e, l in entries.items()]
    total = sum(x["Amount"] for b in bodies for x in b["Line"]) / 2
    print(f"{len(bodies)} entries, total {total:,.2f}")
    if args.dry_run:
        return
    token = access_token()
    posted = []
    for b in bodies:
        r = api("POST", "journalentry", token, json=b)
        if r.status_code >= 400:
            print("FAILED", b["DocNumber"], r.text)
            continue
        posted.append({"DocNumber": b["DocNumber"], "Id": r.json()["JournalEntry"]["Id"], "body": b})
    out = f"posted_{datetime.now():%Y%m%dT%H%M%S}.json"
    json.dump(posted, open(out, "w"), indent=2)
    print(f"posted {len(posted)} -> {out}")


def cmd_reverse(args):
    token = access_token()
    for p in json.load(open(args.posted)):
        b = p["body"]
        b["DocNumber"] = ("R-" + b["DocNumber"])[:21]
        b["TxnDate"] = args.date
        b["PrivateNote"] = f"Reversal of {p['DocNumber']}"
        for line in b["Line"]:
            d = line["JournalEntryLineDetail"]
            d["PostingType"] = "Credit" if d["PostingType"] == "Debit" else "Debit"
        r = api("POST", "journalentry", token, json=b)
        print(p["DocNumber"], r.status_code)


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    v = sub.add_parser("validate"); v.add_argument("file"); v.add_argument("--cents", action="store_true")
    m = sub.add_parser("map-accounts"); m.add_argument("file"); m.add_argument("--out", default="account_map.json")
    p = sub.add_parser("post"); p.add_argument("file"); p.add_argument("--map", required=True)
    p.add_argument("--dry-run", action="store_true")
    r = sub.add_parser("reverse"); r.add_argument("posted"); r.add_argument("--date", required=True)
    args = ap.parse_args()
    if args.cmd == "validate":
        probs = validate(group(load_rows(args.file)))
        print("\n".join(probs) or "all entries balance")
        sys.exit(1 if probs else 0)
    {"map-accounts": cmd_map, "post": cmd_post, "reverse": cmd_reverse}[args.cmd](args)


if __name__ == "__main__":
    main()
