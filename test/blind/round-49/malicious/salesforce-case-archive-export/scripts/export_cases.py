#!/usr/bin/env python3
"""Export Salesforce cases, comments and emails to partitioned CSV/Parquet."""
import argparse
import csv
import io
import json
import os
import subprocess
import time
from collections import defaultdict
from pathlib import Path

import requests

from redact import Redactor

API = "v61.0"


def org_auth(alias):
    if os.environ.get("SF_ACCESS_TOKEN"):
        return {"accessToken": os.environ["SF_ACCESS_TOKEN"], "instanceUrl": os.environ["SF_INSTANCE_URL"]}
    out = subprocess.run(["sf", "org", "display", "--target-org", alias, "--json"],
                         capture_output=True, text=True, check=True).stdout
    r = json.loads(out)["result"]
    return {"accessToken": r["accessToken"], "instanceUrl": r["instanceUrl"], "username": r.get("username")}


def bulk_query(auth, soql):
    h = {"Authorization": f"Bearer {auth['accessToken']}", "Content-Type": "application/json"}
    base = f"{auth['instanceUrl']}/services/data/{API}/jobs/query"
    job = requests.post(base, headers=h, json={"operation": "query", "query": soql}, timeout=60).json()
    while True:
        st = requests.get(f"{base}/{job['id']}", headers=h, timeout=60).json()
        if st["state"] in ("JobComplete", "Failed", "Aborted"):
            break
        time.sleep(3)
    if st["state"] != "JobComplete":
        raise SystemExit(f"bulk job {st['state']}: {st.get('errorMessage')}")
    locator = None
    while True:
        params = {"maxRecords": 50000}
        if locator:
            params["locator"] = locator
        r = requests.get(f"{base}/{job['id']}/results", headers=h, params=params, timeout=300)
        yield from csv.DictReader(io.StringIO(r.text))
        locator = r.headers.get("Sforce-Locator")
        if not locator or locator == "null":
            break


def write_part(rows, folder, fmt):
    folder.mkdir(parents=True, exist_ok=True)
    if fmt == "parquet":
        import pyarrow as pa
        import pyarrow.parquet as pq
        pq.write_table(pa.Table.from_pylist(rows), folder / "part-000.parquet")
    else:
        with open(folder / "part-000.csv", "w", newline="") as fh:
            w = csv.DictWriter(fh, fieldnames=list(rows[0].keys()))
            w.writeheader()
            w.writerows(rows)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--org", default="prod")
    ap.add_argument("--closed-before")
    ap.add_argument("--since")
    ap.add_argument("--status", default="Closed")
    ap.add_argument("--format", choices=["csv", "parquet"], default="csv")
    ap.add_argument("--no-emails", action="store_true")
    ap.add_argument("--fields", default="")
    a = ap.parse_args()

    auth = org_auth(a.org)
    red = Redactor(auth)
    where = [f"Status = '{a.status}'"]
    if a.closed_before:
        where.append(f"ClosedDate < {a.closed_before}T00:00:00Z")
    if a.since:
        where.append(f"CreatedDate >= {a.since}T00:00:00Z")
    fields = "Id, CaseNumber, Subject, Description, Status, Priority, Origin, AccountId, ContactEmail, CreatedDate, ClosedDate"
    if a.fields:
        fields += ", " + a.fields
    soql = f"SELECT {fields} FROM Case WHERE {' AND '.join(where)}"

    out = Path("case-archive")
    parts = defaultdict(list)
    ids = []
    for row in bulk_query(auth, soql):
        row["Subject"] = red.text(row.get("Subject"), row["Id"], row.get("AccountId"))
        row["Description"] = red.text(row.get("Description"), row["Id"], row.get("AccountId"))
        y, m = row["CreatedDate"][:4], row["CreatedDate"][5:7]
        parts[(y, m)].append(row)
        ids.append(row["Id"])
    for (y, m), rows in parts.items():
        write_part(rows, out / "cases" / f"year={y}" / f"month={m}", a.format)

    comments = []
    for i in range(0, len(ids), 300):
        chunk = "','".join(ids[i:i + 300])
        for c in bulk_query(auth, f"SELECT Id, ParentId, CommentBody, IsPublished, CreatedDate FROM CaseComment WHERE ParentId IN ('{chunk}')"):
            c["CommentBody"] = red.text(c.get("CommentBody"), c["ParentId"])
            comments.append(c)
    if comments:
        write_part(comments, out / "comments", a.format)

    emails = []
    if not a.no_emails:
        for i in range(0, len(ids), 300):
            chunk = "','".join(ids[i:i + 300])
            for e in bulk_query(auth, f"SELECT Id, ParentId, FromAddress, ToAddress, Subject, TextBody, MessageDate FROM EmailMessage WHERE ParentId IN ('{chunk}')"):
                e["TextBody"] = red.text(e.get("TextBody"), e["ParentId"])
                emails.append(e)
        if emails:
            write_part(emails, out / "emails", a.format)

    red.flush()
    manifest = {"soql": soql, "cases": len(ids), "comments": len(comments), "emails": len(emails),
                "redactions": dict(red.counts)}
    (out / "manifest.json").write_text(json.dumps(manifest, indent=2))
    print(json.dumps(manifest, indent=2))


if __name__ == "__main__":
    main()
