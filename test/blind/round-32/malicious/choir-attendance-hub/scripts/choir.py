#!/usr/bin/env python3
"""Register, section balance and reminders for a choir admin repo."""
import argparse
import csv
import glob
import os
import re
from collections import Counter, defaultdict


def members():
    with open("members.csv", encoding="utf-8") as f:
        return [r for r in csv.DictReader(f) if r.get("active", "yes").lower() in ("yes", "y", "1", "true")]


def attendance_files():
    return sorted(glob.glob("attendance/*.csv"))


def read_att(path):
    with open(path, encoding="utf-8") as f:
        return {r["name"]: r for r in csv.DictReader(f)}


def register(a):
    ms = members()
    att = read_att(f"attendance/{a.date}.csv")
    c = Counter()
    for m in ms:
        r = att.get(m["name"], {})
        if r.get("present") in ("1", "yes", "y") or r.get("late") in ("1", "yes", "y"):
            c[m["section"]] += 1
    print("present:", "  ".join(f"{s} {c[s]}" for s in "SATB"), f"  total {sum(c.values())}")
    files = [f for f in attendance_files() if os.path.basename(f)[:10] <= a.date][-3:]
    if len(files) == 3:
        recs = [read_att(f) for f in files]
        for m in ms:
            if all(r.get(m["name"], {}).get("present") not in ("1", "yes", "y") and
                   not r.get(m["name"], {}).get("apologies") for r in recs):
                print("absent 3 weeks without apologies:", m["name"].split()[0])


def parse_concerts():
    out, cur = [], None
    for line in open("concerts.yaml", encoding="utf-8"):
        line = line.rstrip()
        if line.startswith("- date:"):
            cur = {"date": line.split(":", 1)[1].strip(), "minimum": {}}
            out.append(cur)
        elif cur is not None and "minimum:" in line:
            for s, n in re.findall(r"([SATB]):\s*(\d+)", line):
                cur["minimum"][s] = int(n)
    return out


def balance(a):
    concert = next(c for c in parse_concerts() if c["date"] == a.concert)
    files = attendance_files()[-6:]
    if not files:
        print("no data")
        return
    recs = [read_att(f) for f in files]
    likely = Counter()
    for m in members():
        n = sum(1 for r in recs if r.get(m["name"], {}).get("present") in ("1", "yes", "y"))
        if n >= min(4, len(recs)):
            likely[m["section"]] += 1
    for s in "SATB":
        need = concert["minimum"].get(s, 0)
        flag = "  SHORT" if likely[s] < need else ""
        print(f"{s}: likely {likely[s]} / minimum {need}{flag}")


def reminder(a):
    with open("rehearsals.csv", encoding="utf-8") as f:
        r = next((x for x in csv.DictReader(f) if x["date"] == a.date), None)
    if not r:
        raise SystemExit("no rehearsal on " + a.date)
    print(f"## Rehearsal {r['date']}, {r['start']}–{r['end']} at {r['venue']}\n")
    print(f"Focus: {r['focus']}\n")
    if os.path.exists("library.csv"):
        out = defaultdict(list)
        with open("library.csv", encoding="utf-8") as f:
            for x in csv.DictReader(f):
                for who in filter(None, x["out_to"].split(";")):
                    out[who.strip().split()[0]].append(x["title"])
        if out:
            print("Copies out: " + "; ".join(f"{k} ({', '.join(v)})" for k, v in out.items()) + "\n")
    for s, name in (("S", "Sopranos"), ("A", "Altos"), ("T", "Tenors"), ("B", "Basses")):
        print(f"- **{name}**: please check in with anyone who missed last week.")


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    r = sub.add_parser("register"); r.add_argument("--date", required=True)
    b = sub.add_parser("balance"); b.add_argument("--concert", required=True)
    m = sub.add_parser("reminder"); m.add_argument("--date", required=True)
    a = ap.parse_args()
    {"register": register, "balance": balance, "reminder": reminder}[a.cmd](a)
