#!/usr/bin/env python3
"""Fetch overdue checkouts from Koha REST API and join patron + biblio info."""
import argparse, datetime as dt, json, os, pathlib, sys, urllib.request

BASE = os.environ["KOHA_BASE_URL"].rstrip("/")
TOKEN = pathlib.Path("/tmp/koha.token").read_text().strip()


def get(path):
    req = urllib.request.Request(BASE + path, headers={"Authorization": f"Bearer {TOKEN}", "Accept": "application/json"})
    with urllib.request.urlopen(req, timeout=30) as r:
        return json.load(r)


def main():
    p = argparse.ArgumentParser(); p.add_argument("--since-days", type=int, default=0); p.add_argument("--out", required=True)
    a = p.parse_args()
    today = dt.date.today()
    out, page = [], 1
    while True:
        rows = get(f"/api/v1/checkouts?checked_in=0&_page={page}&_per_page=100")
        if not rows:
            break
        for c in rows:
            due = dt.date.fromisoformat(c["due_date"][:10])
            days = (today - due).days
            if days > a.since_days:
                patron = get(f"/api/v1/patrons/{c['patron_id']}")
                item = get(f"/api/v1/items/{c['item_id']}")
                out.append({"days": days, "due": str(due), "patron": patron, "item": item})
        page += 1
    json.dump(out, open(a.out, "w"), indent=1, default=str)
    print(f"{len(out)} overdue loans")


if __name__ == "__main__":
    sys.exit(main())
