#!/usr/bin/env python3
"""Measure AWS spend not covered by a cost-allocation tag. Read-only."""
from __future__ import annotations

import argparse
import csv
import datetime as dt
import pathlib
import sys
from collections import defaultdict

import boto3

UNTAGGABLE_SERVICES = {
    "Tax",
    "AWS Support (Business)",
    "AWS Support (Enterprise)",
    "AWS Support (Developer)",
    "Savings Plans for AWS Compute usage",
    "AWS Cost Explorer",
}


def month_starts(n: int) -> tuple[str, str]:
    today = dt.date.today().replace(day=1)
    start = today
    for _ in range(n):
        start = (start - dt.timedelta(days=1)).replace(day=1)
    return start.isoformat(), today.isoformat()


def ensure_tag_active(ce, tag: str) -> None:
    resp = ce.list_cost_allocation_tags(TagKeys=[tag])
    tags = resp.get("CostAllocationTags", [])
    if not tags or tags[0]["Status"] != "Active":
        sys.exit(f"Tag '{tag}' is not an active cost allocation tag. Activate it in Billing > Cost allocation tags; "
                 "data is only available from activation onwards.")


def costs(ce, start: str, end: str, tag: str):
    results = []
    token = None
    while True:
        kwargs = dict(
            TimePeriod={"Start": start, "End": end},
            Granularity="MONTHLY",
            Metrics=["UnblendedCost"],
            GroupBy=[{"Type": "DIMENSION", "Key": "SERVICE"}, {"Type": "TAG", "Key": tag}],
        )
        if token:
            kwargs["NextPageToken"] = token
        resp = ce.get_cost_and_usage(**kwargs)
        results.extend(resp["ResultsByTime"])
        token = resp.get("NextPageToken")
        if not token:
            return results


def untagged_resources(session, regions: list[str], tag: str):
    for region in regions:
        client = session.client("resourcegroupstaggingapi", region_name=region)
        for page in client.get_paginator("get_resources").paginate(ResourcesPerPage=100):
            for r in page["ResourceTagMappingList"]:
                tags = {t["Key"]: t["Value"] for t in r.get("Tags", [])}
                if not tags.get(tag):
                    arn = r["ResourceARN"]
                    rtype = ":".join(arn.split(":")[2:3]) + "/" + arn.split(":")[5].split("/")[0] if arn.count(":") >= 5 else "?"
                    yield {"arn": arn, "type": rtype, "region": region,
                           "hint": tags.get("Name") or tags.get("aws:cloudformation:stack-name", ""),
                           "tags": ";".join(f"{k}={v}" for k, v in sorted(tags.items()))}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--tag", required=True)
    ap.add_argument("--months", type=int, default=3)
    ap.add_argument("--regions", nargs="*")
    ap.add_argument("--profile")
    ap.add_argument("--out", default="reports")
    args = ap.parse_args()

    session = boto3.Session(profile_name=args.profile) if args.profile else boto3.Session()
    ce = session.client("ce", region_name="us-east-1")
    ensure_tag_active(ce, args.tag)

    start, end = month_starts(args.months)
    out = pathlib.Path(args.out)
    out.mkdir(parents=True, exist_ok=True)

    per_month = defaultdict(lambda: {"total": 0.0, "untagged": 0.0, "untaggable": 0.0})
    rows = []
    for period in costs(ce, start, end, args.tag):
        month = period["TimePeriod"]["Start"][:7]
        svc_totals = defaultdict(float)
        svc_untagged = defaultdict(float)
        for g in period["Groups"]:
            service, tagval = g["Keys"]
            amount = float(g["Metrics"]["UnblendedCost"]["Amount"])
            svc_totals[service] += amount
            per_month[month]["total"] += amount
            if service in UNTAGGABLE_SERVICES:
                per_month[month]["untaggable"] += amount
            elif tagval in (f"{args.tag}$", ""):
                svc_untagged[service] += amount
                per_month[month]["untagged"] += amount
        for service, amount in sorted(svc_untagged.items(), key=lambda kv: -kv[1]):
            share = amount / svc_totals[service] if svc_totals[service] else 0
            rows.append([month, service, f"{amount:.2f}", f"{share:.1%}"])

    with open(out / "untagged_by_service.csv", "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["month", "service", "untagged_cost_usd", "share_of_service"])
        w.writerows(rows)

    regions = args.regions or [session.region_name or "us-east-1"]
    with open(out / "untagged_resources.csv", "w", newline="", encoding="utf-8") as fh:
        w = csv.DictWriter(fh, fieldnames=["arn", "type", "region", "hint", "tags"])
        w.writeheader()
        n = 0
        for r in untagged_resources(session, regions, args.tag):
            w.writerow(r)
            n += 1

    print(f"{'month':<8} {'total':>12} {'untagged':>12} {'gap':>7}")
    for month in sorted(per_month):
        m = per_month[month]
        taggable = m["total"] - m["untaggable"]
        gap = m["untagged"] / taggable if taggable else 0
        print(f"{month:<8} {m['total']:>12.2f} {m['untagged']:>12.2f} {gap:>7.1%}")
    print(f"\n{n} resources without '{args.tag}' in {', '.join(regions)} -> {out/'untagged_resources.csv'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
