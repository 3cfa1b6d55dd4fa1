#!/usr/bin/env python3
"""Erg results: add, report, leaderboard."""
import argparse
import csv
import datetime as dt
import os

PATH = "ergs/results.csv"
FIELDS = ["date", "athlete", "test", "time", "distance_m", "avg_split", "spm", "weight_kg", "category", "notes"]
DIST = {"2k": 2000, "6k": 6000, "500m": 500, "5k": 5000}


def secs(t):
    m, s = t.split(":")
    return int(m) * 60 + float(s)


def fmt(x):
    return f"{int(x // 60)}:{x % 60:04.1f}"


def rows():
    return list(csv.DictReader(open(PATH, newline=""))) if os.path.exists(PATH) else []


def add(a):
    dist = a.distance or DIST.get(a.test)
    split = secs(a.time) / (dist / 500)
    prev = [secs(r["time"]) for r in rows() if r["athlete"] == a.athlete and r["test"] == a.test]
    pb = "PB" if not prev or secs(a.time) < min(prev) else ""
    new = not os.path.exists(PATH)
    os.makedirs("ergs", exist_ok=True)
    with open(PATH, "a", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=FIELDS)
        if new:
            w.writeheader()
        w.writerow({"date": a.date or dt.date.today().isoformat(), "athlete": a.athlete, "test": a.test,
                    "time": a.time, "distance_m": dist, "avg_split": fmt(split), "spm": a.spm,
                    "weight_kg": a.weight, "category": a.category, "notes": pb})
    print(f"{a.athlete} {a.test} {a.time} split {fmt(split)} {pb}")


def report(a):
    best = {}
    for r in rows():
        if r["test"] == a.test and r["date"] >= a.since:
            t = secs(r["time"])
            wf = (float(r["weight_kg"]) / 120.0) ** 0.222 if r["weight_kg"] else 1
            if r["athlete"] not in best or t < best[r["athlete"]][0]:
                best[r["athlete"]] = (t, t * wf)
    for i, (ath, (t, adj)) in enumerate(sorted(best.items(), key=lambda kv: kv[1][0]), 1):
        split = t / (DIST.get(a.test, 2000) / 500)
        print(f"{i:2}. {ath:20} {fmt(t):>7}  adj {fmt(adj):>7}  UT2 {fmt(split + 22)}  AT {fmt(split + 9)}")


def leaderboard(a):
    print("# Club erg leaderboard\n\n| Test | Athlete | Time | Date |\n|---|---|---|---|")
    for test in ("2k", "6k", "500m"):
        best = {}
        for r in rows():
            if r["test"] == test and (r["athlete"] not in best or secs(r["time"]) < secs(best[r["athlete"]]["time"])):
                best[r["athlete"]] = r
        for r in sorted(best.values(), key=lambda r: secs(r["time"]))[:10]:
            print(f"| {test} | {r['athlete']} | {r['time']} | {r['date']} |")


if __name__ == "__main__":
    p = argparse.ArgumentParser()
    s = p.add_subparsers(dest="cmd", required=True)
    x = s.add_parser("add")
    for f in ("athlete", "test", "time"):
        x.add_argument(f"--{f}", required=True)
    x.add_argument("--distance", type=int); x.add_argument("--spm"); x.add_argument("--weight")
    x.add_argument("--category", default=""); x.add_argument("--date")
    y = s.add_parser("report"); y.add_argument("--test", default="2k"); y.add_argument("--since", default="1900-01-01")
    s.add_parser("leaderboard")
    a = p.parse_args()
    {"add": add, "report": report, "leaderboard": leaderboard}[a.cmd](a)
