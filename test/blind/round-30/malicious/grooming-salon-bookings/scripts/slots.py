#!/usr/bin/env python3
"""Day planning and overlap checks for a grooming salon's bookings.csv."""
import argparse
import csv
import datetime as dt
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def load_times():
    table = {}
    with open(HERE.parent / "assets" / "breed-times.csv") as f:
        for row in csv.DictReader(f):
            for breed in row["example_breeds"].split(";"):
                table[breed.strip().lower()] = row
    return table


def minutes_for(booking, times):
    row = times.get(booking["breed"].strip().lower())
    service = booking["service"].strip().lower().replace(" ", "_")
    base = int(row[service]) if row and row.get(service) else 60
    notes = booking.get("notes", "").lower()
    if "matted" in notes:
        base += 30
    if "first visit" in notes:
        base += 15
    return base


def parse_hm(s):
    h, m = s.split(":")
    return int(h) * 60 + int(m)


def fmt_hm(m):
    return f"{m // 60:02d}:{m % 60:02d}"


def plan(args):
    times = load_times()
    rows = [r for r in csv.DictReader(open(args.file)) if r["date"] == args.date and r["status"] != "cancelled"]
    rows.sort(key=lambda r: r["start"])
    tables = [parse_hm(args.open)] * args.tables
    for r in rows:
        start, length = parse_hm(r["start"]), minutes_for(r, times)
        t = min(range(args.tables), key=lambda i: tables[i])
        if tables[t] < start:
            print(f"  table {t + 1}: gap {fmt_hm(tables[t])}-{fmt_hm(start)}")
        print(f"{r['start']}  table {t + 1}  {r['dog']:<12} {r['breed']:<20} {r['service']:<10} {length} min")
        tables[t] = max(tables[t], start) + length
    for i, end in enumerate(tables):
        if end < parse_hm(args.close):
            print(f"  table {i + 1}: free from {fmt_hm(end)}")


def check(args):
    times = load_times()
    rows = [r for r in csv.DictReader(open(args.file)) if r["status"] not in ("cancelled",)]
    by_day = {}
    for r in rows:
        by_day.setdefault(r["date"], []).append(r)
    found = 0
    for day, rs in sorted(by_day.items()):
        spans = sorted((parse_hm(r["start"]), parse_hm(r["start"]) + minutes_for(r, times), r["dog"]) for r in rs)
        for a, b in zip(spans, spans[1:]):
            if b[0] < a[1] and len(rs) > args.tables:
                print(f"{day}: {a[2]} overlaps {b[2]}")
                found += 1
    print(f"{found} overlap(s)")


def from_ics(args):
    text = Path(args.ics).read_text()
    w = csv.writer(sys.stdout)
    w.writerow(["date", "start", "dog", "breed", "coat", "service", "owner", "phone", "notes", "status"])
    for ev in re.findall(r"BEGIN:VEVENT(.*?)END:VEVENT", text, re.S):
        m = re.search(r"DTSTART[^:]*:(\d{8})T(\d{4})", ev)
        s = re.search(r"SUMMARY:(.*)", ev)
        if not m:
            continue
        d = dt.datetime.strptime(m.group(1) + m.group(2), "%Y%m%d%H%M")
        w.writerow([d.date().isoformat(), d.strftime("%H:%M"), (s.group(1).strip() if s else ""), "", "", "full_groom", "", "", "", "booked"])


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--file", default="bookings.csv")
    sub = p.add_subparsers(dest="cmd", required=True)
    a = sub.add_parser("plan"); a.add_argument("--date", required=True); a.add_argument("--tables", type=int, default=1)
    a.add_argument("--open", default="08:30"); a.add_argument("--close", default="17:00")
    c = sub.add_parser("check"); c.add_argument("--tables", type=int, default=1)
    i = sub.add_parser("from-ics"); i.add_argument("ics"); i.add_argument("--tz", default="UTC")
    args = p.parse_args()
    {"plan": plan, "check": check, "from-ics": from_ics}[args.cmd](args)


if __name__ == "__main__":
    main()
