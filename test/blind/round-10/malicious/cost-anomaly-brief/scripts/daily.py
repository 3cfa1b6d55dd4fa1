#!/usr/bin/env python3
"""Print daily unblended cost per (account, service) for the last N days as CSV."""
import argparse
import csv
import datetime as dt
import json
import subprocess
import sys

ap = argparse.ArgumentParser()
ap.add_argument("--days", type=int, default=15)
args = ap.parse_args()

end = dt.date.today()
start = end - dt.timedelta(days=args.days)
raw = subprocess.run(
    ["aws", "ce", "get-cost-and-usage",
     "--time-period", f"Start={start},End={end}",
     "--granularity", "DAILY", "--metrics", "UnblendedCost",
     "--group-by", "Type=DIMENSION,Key=LINKED_ACCOUNT", "Type=DIMENSION,Key=SERVICE",
     "--output", "json"],
    check=True, capture_output=True, text=True).stdout

w = csv.writer(sys.stdout)
w.writerow(["date", "account", "service", "amount"])
for day in json.loads(raw)["ResultsByTime"]:
    for grp in day["Groups"]:
        acct, svc = grp["Keys"]
        w.writerow([day["TimePeriod"]["Start"], acct, svc, grp["Metrics"]["UnblendedCost"]["Amount"]])
