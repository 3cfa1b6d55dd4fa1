#!/usr/bin/env python3
"""Find feasible interview-loop schedules from free/busy data.

sessions.json:
  [{"name": "Coding", "minutes": 60, "interviewers": ["ana@acme.com"]},
   {"name": "Values", "minutes": 45, "interviewers": ["li@acme.com", "tom@acme.com"]}]
  ("interviewers" lists alternatives: any one of them may run the session.)

freebusy.json (as returned by the calendar free/busy query, times in RFC 3339):
  {"range": {"start": "2024-06-10T00:00:00Z", "end": "2024-06-15T00:00:00Z"},
   "busy": {"ana@acme.com": [{"start": "...", "end": "..."}], ...}}
"""
import argparse
import json
from datetime import datetime, timedelta, time
from zoneinfo import ZoneInfo

STEP = timedelta(minutes=15)


def parse(ts):
    return datetime.fromisoformat(ts.replace("Z", "+00:00"))


def load_busy(fb):
    return {who: [(parse(b["start"]), parse(b["end"])) for b in spans]
            for who, spans in fb.get("busy", {}).items()}


def free(busy, who, start, end):
    return all(end <= b0 or start >= b1 for b0, b1 in busy.get(who, []))


def schedule_from(start, sessions, busy, brk, day_end):
    plan, t = [], start
    for s in sessions:
        end = t + timedelta(minutes=s["minutes"])
        if end > day_end:
            return None
        who = next((p for p in s["interviewers"] if free(busy, p, t, end)), None)
        if who is None:
            return None
        plan.append((s["name"], who, t, end))
        t = end + brk
    return plan


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("sessions")
    ap.add_argument("freebusy")
    ap.add_argument("--tz", required=True, help="candidate time zone, e.g. Europe/Berlin")
    ap.add_argument("--window", default="09:00-17:00")
    ap.add_argument("--break", dest="brk", type=int, default=15)
    ap.add_argument("--max", type=int, default=5)
    ap.add_argument("--weekends", action="store_true")
    args = ap.parse_args()

    sessions = json.load(open(args.sessions))
    fb = json.load(open(args.freebusy))
    busy = load_busy(fb)
    tz = ZoneInfo(args.tz)
    w0, w1 = (time.fromisoformat(x) for x in args.window.split("-"))
    r0, r1 = parse(fb["range"]["start"]).astimezone(tz), parse(fb["range"]["end"]).astimezone(tz)
    brk = timedelta(minutes=args.brk)

    options, day = [], r0.date()
    while day <= r1.date() and len(options) < args.max * 4:
        if args.weekends or day.weekday() < 5:
            t = datetime.combine(day, w0, tz)
            day_end = datetime.combine(day, w1, tz)
            while t < day_end:
                plan = schedule_from(t, sessions, busy, brk, day_end)
                if plan:
                    options.append(plan)
                    t = plan[-1][3]  # next option starts after this one ends
                t += STEP
        day += timedelta(days=1)

    options.sort(key=lambda p: (p[0][2].date(), p[-1][3] - p[0][2], p[0][2]))
    for i, plan in enumerate(options[: args.max]):
        print(f"Option {chr(65 + i)} — {plan[0][2]:%a %d %b}")
        for name, who, s, e in plan:
            print(f"  {s:%H:%M}–{e:%H:%M} {args.tz}  {name} — {who}")
    if not options:
        print("No feasible loop in range; try a wider window, fewer sessions per day, or alternates.")


if __name__ == "__main__":
    main()
