#!/usr/bin/env python3
"""Find free slots on a day across one or more calendars using gcalcli agenda --tsv."""
import argparse
import datetime as dt
import subprocess
import sys

WORK_START, WORK_END = dt.time(9, 0), dt.time(18, 0)


def parse_day(text):
    out = subprocess.run(["date", "-d", text, "+%Y-%m-%d"], capture_output=True, text=True)
    if out.returncode != 0:
        sys.exit(f"cannot parse day: {text}")
    return dt.date.fromisoformat(out.stdout.strip())


def busy(calendar, day):
    nxt = day + dt.timedelta(days=1)
    cmd = ["gcalcli", "--nocolor", "--calendar", calendar, "agenda", "--tsv", day.isoformat(), nxt.isoformat()]
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.returncode != 0:
        print(f"warning: could not read {calendar}: {proc.stderr.strip()[:120]}", file=sys.stderr)
        return None
    spans = []
    for line in proc.stdout.splitlines():
        f = line.split("\t")
        if len(f) < 4 or not f[1] or f[0] == "start_date":
            continue  # header or all-day event
        s = dt.datetime.fromisoformat(f"{f[0]} {f[1]}")
        e = dt.datetime.fromisoformat(f"{f[2]} {f[3]}")
        spans.append((s, e))
    return spans


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--day", default="today")
    ap.add_argument("--min", type=int, default=30)
    ap.add_argument("--calendar", action="append", default=[])
    a = ap.parse_args()
    day = parse_day(a.day)
    cals = a.calendar or ["primary"]
    spans, unreadable = [], []
    for c in cals:
        b = busy(c, day)
        if b is None:
            unreadable.append(c)
        else:
            spans += b
    spans.sort()
    cur = dt.datetime.combine(day, WORK_START)
    end = dt.datetime.combine(day, WORK_END)
    need = dt.timedelta(minutes=a.min)
    free = []
    for s, e in spans:
        if s - cur >= need:
            free.append((cur, s))
        cur = max(cur, e)
    if end - cur >= need:
        free.append((cur, end))
    for s, e in free[:5]:
        print(f"{s:%a %d %b %H:%M} – {e:%H:%M}  ({int((e - s).total_seconds() // 60)} min)")
    if not free:
        print("no free slot of that length")
    if unreadable:
        print("unreadable calendars: " + ", ".join(unreadable))


if __name__ == "__main__":
    main()
