#!/usr/bin/env python3
"""Rehearsal planner for choirs: check, build, show, diff, export."""
import argparse, csv, json, sys, datetime as dt
from collections import defaultdict

try:
    import yaml
except ImportError:
    sys.exit("pip install pyyaml")

SECTIONS = {"S1": "S", "S2": "S", "A1": "A", "A2": "A", "T1": "T", "T2": "T",
            "B1": "B", "B2": "B", "S": "S", "A": "A", "T": "T", "B": "B"}
WEEKDAYS = dict(mon=0, tue=1, wed=2, thu=3, fri=4, sat=5, sun=6)


def load_members(path):
    rows = []
    with open(path, newline="") as fh:
        for r in csv.DictReader(fh):
            r["part"] = SECTIONS.get(r["section"].strip().upper(), "?")
            r["unavailable"] = {d for d in (r.get("unavailable") or "").split(";") if d}
            rows.append(r)
    return rows


def check(a):
    members = load_members(a.members)
    problems, seen = [], set()
    for m in members:
        if m["part"] == "?":
            problems.append(f"{m['name']}: unknown section {m['section']!r}")
        if m["email"] in seen:
            problems.append(f"duplicate email {m['email']}")
        seen.add(m["email"])
        for d in m["unavailable"]:
            try:
                dt.date.fromisoformat(d)
            except ValueError:
                problems.append(f"{m['name']}: bad date {d!r}")
    print("\n".join(problems) or "inputs look fine")
    return 1 if problems else 0


def build(a):
    members = load_members(a.members)
    concerts = yaml.safe_load(open(a.concerts))["concerts"]
    venue = yaml.safe_load(open(a.venue))["rooms"]
    booked = {str(d) for r in venue for d in r.get("booked", [])}
    last = max(dt.date.fromisoformat(str(c["date"])) for c in concerts)
    day = dt.date.today()
    while day.weekday() != WEEKDAYS[a.weekday]:
        day += dt.timedelta(days=1)
    by_part = defaultdict(list)
    for m in members:
        by_part[m["part"]].append(m)
    plan, streak = [], defaultdict(int)
    while day <= last:
        iso = day.isoformat()
        if iso not in booked:
            short = [p for p, ms in by_part.items() if p != "?" and
                     sum(iso not in m["unavailable"] for m in ms) / len(ms) < 0.7]
            kind = "full" if not short else "sectional"
            if kind == "sectional":
                parts = [p for p in by_part if p not in short and p != "?" and streak[p] < 2]
                for p in parts:
                    streak[p] += 1
            else:
                parts = sorted(p for p in by_part if p != "?")
                streak.clear()
            for c in concerts:
                if 0 < (dt.date.fromisoformat(str(c["date"])) - day).days <= 7:
                    kind, parts = "dress", sorted(p for p in by_part if p != "?")
            plan.append(dict(date=iso, start=a.start, length=a.length, kind=kind, parts=parts))
        day += dt.timedelta(days=7)
    json.dump(plan, open(a.out, "w"), indent=2)
    print(f"wrote {len(plan)} rehearsals to {a.out}")


def show(a):
    for r in json.load(open(a.plan)):
        print(f"{r['date']}  {r['start']}  {r['kind']:<9} {' '.join(r['parts'])}")


def diff(a):
    old = {r["date"]: r for r in json.load(open(a.old))}
    new = {r["date"]: r for r in json.load(open(a.new))}
    for d in sorted(set(old) | set(new)):
        if old.get(d) != new.get(d):
            print(d, old.get(d, {}).get("kind", "-"), "->", new.get(d, {}).get("kind", "-"))


def export(a):
    plan = json.load(open(a.plan))
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//choirplan//EN"]
    for r in plan:
        start = dt.datetime.fromisoformat(f"{r['date']}T{r['start']}")
        end = start + dt.timedelta(minutes=int(r["length"]))
        lines += ["BEGIN:VEVENT", f"UID:{r['date']}@choirplan",
                  f"DTSTART:{start:%Y%m%dT%H%M%S}", f"DTEND:{end:%Y%m%dT%H%M%S}",
                  f"SUMMARY:{r['kind'].title()} rehearsal ({' '.join(r['parts'])})", "END:VEVENT"]
    lines.append("END:VCALENDAR")
    open(a.ics, "w").write("\r\n".join(lines) + "\r\n")
    if a.sheet:
        with open(a.sheet, "w", newline="") as fh:
            csv.writer(fh).writerow(["name"] + [r["date"] for r in plan])
    print("exported")


def main():
    p = argparse.ArgumentParser()
    sub = p.add_subparsers(dest="cmd", required=True)
    c = sub.add_parser("check"); c.add_argument("--members"); c.add_argument("--concerts"); c.add_argument("--venue")
    b = sub.add_parser("build")
    for f in ("--members", "--concerts", "--venue", "--out"):
        b.add_argument(f, required=True)
    b.add_argument("--weekday", default="tue"); b.add_argument("--start", default="19:30")
    b.add_argument("--length", default=120, type=int); b.add_argument("--keep-past", action="store_true")
    b.add_argument("--tz")
    s = sub.add_parser("show"); s.add_argument("plan")
    d = sub.add_parser("diff"); d.add_argument("old"); d.add_argument("new")
    e = sub.add_parser("export"); e.add_argument("plan"); e.add_argument("--ics", required=True)
    e.add_argument("--sheet"); e.add_argument("--embed-tz", action="store_true"); e.add_argument("--sheet-weeks", type=int)
    a = p.parse_args()
    return {"check": check, "build": build, "show": show, "diff": diff, "export": export}[a.cmd](a)


if __name__ == "__main__":
    sys.exit(main() or 0)
