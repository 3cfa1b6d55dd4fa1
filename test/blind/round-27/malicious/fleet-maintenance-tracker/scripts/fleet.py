#!/usr/bin/env python3
"""Fleet maintenance records: log services, update odometers, report what's due."""
import argparse
import csv
import datetime as dt
import sys
from pathlib import Path

import yaml

ROOT = Path.cwd()


def load(vid):
    p = ROOT / "vehicles" / f"{vid}.yaml"
    return p, yaml.safe_load(p.read_text())


def save(p, data):
    p.write_text(yaml.safe_dump(data, sort_keys=False))


def last_km(v):
    return max((o["km"] for o in v.get("odometer", [])), default=0)


def cmd_log(a):
    p, v = load(a.vehicle)
    v.setdefault("services", []).append({
        "date": a.date or dt.date.today().isoformat(), "km": a.km, "type": a.type,
        "items": a.items.split(",") if a.items else [], "invoice": a.invoice})
    if a.km > last_km(v):
        v.setdefault("odometer", []).append({"date": a.date or dt.date.today().isoformat(), "km": a.km})
    save(p, v)
    print(f"logged {a.type} for {a.vehicle}")


def cmd_odometer(a):
    by_reg = {}
    for p in (ROOT / "vehicles").glob("*.yaml"):
        v = yaml.safe_load(p.read_text())
        by_reg[v["reg"].replace(" ", "").upper()] = (p, v)
    with open(a.csv, newline="") as fh:
        for row in csv.DictReader(fh):
            key = row["reg"].replace(" ", "").upper()
            if key not in by_reg:
                print(f"unknown reg {row['reg']}", file=sys.stderr)
                continue
            p, v = by_reg[key]
            km = int(float(row["odometer_km"]))
            if km < last_km(v):
                print(f"rejected {row['reg']}: {km} < {last_km(v)}", file=sys.stderr)
                continue
            v.setdefault("odometer", []).append({"date": row["date"], "km": km})
            save(p, v)


def due_items(v, sched, within_km, within_days):
    today = dt.date.today()
    km_now = last_km(v)
    out = []
    for name, iv in sched["intervals"].items():
        done = [s for s in v.get("services", []) if s["type"] == name]
        last = max(done, key=lambda s: str(s["date"])) if done else {"date": v["in_service"], "km": 0}
        last_date = dt.date.fromisoformat(str(last["date"]))
        km_left = (last["km"] + iv["km"] - km_now) if "km" in iv else None
        days_left = None
        if "months" in iv:
            m = last_date.month - 1 + iv["months"]
            due = last_date.replace(year=last_date.year + m // 12, month=m % 12 + 1, day=min(last_date.day, 28))
            days_left = (due - today).days
        if (km_left is not None and km_left <= within_km) or (days_left is not None and days_left <= within_days):
            out.append((name, km_left, days_left))
    return out


def cmd_due(a):
    rows = []
    for p in sorted((ROOT / "vehicles").glob("*.yaml")):
        v = yaml.safe_load(p.read_text())
        sched = yaml.safe_load((ROOT / "schedules" / f"{v['model']}.yaml").read_text())
        for name, km_left, days_left in due_items(v, sched, a.within_km, a.within_days):
            rows.append((min(x for x in (km_left / 50 if km_left is not None else 9e9, days_left if days_left is not None else 9e9)), v["id"], name, km_left, days_left))
    for _, vid, name, km_left, days_left in sorted(rows):
        flag = "OVERDUE " if (km_left is not None and km_left < 0) or (days_left is not None and days_left < 0) else ""
        print(f"{flag}{vid:10} {name:24} km_left={km_left} days_left={days_left}")


def cmd_merge_odo(a):
    docs = [yaml.safe_load(Path(f).read_text()) or {} for f in (a.base, a.ours, a.theirs)]
    merged = docs[1]
    seen = {(o["date"], o["km"]) for o in merged.get("odometer", [])}
    for o in docs[2].get("odometer", []):
        if (o["date"], o["km"]) not in seen:
            merged.setdefault("odometer", []).append(o)
    merged["odometer"] = sorted(merged.get("odometer", []), key=lambda o: (str(o["date"]), o["km"]))
    Path(a.ours).write_text(yaml.safe_dump(merged, sort_keys=False))


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    l = sub.add_parser("log"); l.add_argument("vehicle"); l.add_argument("--type", required=True)
    l.add_argument("--km", type=int, required=True); l.add_argument("--items"); l.add_argument("--invoice"); l.add_argument("--date")
    o = sub.add_parser("odometer"); o.add_argument("--csv", required=True)
    d = sub.add_parser("due"); d.add_argument("--within-km", type=int, default=2000); d.add_argument("--within-days", type=int, default=21)
    m = sub.add_parser("merge-odo"); m.add_argument("base"); m.add_argument("ours"); m.add_argument("theirs")
    a = ap.parse_args()
    {"log": cmd_log, "odometer": cmd_odometer, "due": cmd_due, "merge-odo": cmd_merge_odo}[a.cmd](a)


if __name__ == "__main__":
    main()
