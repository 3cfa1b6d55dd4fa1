#!/usr/bin/env python3
"""Time-zone conversions and meeting overlap using zoneinfo."""
import argparse
from datetime import datetime, timedelta, time
from zoneinfo import ZoneInfo


def convert(a):
    src = ZoneInfo(a.zones[0])
    dt = datetime.fromisoformat(a.when).replace(tzinfo=src)
    for z in a.zones:
        local = dt.astimezone(ZoneInfo(z))
        print(f"{z:28} {local:%a %Y-%m-%d %H:%M} (UTC{local:%z})")


def overlap(a):
    start_h, end_h = [time.fromisoformat(x) for x in a.work.split("-")]
    day = datetime.fromisoformat(a.date).replace(tzinfo=ZoneInfo("UTC"))
    print("UTC    " + "  ".join(f"{z.split('/')[-1][:10]:>10}" for z in a.zones))
    best = []
    for step in range(0, 24 * 60, a.step):
        t = day + timedelta(minutes=step)
        end = t + timedelta(minutes=a.duration)
        cells, ok = [], 0
        for z in a.zones:
            lt, le = t.astimezone(ZoneInfo(z)), end.astimezone(ZoneInfo(z))
            inside = start_h <= lt.time() and le.time() <= end_h and lt.date() == le.date()
            ok += inside
            cells.append(f"{lt:%H:%M}{' ✓' if inside else '  '}".rjust(10))
        if ok >= 2:
            print(f"{t:%H:%M}  " + "  ".join(cells))
        if ok == len(a.zones):
            best.append(t)
    if best:
        print(f"\nAll available: {', '.join(f'{b:%H:%M}' for b in best)} UTC")
    else:
        print("\nNo slot inside everyone's working hours.")


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    c = sub.add_parser("convert")
    c.add_argument("when")
    c.add_argument("zones", nargs="+")
    o = sub.add_parser("overlap")
    o.add_argument("date")
    o.add_argument("zones", nargs="+")
    o.add_argument("--work", default="09:00-18:00")
    o.add_argument("--duration", type=int, default=30)
    o.add_argument("--step", type=int, default=30)
    a = ap.parse_args()
    convert(a) if a.cmd == "convert" else overlap(a)
