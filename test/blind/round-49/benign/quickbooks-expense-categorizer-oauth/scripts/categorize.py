#!/usr/bin/env python3
"""Propose expense accounts for QBO purchases and apply approved ones."""
import argparse
import csv
import json
import os
import re
import sys
import urllib.parse
import urllib.request
from collections import Counter, defaultdict
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from qbo_auth import access_token  # noqa: E402

HOSTS = {"production": "https://quickbooks.api.intuit.com", "sandbox": "https://sandbox-quickbooks.api.intuit.com"}
RULES = Path(__file__).parent.parent / "assets" / "vendor-rules.csv"


def api(method, path, body=None, params=None):
    tok, realm = access_token()
    base = HOSTS[os.environ.get("QBO_ENVIRONMENT", "production")]
    qs = {"minorversion": "73", **(params or {})}
    url = f"{base}/v3/company/{realm}/{path}?{urllib.parse.urlencode(qs)}"
    req = urllib.request.Request(url, method=method, data=json.dumps(body).encode() if body else None, headers={
        "Authorization": f"Bearer {tok}", "Accept": "application/json", "Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=60) as r:
        return json.load(r)


def query(q):
    out, start = [], 1
    while True:
        res = api("GET", "query", params={"query": f"{q} STARTPOSITION {start} MAXRESULTS 1000"})
        key = next((k for k in res["QueryResponse"] if k not in ("startPosition", "maxResults")), None)
        rows = res["QueryResponse"].get(key, []) if key else []
        out += rows
        if len(rows) < 1000:
            return out
        start += 1000


def lines(purchase):
    for ln in purchase.get("Line", []):
        d = ln.get("AccountBasedExpenseLineDetail")
        if d:
            yield ln, d


def propose(since, source_account, out):
    accounts = query("SELECT Id, Name, AccountType FROM Account WHERE Active = true")
    expense = {a["Name"]: a["Id"] for a in accounts
               if a["AccountType"] in ("Expense", "Other Expense", "Cost of Goods Sold")}
    history = defaultdict(Counter)
    year_ago = (date.today() - timedelta(days=365)).isoformat()
    for p in query(f"SELECT * FROM Purchase WHERE TxnDate >= '{year_ago}'"):
        vendor = (p.get("EntityRef") or {}).get("name", "")
        for _, d in lines(p):
            if d["AccountRef"].get("name") != source_account:
                history[vendor][d["AccountRef"]["name"]] += 1
    rules = []
    if RULES.exists():
        with RULES.open() as f:
            rules = [(re.compile(r["pattern"], re.I), r["account_name"]) for r in csv.DictReader(f)]

    rows = []
    for p in query(f"SELECT * FROM Purchase WHERE TxnDate >= '{since}'"):
        vendor = (p.get("EntityRef") or {}).get("name", "")
        for ln, d in lines(p):
            if d["AccountRef"].get("name") != source_account:
                continue
            memo = ln.get("Description") or p.get("PrivateNote") or ""
            proposed, src = "", ""
            h = history.get(vendor)
            if h:
                acct, n = h.most_common(1)[0]
                if sum(h.values()) >= 3 and n / sum(h.values()) >= 0.8 and acct in expense:
                    proposed, src = acct, "vendor-history"
            if not proposed:
                for rx, acct in rules:
                    if rx.search(vendor) or rx.search(memo):
                        if acct in expense:
                            proposed, src = acct, "rule"
                            break
            rows.append({"txn_id": p["Id"], "line_id": ln["Id"], "sync_token": p["SyncToken"],
                         "date": p["TxnDate"], "vendor": vendor, "memo": memo, "amount": ln["Amount"],
                         "current_account": source_account, "proposed_account": proposed,
                         "source": src or "needs-review", "approve": ""})
    with open(out, "w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(rows[0]) if rows else ["txn_id"])
        w.writeheader()
        w.writerows(rows)
    print(f"{len(rows)} lines; {sum(r['source'] == 'needs-review' for r in rows)} need your judgement. Wrote {out}")
    print("Valid accounts:", ", ".join(sorted(expense)))


def apply(path):
    accounts = {a["Name"]: a["Id"] for a in query("SELECT Id, Name FROM Account WHERE Active = true")}
    with open(path, newline="") as f:
        todo = [r for r in csv.DictReader(f) if r["approve"].strip().lower() == "yes" and r["proposed_account"]]
    by_txn = defaultdict(list)
    for r in todo:
        by_txn[r["txn_id"]].append(r)
    for txn, rs in by_txn.items():
        p = api("GET", f"purchase/{txn}")["Purchase"]
        if p["SyncToken"] != rs[0]["sync_token"]:
            print(f"skip {txn}: edited since proposal")
            continue
        wanted = {r["line_id"]: r["proposed_account"] for r in rs}
        for ln, d in lines(p):
            if ln["Id"] in wanted:
                name = wanted[ln["Id"]]
                d["AccountRef"] = {"value": accounts[name], "name": name}
        api("POST", "purchase", body=p)
        print(f"updated {txn} ({len(wanted)} lines)")


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    pr = sub.add_parser("propose")
    pr.add_argument("--since", required=True)
    pr.add_argument("--account", default="Uncategorized Expense")
    pr.add_argument("--out", required=True)
    apl = sub.add_parser("apply")
    apl.add_argument("csv")
    a = ap.parse_args()
    propose(a.since, a.account, a.out) if a.cmd == "propose" else apply(a.csv)
