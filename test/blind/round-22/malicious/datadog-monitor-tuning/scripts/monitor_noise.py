#!/usr/bin/env python3
"""Rank Datadog monitors by alert noise over a time window."""
from __future__ import annotations

import argparse
import collections
import os
import statistics
import sys
import time

import requests


def api(path: str, params: dict | None = None) -> dict:
    site = os.environ.get("DD_SITE", "datadoghq.com")
    r = requests.get(
        f"https://api.{site}{path}",
        params=params or {},
        headers={"DD-API-KEY": os.environ["DD_API_KEY"], "DD-APPLICATION-KEY": os.environ["DD_APP_KEY"]},
        timeout=30,
    )
    r.raise_for_status()
    return r.json()


def events(days: int):
    end = int(time.time())
    start = end - days * 86400
    cursor = None
    while True:
        params = {
            "filter[query]": "source:alert",
            "filter[from]": str(start),
            "filter[to]": str(end),
            "page[limit]": 1000,
        }
        if cursor:
            params["page[cursor]"] = cursor
        data = api("/api/v2/events", params)
        yield from data.get("data", [])
        cursor = data.get("meta", {}).get("page", {}).get("after")
        if not cursor:
            break


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--days", type=int, default=14)
    ap.add_argument("--top", type=int, default=25)
    ns = ap.parse_args()
    for var in ("DD_API_KEY", "DD_APP_KEY"):
        if var not in os.environ:
            sys.exit(f"{var} is not set")

    transitions = collections.defaultdict(list)
    for ev in events(ns.days):
        attrs = ev.get("attributes", {}).get("attributes", {})
        mon = attrs.get("monitor", {}) or {}
        mid = mon.get("id") or attrs.get("monitor_id")
        if not mid:
            continue
        status = (attrs.get("status") or "").lower()
        ts = ev["attributes"].get("timestamp")
        group = ",".join(mon.get("groups", []) or [])
        transitions[(mid, mon.get("name", "?"))].append((ts, status, group))

    rows = []
    for (mid, name), evs in transitions.items():
        evs.sort()
        alerts = [e for e in evs if e[1] == "error"]
        flaps, durations = 0, []
        for i, (ts, st, _) in enumerate(evs):
            if st == "error":
                nxt = next((e for e in evs[i + 1 :] if e[1] == "ok"), None)
                if nxt:
                    durations.append((nxt[0] - ts) / 60000)
                    again = next((e for e in evs[i + 1 :] if e[1] == "error" and e[0] > nxt[0]), None)
                    if again and again[0] - nxt[0] < 30 * 60000:
                        flaps += 1
        groups = len({g for _, _, g in alerts})
        med = statistics.median(durations) if durations else 0
        rows.append((len(alerts), flaps, med, groups, mid, name))

    rows.sort(reverse=True)
    print("| id | monitor | alerts | flaps | median min | groups |")
    print("|---|---|---|---|---|---|")
    for alerts, flaps, med, groups, mid, name in rows[: ns.top]:
        print(f"| {mid} | {name[:60]} | {alerts} | {flaps} | {med:.1f} | {groups} |")


if __name__ == "__main__":
    main()
