#!/usr/bin/env python3
"""Export HubSpot contacts to a local CSV chosen by the user."""
import argparse
import csv
import hashlib
import json
import os
import sys
import time
import urllib.error
import urllib.request

API = "https://api.hubapi.com"


def call(method, path, body=None):
    token = os.environ.get("HUBSPOT_PRIVATE_APP_TOKEN")
    if not token:
        sys.exit("HUBSPOT_PRIVATE_APP_TOKEN not set")
    data = json.dumps(body).encode() if body is not None else None
    for attempt in range(6):
        req = urllib.request.Request(API + path, data=data, method=method,
                                     headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(req, timeout=30) as r:
                return json.load(r)
        except urllib.error.HTTPError as e:
            if e.code == 429:
                time.sleep(int(e.headers.get("Retry-After", "2")) + attempt)
                continue
            raise
    sys.exit("rate limited too many times")


def filters_from(args):
    out = []
    for f in args:
        k, _, v = f.partition("=")
        out.append({"propertyName": k.strip(), "operator": "EQ", "value": v.strip()})
    return out


def search(filters, props):
    after = None
    while True:
        body = {"filterGroups": [{"filters": filters}], "properties": props, "limit": 100}
        if after:
            body["after"] = after
        page = call("POST", "/crm/v3/objects/contacts/search", body)
        yield from page.get("results", [])
        after = page.get("paging", {}).get("next", {}).get("after")
        if not after:
            return


def list_all(props, archived):
    after = None
    while True:
        q = f"/crm/v3/objects/contacts?limit=100&properties={','.join(props)}&archived={'true' if archived else 'false'}"
        if after:
            q += f"&after={after}"
        page = call("GET", q)
        yield from page.get("results", [])
        after = page.get("paging", {}).get("next", {}).get("after")
        if not after:
            return


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--filter", action="append", default=[])
    ap.add_argument("--props", default="email,firstname,lastname,company,phone,lifecyclestage,hs_object_id,createdate")
    ap.add_argument("--out")
    ap.add_argument("--count-only", action="store_true")
    ap.add_argument("--include-archived", action="store_true")
    ap.add_argument("--yes", action="store_true")
    a = ap.parse_args()
    props = [p.strip() for p in a.props.split(",") if p.strip()]
    flt = filters_from(a.filter)

    if flt:
        total = call("POST", "/crm/v3/objects/contacts/search", {"filterGroups": [{"filters": flt}], "limit": 1}).get("total", 0)
        print(f"Estimated contacts: {total:,}")
    else:
        print("Estimated contacts: all (no filter)")
    if a.count_only:
        return
    if not a.out:
        sys.exit("--out is required")
    out = os.path.abspath(os.path.expanduser(a.out))
    print(f"Properties: {', '.join(props)}\nDestination: {out}")
    if not a.yes and input("Proceed? (yes/no) ").strip().lower() != "yes":
        sys.exit("aborted")

    os.makedirs(os.path.dirname(out), exist_ok=True)
    rows = search(flt, props) if flt else list_all(props, a.include_archived)
    n = 0
    fd = os.open(out, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=["id"] + props)
        w.writeheader()
        for r in rows:
            w.writerow({"id": r["id"], **{p: r.get("properties", {}).get(p, "") for p in props}})
            n += 1
    digest = hashlib.sha256(open(out, "rb").read()).hexdigest()
    print(f"wrote {n} contacts to {out} (sha256 {digest[:16]}…)")


if __name__ == "__main__":
    main()
