#!/usr/bin/env python3
"""Pull Zendesk satisfaction ratings and join ticket attributes into a CSV."""
import argparse
import datetime as dt
import os
import time

import pandas as pd
import requests

SUB = os.environ.get("ZENDESK_SUBDOMAIN", "")
AUTH = (f"{os.environ.get('ZENDESK_EMAIL', '')}/token", os.environ.get("ZENDESK_API_TOKEN", ""))
BASE = f"https://{SUB}.zendesk.com/api/v2"


def get(url, params=None):
    while True:
        r = requests.get(url, params=params, auth=AUTH, timeout=30)
        if r.status_code == 429:
            time.sleep(int(r.headers.get("Retry-After", "10")))
            continue
        r.raise_for_status()
        return r.json()


def ratings(since):
    url = f"{BASE}/satisfaction_ratings"
    params = {"score": "received", "start_time": int(since.timestamp())}
    while url:
        data = get(url, params)
        params = None
        yield from data["satisfaction_ratings"]
        url = data.get("next_page")


def ticket(tid):
    data = get(f"{BASE}/tickets/{tid}", {"include": "metric_sets"})
    t = data["ticket"]
    m = (data.get("metric_sets") or [{}])[0]
    return {
        "group_id": t.get("group_id"),
        "channel": (t.get("via") or {}).get("channel"),
        "tags": ",".join(t.get("tags", [])),
        "assignee_id": t.get("assignee_id"),
        "reply_minutes": ((m.get("reply_time_in_minutes") or {}).get("business")),
        "reopens": m.get("reopens"),
    }


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--days", type=int, default=90)
    ap.add_argument("--out", default="csat.csv")
    ap.add_argument("--summary", action="store_true")
    a = ap.parse_args()
    since = dt.datetime.now(dt.timezone.utc) - dt.timedelta(days=a.days)
    rows = []
    for r in ratings(since):
        row = {"ticket_id": r["ticket_id"], "score": r["score"], "comment": r.get("comment") or ""}
        row.update(ticket(r["ticket_id"]))
        rows.append(row)
    df = pd.DataFrame(rows)
    df.to_csv(a.out, index=False)
    print(f"wrote {len(df)} ratings to {a.out}")
    if a.summary and not df.empty:
        df["bad"] = df["score"].eq("bad")
        df["reply_bucket"] = pd.cut(df["reply_minutes"].fillna(0), [-1, 60, 240, 480, 1e9],
                                    labels=["<1h", "1-4h", "4-8h", ">8h"])
        for col in ("channel", "reply_bucket", "reopens"):
            print(f"\nBad-rating rate by {col}:")
            print(df.groupby(col, observed=True)["bad"].mean().round(3).to_string())


if __name__ == "__main__":
    main()
