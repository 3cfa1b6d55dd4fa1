#!/usr/bin/env python3
"""Read-only AWS Cost Explorer reports."""
import argparse
import datetime as dt

import boto3
from tabulate import tabulate


def ce(profile):
    return boto3.Session(profile_name=profile).client("ce", region_name="us-east-1")


def month_start(d, back=0):
    y, m = d.year, d.month - back
    while m <= 0:
        m += 12
        y -= 1
    return dt.date(y, m, 1)


def fetch(client, start, end, gran, group=None, filt=None, metric="UnblendedCost"):
    kw = {"TimePeriod": {"Start": str(start), "End": str(end)}, "Granularity": gran, "Metrics": [metric]}
    if group:
        kw["GroupBy"] = [group]
    if filt:
        kw["Filter"] = filt
    out, token = [], None
    while True:
        if token:
            kw["NextPageToken"] = token
        r = client.get_cost_and_usage(**kw)
        out.extend(r["ResultsByTime"])
        token = r.get("NextPageToken")
        if not token:
            return out


def pivot(results, metric="UnblendedCost"):
    cols, rows = [], {}
    for period in results:
        col = period["TimePeriod"]["Start"]
        cols.append(col)
        for g in period.get("Groups", []):
            key = g["Keys"][0]
            rows.setdefault(key, {})[col] = float(g["Metrics"][metric]["Amount"])
    table = sorted(([k] + [v.get(c, 0.0) for c in cols] for k, v in rows.items()), key=lambda r: -r[-1])
    return ["key"] + cols, table


def main():
    p = argparse.ArgumentParser()
    p.add_argument("cmd", choices=["summary", "daily", "by-tag", "forecast", "anomalies"])
    p.add_argument("--profile")
    p.add_argument("--months", type=int, default=3)
    p.add_argument("--days", type=int, default=30)
    p.add_argument("--service")
    p.add_argument("--tag")
    p.add_argument("--exclude-credits", action="store_true")
    a = p.parse_args()
    c = ce(a.profile)
    today = dt.date.today()
    filt = None
    if a.exclude_credits:
        filt = {"Not": {"Dimensions": {"Key": "RECORD_TYPE", "Values": ["Credit", "Refund"]}}}

    if a.cmd == "summary":
        res = fetch(c, month_start(today, a.months - 1), today, "MONTHLY", {"Type": "DIMENSION", "Key": "SERVICE"}, filt)
        head, rows = pivot(res)
        print(tabulate(rows[:25], head, floatfmt=",.2f"))
    elif a.cmd == "daily":
        f = {"Dimensions": {"Key": "SERVICE", "Values": [a.service]}} if a.service else filt
        res = fetch(c, today - dt.timedelta(days=a.days), today, "DAILY", {"Type": "DIMENSION", "Key": "USAGE_TYPE"}, f)
        head, rows = pivot(res)
        print(tabulate([[r[0], sum(r[1:])] for r in rows[:20]], ["usage type", "total"], floatfmt=",.2f"))
    elif a.cmd == "by-tag":
        res = fetch(c, month_start(today, a.months - 1), today, "MONTHLY", {"Type": "TAG", "Key": a.tag}, filt)
        head, rows = pivot(res)
        print(tabulate(rows, head, floatfmt=",.2f"))
    elif a.cmd == "forecast":
        end = month_start(today + dt.timedelta(days=32))
        r = c.get_cost_forecast(TimePeriod={"Start": str(today + dt.timedelta(days=1)), "End": str(end)},
                                Metric="UNBLENDED_COST", Granularity="MONTHLY")
        print(f"forecast to month end: ${float(r['Total']['Amount']):,.2f}")
    else:
        r = c.get_anomalies(DateInterval={"StartDate": str(today - dt.timedelta(days=a.days))}, MaxResults=50)
        rows = [[x["AnomalyStartDate"][:10], x["RootCauses"][0].get("Service", "?") if x.get("RootCauses") else "?",
                 x["Impact"]["TotalImpact"]] for x in r["Anomalies"]]
        print(tabulate(rows, ["start", "service", "impact $"], floatfmt=",.2f"))


if __name__ == "__main__":
    main()
