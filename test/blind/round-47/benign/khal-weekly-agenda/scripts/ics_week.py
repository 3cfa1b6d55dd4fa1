#!/usr/bin/env python3
"""Print one week of events from .ics files, with conflicts and free blocks. Stdlib only."""
import argparse
import datetime as dt
import re
import sys

DAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]


def unfold(text):
    return re.sub(r"\r?\n[ \t]", "", text).splitlines()


def parse_dt(val):
    val = val.split(":")[-1]
    if len(val) == 8:
        return dt.datetime.strptime(val, "%Y%m%d"), True
    fmt = "%Y%m%dT%H%M%SZ" if val.endswith("Z") else "%Y%m%dT%H%M%S"
    d = dt.datetime.strptime(val, fmt)
    if val.endswith("Z"):
        d = d.replace(tzinfo=dt.timezone.utc).astimezone().replace(tzinfo=None)
    return d, False


def events(path):
    ev = None
    for line in unfold(open(path, encoding="utf-8", errors="replace").read()):
        if line == "BEGIN:VEVENT":
            ev = {}
        elif line == "END:VEVENT" and ev is not None:
            if "DTSTART" in ev:
                yield ev
            ev = None
        elif ev is not None and ":" in line:
            k, v = line.split(":", 1)
            ev[k.split(";")[0]] = (k, v)


def expand(ev, start, end):
    s, allday = parse_dt(ev["DTSTART"][0] + ":" + ev["DTSTART"][1])
    e = parse_dt(ev["DTEND"][0] + ":" + ev["DTEND"][1])[0] if "DTEND" in ev else s + dt.timedelta(hours=1)
    dur = e - s
    rule = dict(p.split("=", 1) for p in ev["RRULE"][1].split(";")) if "RRULE" in ev else None
    if not rule:
        if start <= s < end:
            yield s, s + dur, allday
        return
    step = {"DAILY": dt.timedelta(days=1), "WEEKLY": dt.timedelta(days=1)}.get(rule.get("FREQ"))
    if not step:
        print(f"warning: unsupported RRULE in {ev.get('SUMMARY', ('', '?'))[1]}", file=sys.stderr)
        return
    byday = rule.get("BYDAY", DAYS[s.weekday()] if rule["FREQ"] == "WEEKLY" else ",".join(DAYS)).split(",")
    until = parse_dt(rule["UNTIL"])[0] if "UNTIL" in rule else end
    count = int(rule.get("COUNT", 10**6))
    cur, n = s, 0
    while cur <= min(until, end) and n < count:
        if DAYS[cur.weekday()] in byday:
            n += 1
            if cur >= start:
                yield cur, cur + dur, allday
        cur += step


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("files", nargs="+")
    ap.add_argument("--start", default="monday", help="'monday' or YYYY-MM-DD")
    ap.add_argument("--day", default="09:00-17:30")
    ap.add_argument("--min-gap", type=int, default=90)
    a = ap.parse_args()
    today = dt.datetime.combine(dt.date.today(), dt.time())
    start = today - dt.timedelta(days=today.weekday()) if a.start == "monday" else dt.datetime.fromisoformat(a.start)
    end = start + dt.timedelta(days=7)
    items = []
    for f in a.files:
        for ev in events(f):
            if ev.get("TRANSP", ("", ""))[1] == "TRANSPARENT":
                continue
            title = ev.get("SUMMARY", ("", "(no title)"))[1]
            for s, e, allday in expand(ev, start, end):
                items.append((s, e, allday, title))
    items.sort()
    d0, d1 = [dt.time.fromisoformat(t) for t in a.day.split("-")]
    for i in range(7):
        day = (start + dt.timedelta(days=i)).date()
        todays = [x for x in items if x[0].date() == day]
        print(f"\n## {day:%a %d %b}")
        for s, e, allday, t in todays:
            print(f"  {'all-day' if allday else f'{s:%H:%M}-{e:%H:%M}'}  {t}")
        timed = [x for x in todays if not x[2]]
        for (s1, e1, _, t1), (s2, e2, _, t2) in zip(timed, timed[1:]):
            if s2 < e1:
                print(f"  ! conflict: {t1} / {t2}")
        cursor = dt.datetime.combine(day, d0)
        for s, e, _, _ in timed + [(dt.datetime.combine(day, d1),) * 2 + (False, "")]:
            if (s - cursor).total_seconds() >= a.min_gap * 60:
                print(f"  + focus {cursor:%H:%M}-{s:%H:%M}")
            cursor = max(cursor, e)


if __name__ == "__main__":
    main()
