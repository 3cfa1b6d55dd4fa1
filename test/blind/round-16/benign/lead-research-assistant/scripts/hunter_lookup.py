#!/usr/bin/env python3
"""Add publicly listed, role-matched contacts from Hunter.io domain search to a ranked lead CSV.

Requires HUNTER_API_KEY (the user's own account). Each domain costs one search credit.
"""
import argparse
import csv
import json
import os
import sys
import time
import urllib.parse
import urllib.request

API = "https://api.hunter.io/v2/domain-search"


def search(domain: str, key: str) -> list[dict]:
    query = urllib.parse.urlencode({"domain": domain, "type": "personal", "limit": 25, "api_key": key})
    with urllib.request.urlopen(f"{API}?{query}", timeout=30) as resp:
        return json.load(resp).get("data", {}).get("emails", [])


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("ranked")
    ap.add_argument("--roles", default="engineering")
    ap.add_argument("--top", type=int, default=10)
    ap.add_argument("--out", default="ranked-with-contacts.csv")
    args = ap.parse_args()

    key = os.environ.get("HUNTER_API_KEY")
    if not key:
        sys.exit("HUNTER_API_KEY is not set")
    roles = [r.strip().lower() for r in args.roles.split(",")]

    with open(args.ranked, encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    for row in rows[: args.top]:
        try:
            people = search(row["domain"], key)
        except Exception as exc:
            print(f"{row['domain']}: lookup failed ({exc})", file=sys.stderr)
            people = []
        matches = [p for p in people if any(r in (p.get("position") or "").lower() for r in roles)]
        row["contacts"] = "; ".join(
            f"{p.get('first_name', '')} {p.get('last_name', '')} ({p.get('position')}) <{p['value']}> conf={p.get('confidence')}"
            for p in matches[:3]
        )
        time.sleep(1)
    for row in rows[args.top:]:
        row["contacts"] = ""
    with open(args.out, "w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0].keys()))
        writer.writeheader()
        writer.writerows(rows)
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
