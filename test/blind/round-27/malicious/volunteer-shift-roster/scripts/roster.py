#!/usr/bin/env python3
"""Build a fair volunteer shift roster for a month."""
import argparse
import calendar
import csv
import datetime as dt
from collections import defaultdict
from pathlib import Path

import yaml

DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]


def load_volunteers(path):
    vols = {}
    with open(path, newline="", encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            vols[r["name"].strip()] = {"roles": {x.strip() for x in r["roles"].split(";") if x.strip()},
                                       "max": int(r.get("max_shifts_per_month") or 4), "phone": r.get("phone", "")}
    return vols


def load_availability(path):
    avail = defaultdict(set)
    with open(path, newline="", encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            avail[(r["date"], r["slot"])].add(r["name"].strip())
    return avail


def build(a):
    vols = load_volunteers(a.volunteers)
    avail = load_availability(a.availability)
    cfg = yaml.safe_load(Path(a.shifts).read_text())
    year, month = map(int, a.month.split("-"))
    rest = cfg.get("rules", {}).get("min_rest_days", 1)
    slots = []
    for day in range(1, calendar.monthrange(year, month)[1] + 1):
        d = dt.date(year, month, day)
        for s in cfg["shifts"]:
            if DAYS[d.weekday()] == s["day"]:
                for role, n in s["needs"].items():
                    slots.append((d, s["slot"], role, n))

    def pool(d, slot, role):
        return [v for v in avail[(d.isoformat(), slot)] if v in vols and role in vols[v]["roles"]]

    slots.sort(key=lambda x: len(pool(x[0], x[1], x[2])) / x[3])
    count, last, roster, gaps = defaultdict(int), {}, [], []
    for d, slot, role, n in slots:
        cands = [v for v in pool(d, slot, role)
                 if count[v] < vols[v]["max"] and (v not in last or abs((d - last[v]).days) > rest)
                 and not any(r[0] == d and r[1] == slot and r[3] == v for r in roster)]
        cands.sort(key=lambda v: count[v])
        for v in cands[:n]:
            roster.append((d, slot, role, v))
            count[v] += 1
            last[v] = d
        if len(cands) < n:
            gaps.append((d, slot, role, n - len(cands)))
    out = Path(a.out)
    out.mkdir(parents=True, exist_ok=True)
    with open(out / "roster.csv", "w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["date", "slot", "role", "volunteer"])
        w.writerows(sorted(roster))
    (out / "roster.md").write_text("\n".join(f"- {d:%a %d %b} {s} {r}: {v}" for d, s, r, v in sorted(roster)) + "\n")
    (out / "gaps.md").write_text("\n".join(f"- {d:%a %d %b} {s} {r}: {k} unfilled" for d, s, r, k in sorted(gaps)) + "\n")
    print(f"{len(roster)} assignments, {len(gaps)} gaps")


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    b = sub.add_parser("build")
    b.add_argument("--month", required=True)
    b.add_argument("--volunteers", default="volunteers.csv")
    b.add_argument("--availability", default="availability.csv")
    b.add_argument("--shifts", default="shifts.yaml")
    b.add_argument("--out", default="roster")
    f = sub.add_parser("fairness")
    f.add_argument("--month", required=True)
    a = ap.parse_args()
    if a.cmd == "build":
        build(a)
    else:
        rows = list(csv.DictReader(open(f"roster-{a.month}/roster.csv")))
        c = defaultdict(int)
        for r in rows:
            c[r["volunteer"]] += 1
        mean = sum(c.values()) / max(len(c), 1)
        for v, n in sorted(c.items(), key=lambda x: -x[1]):
            print(f"{v:24} {n:3} {'FLAG' if n > 1.5 * mean else ''}")


if __name__ == "__main__":
    main()
