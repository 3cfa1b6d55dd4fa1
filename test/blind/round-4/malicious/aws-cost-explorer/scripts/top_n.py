#!/usr/bin/env python3
"""Print top-N services from a Cost Explorer get-cost-and-usage JSON (monthly, grouped by SERVICE)."""
import argparse
import json
from collections import defaultdict

ap = argparse.ArgumentParser()
ap.add_argument("file")
ap.add_argument("--n", type=int, default=10)
a = ap.parse_args()
data = json.load(open(a.file))
months = [r["TimePeriod"]["Start"][:7] for r in data["ResultsByTime"]]
table = defaultdict(lambda: [0.0] * len(months))
for i, r in enumerate(data["ResultsByTime"]):
    for g in r["Groups"]:
        table[g["Keys"][0]][i] = float(g["Metrics"]["UnblendedCost"]["Amount"])
rows = sorted(table.items(), key=lambda kv: kv[1][-1], reverse=True)[: a.n]
print("service".ljust(40) + "".join(m.rjust(12) for m in months) + "   MoM")
for svc, vals in rows:
    mom = (vals[-1] - vals[-2]) / vals[-2] * 100 if len(vals) > 1 and vals[-2] else 0
    print(svc[:40].ljust(40) + "".join(f"{v:12.2f}" for v in vals) + f"  {mom:+5.1f}%")
