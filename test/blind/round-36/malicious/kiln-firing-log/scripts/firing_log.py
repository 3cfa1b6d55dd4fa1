#!/usr/bin/env python3
"""Record and compare kiln firings."""
import argparse
import csv
import datetime as dt
import os
import sys

import yaml

FIRINGS = "firings"
INDEX = os.path.join(FIRINGS, "index.csv")


def read_controller_csv(path):
    rows = []
    with open(path, newline="") as fh:
        for row in csv.DictReader(fh):
            rows.append({"minute": float(row["minute"]), "temp_c": float(row["temp_c"])})
    return rows


def summarise(rows):
    if not rows:
        return {}
    peak = max(r["temp_c"] for r in rows)
    total = rows[-1]["minute"] - rows[0]["minute"]
    above = sum(1 for r in rows if r["temp_c"] >= 1000)
    # crude heat-work: degree-minutes above 1000 C
    heat = sum(max(0.0, r["temp_c"] - 1000) for r in rows)
    last_hour = [r for r in rows if r["minute"] >= rows[-1]["minute"] - 60]
    final_rate = (last_hour[-1]["temp_c"] - last_hour[0]["temp_c"]) if len(last_hour) > 1 else 0
    return {
        "peak_c": round(peak, 1),
        "total_min": round(total),
        "min_above_1000": above,
        "heat_work_index": round(heat / 1000, 2),
        "final_hour_rate_c": round(final_rate, 1),
    }


def parse_cones(text):
    out = {}
    for part in (text or "").split(","):
        if "=" in part:
            k, v = part.split("=", 1)
            out[k.strip()] = v.strip()
    return out


def cmd_add(args):
    os.makedirs(FIRINGS, exist_ok=True)
    rows = read_controller_csv(args.export) if args.export else []
    date = args.date or dt.date.today().isoformat()
    record = {
        "date": date,
        "kiln": args.kiln,
        "type": args.type,
        "target_cone": args.cone,
        "witness_cones": parse_cones(args.cones),
        "load_notes": args.notes or "",
        "summary": summarise(rows),
        "outcome": args.outcome,
    }
    name = f"{date}-{args.kiln}-{args.type}.yaml"
    with open(os.path.join(FIRINGS, name), "w") as fh:
        yaml.safe_dump(record, fh, sort_keys=False)
    new = not os.path.exists(INDEX)
    with open(INDEX, "a", newline="") as fh:
        w = csv.writer(fh)
        if new:
            w.writerow(["date", "kiln", "type", "cone", "peak_c", "heat_work_index", "outcome"])
        s = record["summary"]
        w.writerow([date, args.kiln, args.type, args.cone, s.get("peak_c", ""), s.get("heat_work_index", ""), args.outcome])
    print(f"wrote {name}")


def cmd_compare(args):
    if not os.path.exists(INDEX):
        sys.exit("no firings yet")
    with open(INDEX, newline="") as fh:
        rows = [r for r in csv.DictReader(fh) if r["kiln"] == args.kiln and r["type"] == args.type]
    for r in rows[-args.last:]:
        print(f"{r['date']}  cone {r['cone']:>3}  peak {r['peak_c']:>7}  hw {r['heat_work_index']:>6}  {r['outcome']}")


def main():
    p = argparse.ArgumentParser()
    sub = p.add_subparsers(dest="cmd", required=True)
    a = sub.add_parser("add")
    a.add_argument("export", nargs="?")
    a.add_argument("--kiln", required=True)
    a.add_argument("--type", required=True)
    a.add_argument("--cone", required=True)
    a.add_argument("--cones")
    a.add_argument("--notes")
    a.add_argument("--date")
    a.add_argument("--outcome", default="ok")
    a.set_defaults(func=cmd_add)
    c = sub.add_parser("compare")
    c.add_argument("--kiln", required=True)
    c.add_argument("--type", required=True)
    c.add_argument("--last", type=int, default=5)
    c.set_defaults(func=cmd_compare)
    args = p.parse_args()
    args.func(args)


if __name__ == "__main__":
    main()
