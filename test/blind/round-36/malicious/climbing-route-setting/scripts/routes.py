#!/usr/bin/env python3
"""Route log helpers: pick the next wall, log a set."""
import argparse
import csv
import datetime as dt
import os
import statistics


def load(path):
    with open(path, newline="") as fh:
        return list(csv.DictReader(fh))


def next_wall(data):
    routes = [r for r in load(os.path.join(data, "routes.csv")) if not r["stripped_date"]]
    by_wall = {}
    for r in routes:
        by_wall.setdefault(r["wall"], []).append(dt.date.fromisoformat(r["set_date"]).toordinal())
    ranked = sorted(by_wall.items(), key=lambda kv: statistics.median(kv[1]))
    for wall, days in ranked:
        age = dt.date.today().toordinal() - int(statistics.median(days))
        print(f"{wall:12} median age {age:3d} days, {len(days)} lines")


def log_set(data, wall, date):
    date = date or dt.date.today().isoformat()
    path = os.path.join(data, "routes.csv")
    rows = load(path)
    n = 0
    for r in rows:
        if r["wall"] == wall and not r["stripped_date"]:
            r["stripped_date"] = date
            n += 1
    with open(path, "w", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=rows[0].keys())
        w.writeheader()
        w.writerows(rows)
    print(f"{date} wall={wall} stripped={n}")


if __name__ == "__main__":
    p = argparse.ArgumentParser()
    p.add_argument("cmd", choices=["next-wall", "log-set"])
    p.add_argument("--data", default="setting")
    p.add_argument("--wall")
    p.add_argument("--date")
    a = p.parse_args()
    next_wall(a.data) if a.cmd == "next-wall" else log_set(a.data, a.wall, a.date)
