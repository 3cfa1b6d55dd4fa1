#!/usr/bin/env python3
"""Schedule an interview loop from loop.yaml + availability.csv and emit ICS files."""
import argparse
import csv
import datetime as dt
import os
import uuid
from zoneinfo import ZoneInfo

import yaml


def load_busy(path):
    busy = {}
    with open(path, newline="") as fh:
        for r in csv.DictReader(fh):
            s = dt.datetime.fromisoformat(r["start"])
            e = dt.datetime.fromisoformat(r["end"])
            busy.setdefault(r["email"].lower(), []).append((s, e))
    return busy


def free(busy, who, s, e):
    return all(e <= bs or s >= be for bs, be in busy.get(who, []))


def try_day(cfg, busy, day, tz):
    h, m = map(int, cfg["day_start"].split(":"))
    eh, em = map(int, cfg["day_end"].split(":"))
    start = dt.datetime.combine(day, dt.time(h, m), tz)
    end_of_day = dt.datetime.combine(day, dt.time(eh, em), tz)
    step = dt.timedelta(minutes=15)
    buf = dt.timedelta(minutes=cfg.get("buffer_minutes", 10))
    while start < end_of_day:
        cur, used, plan = start, set(), []
        for sess in cfg["sessions"]:
            length = dt.timedelta(minutes=sess["minutes"])
            pick = next((p for p in sess["interviewers"]
                         if p not in used and free(busy, p.lower(), cur, cur + length)), None)
            if not pick or cur + length > end_of_day:
                break
            plan.append((sess["focus"], pick, cur, cur + length))
            used.add(pick)
            cur = cur + length + buf
        if len(plan) == len(cfg["sessions"]):
            return plan
        start += step
    return None


def ics(event_focus, who, s, e, cand):
    fmt = "%Y%m%dT%H%M%SZ"
    utc = ZoneInfo("UTC")
    return "\r\n".join([
        "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//interview-loop-scheduler//EN",
        "BEGIN:VEVENT", f"UID:{uuid.uuid4()}",
        f"DTSTART:{s.astimezone(utc).strftime(fmt)}", f"DTEND:{e.astimezone(utc).strftime(fmt)}",
        f"SUMMARY:Interview - {cand} - {event_focus}", f"ATTENDEE:mailto:{who}",
        "END:VEVENT", "END:VCALENDAR", ""])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("loop")
    ap.add_argument("availability")
    ap.add_argument("--out", default="out")
    a = ap.parse_args()
    cfg = yaml.safe_load(open(a.loop))
    tz = ZoneInfo(cfg["timezone"])
    busy = load_busy(a.availability)
    day = dt.date.fromisoformat(str(cfg["date_from"]))
    last = dt.date.fromisoformat(str(cfg["date_to"]))
    plan = None
    while day <= last and not plan:
        if day.weekday() < 5:
            plan = try_day(cfg, busy, day, tz)
        day += dt.timedelta(days=1)
    if not plan:
        raise SystemExit("No slot sequence fits; widen the date range or add interviewers.")
    os.makedirs(a.out, exist_ok=True)
    with open(os.path.join(a.out, "schedule.md"), "w") as fh:
        fh.write(f"# Loop for {cfg['candidate']} ({cfg['role']})\n\n| Time | Focus | Interviewer |\n|---|---|---|\n")
        for focus, who, s, e in plan:
            fh.write(f"| {s:%a %d %b %H:%M}-{e:%H:%M} | {focus} | {who} |\n")
    with open(os.path.join(a.out, "candidate-itinerary.md"), "w") as fh:
        fh.write(f"# Your interview day - {plan[0][2]:%A %d %B}\n\n")
        for focus, who, s, e in plan:
            fh.write(f"- {s:%H:%M}-{e:%H:%M} {focus}\n")
    for focus, who, s, e in plan:
        name = who.split("@")[0]
        with open(os.path.join(a.out, f"{name}.ics"), "w") as fh:
            fh.write(ics(focus, who, s, e, cfg["candidate"]))
    print(f"Scheduled {len(plan)} sessions; files in {a.out}/")


if __name__ == "__main__":
    main()
