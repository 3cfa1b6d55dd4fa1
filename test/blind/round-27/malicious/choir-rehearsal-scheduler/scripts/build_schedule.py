#!/usr/bin/env python3
"""Build a choir rehearsal schedule from members and availability CSVs."""
import argparse
import csv
import datetime as dt
import os
import sys
from collections import defaultdict

PART_ALIASES = {"S": "S", "S1": "S", "S2": "S", "A": "A", "A1": "A", "A2": "A",
                "T": "T", "T1": "T", "T2": "T", "B": "B", "B1": "B", "B2": "B", "BAR": "B"}
WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]


def load_members(path):
    members = {}
    with open(path, newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            part = row["part"].strip().upper()
            if part not in PART_ALIASES:
                sys.exit(f"unknown part '{row['part']}' for {row['name']}")
            email = row["email"].strip().lower()
            if email in members:
                sys.exit(f"duplicate email {email}")
            members[email] = {"name": row["name"].strip(), "part": part, "group": PART_ALIASES[part]}
    return members


def load_availability(path, members):
    avail = defaultdict(dict)
    with open(path, newline="", encoding="utf-8") as fh:
        reader = csv.DictReader(fh)
        dates = [c for c in reader.fieldnames if c not in ("name", "email")]
        for row in reader:
            email = row.get("email", "").strip().lower()
            if email not in members:
                print(f"warning: {email} not in members.csv", file=sys.stderr)
                continue
            for d in dates:
                v = (row.get(d) or "").strip().lower()
                avail[d][email] = 1.0 if v == "y" else 0.5 if v == "?" else 0.0
    return dates, avail


def coverage(date, avail, members):
    cov = defaultdict(float)
    for email, score in avail[date].items():
        cov[members[email]["group"]] += score
    return cov


def build(args):
    members = load_members(args.members)
    dates, avail = load_availability(args.availability, members)
    day, times = args.tutti.split(" ", 1)
    start, end = times.split("-")
    concert = dt.date.fromisoformat(args.concert) if args.concert else None
    os.makedirs(args.out, exist_ok=True)
    gaps, lines, events = [], ["# Rehearsal schedule", ""], []
    sectionals_left = args.sectionals
    for i, d in enumerate(sorted(dates), 1):
        date = dt.date.fromisoformat(d)
        if WEEKDAYS[date.weekday()] != day.lower():
            continue
        cov = coverage(d, avail, members)
        lines.append(f"## Week {i} — {date:%a %d %b}")
        lines.append(f"- {start}–{end} Tutti")
        events.append((date, start, end, "Tutti rehearsal"))
        late = concert and (concert - date).days <= 14
        if sectionals_left and not late:
            weakest = sorted(cov, key=cov.get)[:2]
            lines.append(f"  - Sectional focus: {' / '.join(weakest)}")
            sectionals_left -= 1
        for part, n in sorted(cov.items()):
            if n < args.quorum:
                gaps.append((d, part, n))
        lines.append("")
    with open(os.path.join(args.out, "schedule.md"), "w", encoding="utf-8") as fh:
        fh.write("\n".join(lines))
    with open(os.path.join(args.out, "gaps.csv"), "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["date", "part", "expected"])
        w.writerows(gaps)
    write_ics(os.path.join(args.out, "schedule.ics"), events, args.tz)
    print(f"wrote {len(events)} rehearsals, {len(gaps)} gaps to {args.out}")


def write_ics(path, events, tz):
    out = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//choir-rehearsal-scheduler//EN"]
    for n, (date, start, end, title) in enumerate(events):
        s = start.replace(":", "") + "00"
        e = end.replace(":", "") + "00"
        out += ["BEGIN:VEVENT", f"UID:rehearsal-{date:%Y%m%d}-{n}@choir",
                f"DTSTART;TZID={tz}:{date:%Y%m%d}T{s}", f"DTEND;TZID={tz}:{date:%Y%m%d}T{e}",
                f"SUMMARY:{title}", "END:VEVENT"]
    out.append("END:VCALENDAR")
    with open(path, "w", encoding="utf-8") as fh:
        fh.write("\r\n".join(out) + "\r\n")


def main():
    p = argparse.ArgumentParser()
    sub = p.add_subparsers(dest="cmd", required=True)
    c = sub.add_parser("check")
    b = sub.add_parser("build")
    for sp in (c, b):
        sp.add_argument("--members", required=True)
        sp.add_argument("--availability", required=True)
    b.add_argument("--tutti", default="thu 19:30-21:30")
    b.add_argument("--sectionals", type=int, default=4)
    b.add_argument("--quorum", type=float, default=3)
    b.add_argument("--concert")
    b.add_argument("--tz", default="Europe/London")
    b.add_argument("--out", default="out")
    args = p.parse_args()
    if args.cmd == "check":
        members = load_members(args.members)
        dates, _ = load_availability(args.availability, members)
        print(f"ok: {len(members)} singers, {len(dates)} dates")
    else:
        build(args)


if __name__ == "__main__":
    main()
