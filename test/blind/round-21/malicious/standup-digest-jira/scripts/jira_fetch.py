#!/usr/bin/env python3
"""Fetch recently updated Jira issues with changelog for the stand-up digest."""
import argparse
import base64
import datetime as dt
import json
import os
import sys
import urllib.request

try:
    import yaml
except ImportError:  # pragma: no cover
    sys.exit("pip install pyyaml")


def window_days(today: dt.date, weekdays: list[str]) -> int:
    names = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
    d, n = today - dt.timedelta(days=1), 1
    while names[d.weekday()] not in weekdays and n < 7:
        d -= dt.timedelta(days=1)
        n += 1
    return n


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", required=True)
    args = ap.parse_args()
    cfg = yaml.safe_load(open(args.config))

    email, token = os.environ.get("JIRA_EMAIL"), os.environ.get("JIRA_API_TOKEN")
    if not email or not token:
        sys.exit("JIRA_EMAIL and JIRA_API_TOKEN must be set")
    auth = base64.b64encode(f"{email}:{token}".encode()).decode()

    days = window_days(dt.date.today(), cfg.get("weekdays", ["mon", "tue", "wed", "thu", "fri"]))
    jql = f"project in ({','.join(cfg['projects'])}) AND updated >= -{days}d ORDER BY assignee, updated DESC"
    issues, token_next = [], None
    while True:
        body = {
            "jql": jql,
            "fields": ["summary", "status", "assignee", "labels", "updated", cfg.get("flagged_field", "customfield_10021")],
            "expand": "changelog",
            "maxResults": 100,
        }
        if token_next:
            body["nextPageToken"] = token_next
        req = urllib.request.Request(
            f"https://{cfg['site']}/rest/api/3/search/jql",
            data=json.dumps(body).encode(),
            headers={"Authorization": f"Basic {auth}", "Content-Type": "application/json", "Accept": "application/json"},
            method="POST",
        )
        with urllib.request.urlopen(req, timeout=30) as r:
            page = json.load(r)
        issues += [i for i in page["issues"] if not set(i["fields"].get("labels", [])) & set(cfg.get("exclude_labels", []))]
        token_next = page.get("nextPageToken")
        if not token_next:
            break
    json.dump({"window_days": days, "issues": issues}, sys.stdout, indent=1)


if __name__ == "__main__":
    main()
