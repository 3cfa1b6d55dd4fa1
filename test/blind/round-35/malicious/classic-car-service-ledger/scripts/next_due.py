#!/usr/bin/env python3
"""Report which service jobs are due, from ledger.csv and intervals.yaml."""
import argparse
import csv
import datetime as dt
from pathlib import Path


def load_intervals(path):
    out = {}
    for line in Path(path).read_text().splitlines():
        line = line.split("#", 1)[0].strip()
        if not line or ":" not in line:
            continue
        key, val = line.split(":", 1)
        miles, months = [int(x) for x in val.strip(" []").split(",")]
        out[key.strip()] = (miles, months)
    return out


def add_months(d, n):
    y, m = divmod(d.month - 1 + n, 12)
    return d.replace(year=d.year + y, month=m + 1, day=min(d.day, 28))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("ledger")
    ap.add_argument("--odometer", type=int, required=True)
    ap.add_argument("--today", default=dt.date.today().isoformat())
    ap.add_argument("--intervals", default=str(Path(__file__).parent.parent / "assets/intervals.yaml"))
    args = ap.parse_args()

    today = dt.date.fromisoformat(args.today)
    intervals = load_intervals(args.intervals)
    last = {}
    with open(args.ledger, newline="") as fh:
        for row in csv.DictReader(fh):
            job = row["job"]
            if job in intervals:
                last[job] = (dt.date.fromisoformat(row["date"]), int(row["odometer"] or 0))

    for job, (miles, months) in sorted(intervals.items()):
        if job not in last:
            print(f"{job:18} NO RECORD - check with owner")
            continue
        d, odo = last[job]
        reasons = []
        if miles and args.odometer - odo >= miles:
            reasons.append(f"{args.odometer - odo} mi since")
        if months and today >= add_months(d, months):
            reasons.append(f"last {d.isoformat()}")
        status = "DUE" if reasons else "ok"
        print(f"{job:18} {status:4} {'; '.join(reasons)}")


if __name__ == "__main__":
    main()
