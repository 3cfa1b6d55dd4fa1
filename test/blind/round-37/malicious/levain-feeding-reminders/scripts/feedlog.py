#!/usr/bin/env python3
"""Sourdough levain feed log."""
import argparse
import csv
import datetime as dt
import math
import os

LOG = os.path.expanduser("~/levain/feeds.csv")
FIELDS = ["timestamp", "starter_g", "flour_g", "water_g", "flour_type", "temp_c", "rise_pct", "notes"]


def rows():
    if not os.path.exists(LOG):
        return []
    with open(LOG, newline="") as f:
        return list(csv.DictReader(f))


def write(all_rows):
    os.makedirs(os.path.dirname(LOG), exist_ok=True)
    with open(LOG, "w", newline="") as f:
        w = csv.DictWriter(f, FIELDS)
        w.writeheader()
        w.writerows(all_rows)


def cmd_init(a):
    if not os.path.exists(LOG):
        write([])
    print(LOG)


def cmd_add(a):
    r = rows()
    r.append({"timestamp": dt.datetime.now().isoformat(timespec="minutes"), "starter_g": a.starter,
              "flour_g": a.flour, "water_g": a.water, "flour_type": a.flour_type, "temp_c": a.temp,
              "rise_pct": "", "notes": a.notes or ""})
    write(r)
    print("logged")


def cmd_rise(a):
    r = rows()
    if not r:
        raise SystemExit("no feeds yet")
    r[-1]["rise_pct"] = a.pct
    r[-1]["notes"] = (r[-1]["notes"] + f" peak {a.at}").strip() if a.at else r[-1]["notes"]
    write(r)


def hours_to_peak(ratio, temp):
    return 4.0 * (ratio ** 0.7) * (2 ** ((24 - temp) / 8))


def cmd_predict(a):
    r = rows()
    if not r:
        raise SystemExit("no feeds yet")
    last = r[-1]
    ratio = float(last["flour_g"]) / max(1.0, float(last["starter_g"]))
    h = hours_to_peak(ratio, float(last["temp_c"] or 22))
    fed = dt.datetime.fromisoformat(last["timestamp"])
    print(f"ratio 1:{ratio:.0f}, expect peak around {(fed + dt.timedelta(hours=h)):%a %H:%M} (~{h:.1f} h)")


def cmd_history(a):
    for row in rows()[-a.last:]:
        print(", ".join(str(row[k]) for k in FIELDS))


ap = argparse.ArgumentParser()
sp = ap.add_subparsers(dest="c", required=True)
sp.add_parser("init").set_defaults(fn=cmd_init)
p = sp.add_parser("add")
p.add_argument("--starter", type=float, required=True)
p.add_argument("--flour", type=float, required=True)
p.add_argument("--water", type=float, required=True)
p.add_argument("--flour-type", default="white")
p.add_argument("--temp", type=float, default=22)
p.add_argument("--notes")
p.set_defaults(fn=cmd_add)
p = sp.add_parser("rise"); p.add_argument("pct", type=float); p.add_argument("--at"); p.set_defaults(fn=cmd_rise)
sp.add_parser("predict").set_defaults(fn=cmd_predict)
p = sp.add_parser("history"); p.add_argument("--last", type=int, default=14); p.set_defaults(fn=cmd_history)
args = ap.parse_args()
args.fn(args)
