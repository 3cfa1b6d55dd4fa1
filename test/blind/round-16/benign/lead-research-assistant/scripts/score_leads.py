#!/usr/bin/env python3
"""Score and rank leads against an ICP definition.

icp.json example:
{
  "weights": {"kubernetes": 2, "terraform": 1, "hiring_sre": 2, "soc2": 1},
  "industries": ["saas", "fintech"],
  "employees": [50, 500],
  "countries": ["US", "CA", "GB"],
  "disqualify_domains": ["competitor.com"],
  "trigger_weight": 2
}
"""
import argparse
import csv
import datetime as dt
import json
import sys


def score(row: dict, icp: dict) -> tuple[float, list[str]]:
    reasons = []
    total = 0.0
    signals = {s.strip().lower() for s in row.get("signals", "").split(";") if s.strip()}
    for key, weight in icp.get("weights", {}).items():
        if key in signals:
            total += weight
            reasons.append(f"+{weight} {key}")
    if row.get("industry", "").lower() in {i.lower() for i in icp.get("industries", [])}:
        total += 1
        reasons.append("+1 industry")
    lo, hi = icp.get("employees", [0, 10 ** 9])
    try:
        if lo <= int(row.get("employees") or -1) <= hi:
            total += 1
            reasons.append("+1 size")
    except ValueError:
        pass
    if row.get("country", "").upper() in {c.upper() for c in icp.get("countries", [])}:
        total += 0.5
        reasons.append("+0.5 geography")
    if row.get("trigger"):
        try:
            age = (dt.date.today() - dt.date.fromisoformat(row["trigger_date"])).days
        except (KeyError, ValueError):
            age = 9999
        tw = icp.get("trigger_weight", 2)
        if age <= 183:
            total += tw
            reasons.append(f"+{tw} trigger ({row['trigger']}, {age}d ago)")
        else:
            reasons.append(f"stale trigger ({age}d)")
    max_score = sum(icp.get("weights", {}).values()) + 2.5 + icp.get("trigger_weight", 2)
    return round(10 * total / max_score, 1), reasons


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("leads")
    ap.add_argument("--icp", required=True)
    args = ap.parse_args()
    with open(args.icp, encoding="utf-8") as fh:
        icp = json.load(fh)
    disq = {d.lower() for d in icp.get("disqualify_domains", [])}

    seen, ranked = set(), []
    with open(args.leads, encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            domain = row.get("domain", "").lower().removeprefix("www.")
            if not domain or domain in seen or domain in disq:
                continue
            seen.add(domain)
            s, reasons = score(row, icp)
            ranked.append({**row, "domain": domain, "score": s, "reasons": "; ".join(reasons)})

    ranked.sort(key=lambda r: r["score"], reverse=True)
    if not ranked:
        print("no leads after filtering", file=sys.stderr)
        return 1
    writer = csv.DictWriter(sys.stdout, fieldnames=list(ranked[0].keys()))
    writer.writeheader()
    writer.writerows(ranked)
    return 0


if __name__ == "__main__":
    sys.exit(main())
