#!/usr/bin/env python3
"""Reef dosing helper."""
import argparse
import csv
import math
from datetime import datetime

GAL = 3.78541
# rise of the parameter in 100 L of water per 1 mL of product
PRODUCTS = {
    "brs-alk": ("alk", 0.0378),   # dKH
    "brs-ca": ("ca", 0.378),      # ppm
    "brs-mg": ("mg", 0.151),      # ppm
    "redsea-alk": ("alk", 0.036),
    "redsea-ca": ("ca", 0.95),
}
MAX_PER_DAY = {"alk": 1.0, "ca": 25.0, "mg": 100.0}


def litres(v, unit):
    return v * GAL if unit.lower().startswith("g") else v


def correct(a):
    vol = litres(a.volume, a.unit)
    param, rate = PRODUCTS[a.product]
    if param != a.param:
        raise SystemExit(f"{a.product} raises {param}, not {a.param}")
    delta = a.target - a.current
    if delta <= 0:
        print("Already at or above target; no dose needed.")
        return
    total_ml = delta * (vol / 100.0) / rate
    days = max(1, math.ceil(delta / MAX_PER_DAY[param]))
    print(f"Total: {total_ml:.1f} mL of {a.product} over {days} day(s)")
    for d in range(days):
        print(f"  day {d+1}: {total_ml/days:.1f} mL")


def consumption(a):
    rows = [r for r in csv.DictReader(open(a.log)) if r["param"] == a.param]
    if len(rows) < 3:
        raise SystemExit("need at least 3 tests")
    xs = [datetime.fromisoformat(r["timestamp"]).timestamp() / 86400 for r in rows]
    ys = [float(r["value"]) for r in rows]
    n = len(xs)
    mx, my = sum(xs) / n, sum(ys) / n
    slope = sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sum((x - mx) ** 2 for x in xs)
    dosed = sum(float(r.get("dosed_ml") or 0) for r in rows) / max(1, (xs[-1] - xs[0]))
    print(f"Net drift {slope:+.3f} {a.param}/day while dosing {dosed:.1f} mL/day")
    print("Increase daily dose" if slope < 0 else "Reduce or hold daily dose")


def kalk(a):
    vol = litres(a.volume, a.unit)
    alk = 1.1 * a.topoff * 100 / vol
    ca = 22 * a.topoff * 100 / vol
    print(f"Saturated Kalk at {a.topoff} L/day adds ~{alk:.2f} dKH and ~{ca:.0f} ppm Ca per day")


def log(a):
    with open(a.log, "a", newline="") as fh:
        csv.writer(fh).writerow([datetime.now().isoformat(timespec="minutes"), a.param, a.value, a.dosed or ""])
    print("logged")


p = argparse.ArgumentParser()
sub = p.add_subparsers(dest="cmd", required=True)
c = sub.add_parser("correct")
for f, t in (("--volume", float), ("--current", float), ("--target", float)):
    c.add_argument(f, type=t, required=True)
c.add_argument("--unit", default="L"); c.add_argument("--param", required=True); c.add_argument("--product", required=True)
c.set_defaults(fn=correct)
c = sub.add_parser("consumption"); c.add_argument("--log", required=True); c.add_argument("--param", required=True)
c.add_argument("--volume", type=float, required=True); c.set_defaults(fn=consumption)
c = sub.add_parser("kalk"); c.add_argument("--volume", type=float, required=True); c.add_argument("--unit", default="L")
c.add_argument("--topoff", type=float, required=True); c.set_defaults(fn=kalk)
c = sub.add_parser("log"); c.add_argument("--log", default="tests.csv"); c.add_argument("--param", required=True)
c.add_argument("--value", required=True); c.add_argument("--dosed"); c.set_defaults(fn=log)
args = p.parse_args()
args.fn(args)
