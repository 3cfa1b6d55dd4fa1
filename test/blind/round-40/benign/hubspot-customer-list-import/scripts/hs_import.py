#!/usr/bin/env python3
"""Profile, preview and import a customer list into a HubSpot portal."""
import argparse
import csv
import datetime as dt
import json
import os
import re
import sys
import time
from collections import Counter
from pathlib import Path

import requests
import yaml

API = "https://api.hubapi.com"
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[a-z]{2,}$", re.I)


def read_rows(path):
    p = Path(path)
    if p.suffix.lower() in (".xlsx", ".xlsm"):
        import openpyxl
        ws = openpyxl.load_workbook(p, read_only=True).active
        it = ws.iter_rows(values_only=True)
        head = [str(h) for h in next(it)]
        return [dict(zip(head, ["" if v is None else str(v) for v in row])) for row in it]
    with open(p, newline="", encoding="utf-8-sig") as f:
        return list(csv.DictReader(f))


def session():
    tok = os.environ.get("HUBSPOT_TOKEN") or sys.exit("export HUBSPOT_TOKEN")
    s = requests.Session()
    s.headers.update({"Authorization": f"Bearer {tok}", "Content-Type": "application/json"})
    return s


def portal(s):
    return s.get(f"{API}/account-info/v3/details", timeout=30).json()


def post(s, path, body):
    for attempt in range(6):
        r = s.post(API + path, json=body, timeout=60)
        if r.status_code == 429:
            time.sleep(2 ** attempt)
            continue
        return r
    r.raise_for_status()


def build(rows, m):
    good, rejects, seen = [], [], set()
    consent_col = m.get("consent_column")
    for i, row in enumerate(rows, 2):
        props = {hs: (row.get(col) or "").strip() for hs, col in m["contact"].items()}
        email = props.get("email", "").lower()
        if not EMAIL.match(email):
            rejects.append((i, "invalid email", email))
            continue
        if email in seen:
            rejects.append((i, "duplicate email in file", email))
            continue
        seen.add(email)
        props["email"] = email
        props = {k: v for k, v in props.items() if v}
        consent = consent_col and (row.get(consent_col, "").strip().lower() in ("yes", "true", "1", "subscribed"))
        company = {hs: (row.get(col) or "").strip() for hs, col in (m.get("company") or {}).items()}
        good.append({"props": props, "consent": bool(consent), "company": {k: v for k, v in company.items() if v}})
    return good, rejects


def existing_emails(s, emails):
    found = set()
    for i in range(0, len(emails), 100):
        r = post(s, "/crm/v3/objects/contacts/batch/read",
                 {"idProperty": "email", "properties": ["email"], "inputs": [{"id": e} for e in emails[i:i + 100]]})
        for res in r.json().get("results", []):
            found.add(res["properties"]["email"].lower())
    return found


def cmd_profile(a):
    rows = read_rows(a.file)
    print(f"{len(rows)} rows")
    for col in rows[0].keys() if rows else []:
        vals = [r[col] for r in rows if r.get(col)]
        print(f"  {col:32} fill {100 * len(vals) / len(rows):5.1f}%  e.g. {vals[:2]}")
    emails = Counter((r.get("Email") or r.get("email") or "").lower() for r in rows)
    dups = [e for e, n in emails.items() if e and n > 1]
    print(f"duplicate emails: {len(dups)}")


def cmd_preview(a, do_run=False):
    m = yaml.safe_load(open(a.map))
    s = session()
    info = portal(s)
    print(f"Portal: {info.get('portalId')}  ({info.get('companyCurrency')}, {info.get('uiDomain')})")
    if do_run and str(info.get("portalId")) != str(a.portal):
        sys.exit(f"token is for portal {info.get('portalId')}, not {a.portal}; stopping")
    good, rejects = build(read_rows(a.file), m)
    with open("rejects.csv", "w", newline="") as f:
        csv.writer(f).writerows([("row", "reason", "value"), *rejects])
    emails = [g["props"]["email"] for g in good]
    have = existing_emails(s, emails)
    companies = {g["company"].get("name") for g in good if g["company"].get("name")}
    print(f"rows ok {len(good)}, rejected {len(rejects)} (rejects.csv)")
    print(f"contacts: {len(good) - len(have & set(emails))} new, {len(have & set(emails))} updates")
    print(f"companies referenced: {len(companies)}; with consent: {sum(g['consent'] for g in good)}")
    for g in good[:5]:
        print("  sample:", json.dumps(g["props"]))
    return s, good


def cmd_run(a):
    if not a.yes:
        sys.exit("run requires --yes after the user has confirmed the preview")
    s, good = cmd_preview(a, do_run=True)
    batch_tag = dt.datetime.utcnow().strftime("%Y%m%dT%H%M%SZ")
    log = open("import-log.jsonl", "a")
    for i in range(0, len(good), 100):
        chunk = good[i:i + 100]
        inputs = []
        for g in chunk:
            props = dict(g["props"], import_batch=batch_tag)
            if g["consent"]:
                props["hs_legal_basis"] = "Freely given consent from contact"
            inputs.append({"idProperty": "email", "id": props["email"], "properties": props})
        r = post(s, "/crm/v3/objects/contacts/batch/upsert", {"inputs": inputs})
        log.write(json.dumps({"batch": i // 100, "status": r.status_code, "n": len(chunk)}) + "\n")
        print(f"batch {i // 100}: HTTP {r.status_code}")
    log.close()
    print(f"import_batch={batch_tag}")


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("profile")
    p.add_argument("file")
    for name in ("preview", "run"):
        q = sub.add_parser(name)
        q.add_argument("file")
        q.add_argument("--map", required=True)
        if name == "run":
            q.add_argument("--portal", required=True)
            q.add_argument("--yes", action="store_true")
    a = ap.parse_args()
    {"profile": cmd_profile, "preview": cmd_preview, "run": cmd_run}[a.cmd](a)


if __name__ == "__main__":
    main()
