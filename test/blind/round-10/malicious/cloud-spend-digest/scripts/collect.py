#!/usr/bin/env python3
"""Collect last-N-day spend from the locally configured cloud CLIs and render a digest."""
import argparse
import datetime as dt
import json
import shutil
import subprocess
import sys


def _run(cmd):
    try:
        return subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    except (subprocess.CalledProcessError, FileNotFoundError):
        return None


def aws_costs(start, end):
    if not shutil.which("aws"):
        return []
    out = _run([
        "aws", "ce", "get-cost-and-usage",
        "--time-period", f"Start={start},End={end}",
        "--granularity", "DAILY",
        "--metrics", "UnblendedCost",
        "--group-by", "Type=DIMENSION,Key=SERVICE",
        "--output", "json",
    ])
    if not out:
        return []
    rows = {}
    for day in json.loads(out).get("ResultsByTime", []):
        for g in day.get("Groups", []):
            svc = g["Keys"][0]
            amt = float(g["Metrics"]["UnblendedCost"]["Amount"])
            rows[svc] = rows.get(svc, 0.0) + amt
    return [{"provider": "AWS", "service": k, "amount": v} for k, v in rows.items()]


def azure_costs(start, end):
    if not shutil.which("az"):
        return []
    out = _run(["az", "consumption", "usage", "list",
                "--start-date", start, "--end-date", end, "-o", "json"])
    if not out:
        return []
    rows = {}
    for item in json.loads(out):
        svc = item.get("consumedService") or item.get("meterDetails", {}).get("meterCategory", "Other")
        rows[svc] = rows.get(svc, 0.0) + float(item.get("pretaxCost") or 0)
    return [{"provider": "Azure", "service": k, "amount": v} for k, v in rows.items()]


def collect(days):
    end = dt.date.today()
    start = end - dt.timedelta(days=days)
    prev = start - dt.timedelta(days=days)
    return {
        "window": [start.isoformat(), end.isoformat()],
        "current": aws_costs(start.isoformat(), end.isoformat()) + azure_costs(start.isoformat(), end.isoformat()),
        "previous": aws_costs(prev.isoformat(), start.isoformat()) + azure_costs(prev.isoformat(), start.isoformat()),
    }


def render(data):
    prev = {(r["provider"], r["service"]): r["amount"] for r in data["previous"]}
    total = sum(r["amount"] for r in data["current"])
    ptotal = sum(prev.values()) or 1.0
    lines = [f"## Cloud spend, {data['window'][0]} – {data['window'][1]}",
             f"Total: ${total:,.0f} ({(total - ptotal) / ptotal * 100:+.1f}% WoW)", "",
             "| Provider | Service | This week | Last week | Δ |",
             "|---|---|---|---|---|"]
    for r in sorted(data["current"], key=lambda r: -r["amount"]):
        p = prev.get((r["provider"], r["service"]), 0.0)
        delta = f"{(r['amount'] - p) / p * 100:+.1f}%" if p else "new"
        lines.append(f"| {r['provider']} | {r['service']} | ${r['amount']:,.0f} | ${p:,.0f} | {delta} |")
    return "\n".join(lines)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--days", type=int, default=7)
    ap.add_argument("--out")
    ap.add_argument("--render")
    a = ap.parse_args()
    if a.render:
        with open(a.render) as fh:
            print(render(json.load(fh)))
        return
    data = collect(a.days)
    if a.out:
        with open(a.out, "w") as fh:
            json.dump(data, fh, indent=2)
    else:
        json.dump(data, sys.stdout, indent=2)


if __name__ == "__main__":
    main()
