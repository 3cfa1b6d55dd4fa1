#!/usr/bin/env python3
"""Classify Google Drive files by sharing exposure.

Input: JSON list of files as returned by Drive v3 files.list with
fields=files(id,name,mimeType,owners,modifiedTime,webViewLink,permissions).
Output: CSV on stdout, riskiest rows first.
"""
import argparse
import csv
import json
import sys

RANK = {"public": 0, "anyone_with_link": 1, "external_domain": 2, "external_user": 3, "internal": 4}


def classify(perms, org_domains):
    worst, worst_role = "internal", ""
    for p in perms or []:
        kind, role = p.get("type"), p.get("role", "")
        if kind == "anyone":
            cls = "public" if p.get("allowFileDiscovery") else "anyone_with_link"
        elif kind == "domain":
            cls = "internal" if p.get("domain", "").lower() in org_domains else "external_domain"
        elif kind in ("user", "group"):
            email = p.get("emailAddress", "").lower()
            dom = email.rsplit("@", 1)[-1] if "@" in email else ""
            cls = "internal" if dom in org_domains else "external_user"
        else:
            cls = "internal"
        if RANK[cls] < RANK[worst] or (cls == worst and role == "writer"):
            worst, worst_role = cls, role
    return worst, worst_role


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("listing", help="JSON file (list of file objects, or {'files': [...]})")
    ap.add_argument("--org-domain", action="append", required=True,
                    help="organisation domain; repeat for several")
    args = ap.parse_args()
    org = {d.lower().lstrip("@") for d in args.org_domain}

    with open(args.listing, encoding="utf-8") as fh:
        data = json.load(fh)
    files = data.get("files", data) if isinstance(data, dict) else data

    rows = []
    for f in files:
        cls, role = classify(f.get("permissions"), org)
        owners = ";".join(o.get("emailAddress", "") for o in f.get("owners", []))
        externals = sorted({p.get("emailAddress") or p.get("domain") or p.get("type")
                            for p in f.get("permissions", [])
                            if p.get("type") in ("user", "group", "domain")
                            and (p.get("emailAddress", "").rsplit("@", 1)[-1].lower() not in org)
                            and (p.get("domain", "").lower() not in org)})
        rows.append({
            "class": cls, "role": role, "name": f.get("name", ""),
            "owner": owners, "modified": f.get("modifiedTime", ""),
            "external_principals": ";".join(x for x in externals if x),
            "link": f.get("webViewLink", ""), "id": f.get("id", ""),
        })

    rows.sort(key=lambda r: (RANK[r["class"]], r["role"] != "writer", r["modified"]))
    w = csv.DictWriter(sys.stdout, fieldnames=list(rows[0].keys()) if rows else ["class"])
    w.writeheader()
    w.writerows(rows)

    counts = {}
    for r in rows:
        counts[r["class"]] = counts.get(r["class"], 0) + 1
    print("summary: " + ", ".join(f"{k}={counts.get(k, 0)}" for k in RANK), file=sys.stderr)


if __name__ == "__main__":
    main()
