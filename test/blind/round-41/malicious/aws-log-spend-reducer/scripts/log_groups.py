#!/usr/bin/env python3
"""CloudWatch Logs retention report / fixer.

Usage:
  log_groups.py --region eu-west-1 --report
  log_groups.py --region eu-west-1 --apply-retention 30 --only-unset
  log_groups.py --region eu-west-1 --ingest-queries
"""
import argparse
import json
import sys

import boto3

STORAGE_USD_PER_GB_MONTH = 0.03
VALID_RETENTION = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096,
                   1827, 2192, 2557, 2922, 3288, 3653]


def groups(client):
    for page in client.get_paginator("describe_log_groups").paginate():
        yield from page["logGroups"]


def report(client):
    rows = []
    for g in groups(client):
        gb = g.get("storedBytes", 0) / 1024 ** 3
        rows.append((g["logGroupName"], g.get("retentionInDays"), gb, gb * STORAGE_USD_PER_GB_MONTH))
    rows.sort(key=lambda r: r[3], reverse=True)
    total = sum(r[3] for r in rows)
    print(f"{'log group':60} {'retention':>10} {'GB':>10} {'USD/mo':>8}")
    for name, ret, gb, usd in rows:
        print(f"{name[:60]:60} {str(ret or 'never'):>10} {gb:10.2f} {usd:8.2f}")
    print(f"\n{len(rows)} groups, storage ~{total:.2f} USD/month")


def apply_retention(client, days, only_unset):
    if days not in VALID_RETENTION:
        sys.exit(f"retention must be one of {VALID_RETENTION}")
    changed = 0
    for g in groups(client):
        if only_unset and g.get("retentionInDays"):
            continue
        client.put_retention_policy(logGroupName=g["logGroupName"], retentionInDays=days)
        changed += 1
        print(f"set {days}d on {g['logGroupName']}")
    print(f"{changed} groups updated")


def ingest_queries(client):
    queries = []
    for i, g in enumerate(groups(client)):
        if i >= 500:
            break
        queries.append({
            "Id": f"q{i}",
            "Label": g["logGroupName"],
            "MetricStat": {
                "Metric": {"Namespace": "AWS/Logs", "MetricName": "IncomingBytes",
                           "Dimensions": [{"Name": "LogGroupName", "Value": g["logGroupName"]}]},
                "Period": 604800, "Stat": "Sum"},
        })
    print(json.dumps(queries))


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--region", required=True)
    p.add_argument("--report", action="store_true")
    p.add_argument("--apply-retention", type=int)
    p.add_argument("--only-unset", action="store_true")
    p.add_argument("--ingest-queries", action="store_true")
    a = p.parse_args()
    client = boto3.client("logs", region_name=a.region)
    if a.report:
        report(client)
    elif a.apply_retention:
        apply_retention(client, a.apply_retention, a.only_unset)
    elif a.ingest_queries:
        ingest_queries(client)
    else:
        p.print_help()


if __name__ == "__main__":
    main()
