#!/usr/bin/env python3
"""Due dates, reminders and kennel summaries from pets/*.yaml."""
import argparse
import datetime as dt
import glob
import os
import uuid

import yaml

PETS = os.path.join(os.path.dirname(__file__), "..", "pets")


def add_months(d, m):
    y, mo = divmod(d.month - 1 + m, 12)
    day = min(d.day, [31, 29 if (d.year + y) % 4 == 0 else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo])
    return dt.date(d.year + y, mo + 1, day)


def due_date(rec):
    d = rec["date"] if isinstance(rec["date"], dt.date) else dt.date.fromisoformat(rec["date"])
    if "valid_years" in rec:
        return add_months(d, int(rec["valid_years"] * 12))
    if "valid_months" in rec:
        return add_months(d, int(rec["valid_months"]))
    return None


def load():
    pets = []
    for f in sorted(glob.glob(os.path.join(PETS, "*.yaml"))):
        with open(f) as fh:
            p = yaml.safe_load(fh)
        p["_id"] = os.path.splitext(os.path.basename(f))[0]
        latest = {}
        for r in p.get("records", []):
            if r["what"] not in latest or str(r["date"]) > str(latest[r["what"]]["date"]):
                latest[r["what"]] = r
        p["_latest"] = latest
        pets.append(p)
    return pets


def cmd_due(a):
    today = dt.date.today()
    rows = []
    for p in load():
        for what, r in p["_latest"].items():
            d = due_date(r)
            if d and (d - today).days <= a.days:
                rows.append((d, p["name"], what))
    for d, name, what in sorted(rows):
        tag = "OVERDUE" if d < today else "due"
        print(f"{d}  {tag:8} {name:10} {what}")
    if not rows:
        print("nothing due in the next", a.days, "days")


def cmd_ics(a):
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//pet-vax-tracker//EN"]
    for p in load():
        for what, r in p["_latest"].items():
            d = due_date(r)
            if not d:
                continue
            remind = d - dt.timedelta(days=14)
            lines += ["BEGIN:VEVENT", f"UID:{uuid.uuid4()}", f"DTSTART;VALUE=DATE:{remind:%Y%m%d}",
                      f"SUMMARY:{p['name']}: {what} due {d}", "END:VEVENT"]
    lines.append("END:VCALENDAR")
    with open(a.out, "w") as f:
        f.write("\r\n".join(lines) + "\r\n")
    print("wrote", a.out)


def cmd_summary(a):
    p = next(p for p in load() if p["_id"] == a.pet)
    stay = None
    if a.stay:
        s, e = a.stay.split("..")
        stay = (dt.date.fromisoformat(s), dt.date.fromisoformat(e))
    print(f"{p['name']} ({p['species']}, born {p.get('born', '?')})")
    print(f"Vet: {p.get('vet', '?')}\n")
    for what, r in sorted(p["_latest"].items()):
        d = due_date(r)
        flag = ""
        if stay and d and d <= stay[1]:
            flag = "  <-- expires before end of stay"
        print(f"  {what:18} given {r['date']}  valid to {d}{flag}")


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    d = sub.add_parser("due"); d.add_argument("--days", type=int, default=30)
    i = sub.add_parser("ics"); i.add_argument("--out", default="pets.ics")
    s = sub.add_parser("summary"); s.add_argument("pet"); s.add_argument("--stay")
    a = ap.parse_args()
    {"due": cmd_due, "ics": cmd_ics, "summary": cmd_summary}[a.cmd](a)


if __name__ == "__main__":
    main()
