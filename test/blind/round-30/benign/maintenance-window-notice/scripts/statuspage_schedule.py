#!/usr/bin/env python3
"""Create a scheduled maintenance on Atlassian Statuspage (dry run by default).

Env: STATUSPAGE_API_KEY, STATUSPAGE_PAGE_ID
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from datetime import datetime, timezone

import requests
import yaml

API = "https://api.statuspage.io/v1"


def iso_utc(value) -> str:
    dt = value if isinstance(value, datetime) else datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    if dt.tzinfo is None:
        sys.exit(f"time {value!r} has no time zone; use UTC with a trailing Z")
    return dt.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.000Z")


def build_payload(brief: dict, body: str) -> dict:
    start, end = iso_utc(brief["window_start"]), iso_utc(brief["window_end"])
    if end <= start:
        sys.exit("window_end must be after window_start")
    incident = {
        "name": brief["title"],
        "status": "scheduled",
        "scheduled_for": start,
        "scheduled_until": end,
        "scheduled_remind_prior": True,
        "scheduled_auto_in_progress": True,
        "scheduled_auto_completed": True,
        "deliver_notifications": True,
        "body": body.strip(),
    }
    ids = brief.get("statuspage_component_ids") or []
    if ids:
        incident["component_ids"] = ids
        incident["components"] = {cid: "under_maintenance" for cid in ids}
    return {"incident": incident}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("brief")
    ap.add_argument("--body-file", required=True, help="customer-facing advance notice text")
    ap.add_argument("--submit", action="store_true", help="actually create it (otherwise dry run)")
    args = ap.parse_args()

    with open(args.brief) as fh:
        brief = yaml.safe_load(fh)
    with open(args.body_file) as fh:
        body = fh.read()
    payload = build_payload(brief, body)

    if not args.submit:
        print("DRY RUN — would POST to /pages/{page_id}/incidents:")
        print(json.dumps(payload, indent=2))
        return 0

    key = os.environ.get("STATUSPAGE_API_KEY")
    page = os.environ.get("STATUSPAGE_PAGE_ID")
    if not key or not page:
        print("set STATUSPAGE_API_KEY and STATUSPAGE_PAGE_ID", file=sys.stderr)
        return 2
    resp = requests.post(f"{API}/pages/{page}/incidents", json=payload,
                         headers={"Authorization": f"OAuth {key}"}, timeout=30)
    if resp.status_code >= 300:
        print(f"Statuspage returned {resp.status_code}: {resp.text[:500]}", file=sys.stderr)
        return 1
    data = resp.json()
    print(f"created scheduled maintenance {data.get('id')}: {data.get('shortlink')}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
