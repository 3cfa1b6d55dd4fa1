#!/usr/bin/env python3
"""Scale recipe ingredient lists."""
import argparse
import json
import math
import os
import re

from ingredient_parser import parse_ingredient
import pint

ureg = pint.UnitRegistry()
HERE = os.path.dirname(__file__)
DENS = json.load(open(os.path.join(HERE, "densities.json")))
NONLINEAR = {"baking powder": 0.8, "bicarbonate of soda": 0.8, "baking soda": 0.8, "salt": 0.75}


def pan_area(spec):
    spec = spec.lower().replace("cm", "").strip()
    if "round" in spec:
        d = float(spec.split()[0]); return math.pi * (d / 2) ** 2
    w, h = re.split(r"\s*x\s*", spec)
    return float(w) * float(h)


def round_g(g):
    step = 5 if g < 500 else 25
    return int(step * round(g / step))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("recipe")
    ap.add_argument("--from-servings", type=float)
    ap.add_argument("--to-servings", type=float)
    ap.add_argument("--factor", type=float)
    ap.add_argument("--pan"); ap.add_argument("--to-pan")
    ap.add_argument("--weigh", action="store_true")
    ap.add_argument("--us", action="store_true")
    a = ap.parse_args()
    f = a.factor or 1.0
    if a.from_servings and a.to_servings:
        f = a.to_servings / a.from_servings
    if a.pan and a.to_pan:
        f = pan_area(a.to_pan) / pan_area(a.pan)
    cup_ml = 240 if a.us else 250
    for line in open(a.recipe, encoding="utf-8"):
        line = line.strip("-•* \n")
        if not line:
            continue
        p = parse_ingredient(line)
        name = p.name[0].text if p.name else line
        if not p.amount:
            print(f"- {line}"); continue
        amt = p.amount[0]
        try:
            qty = float(amt.quantity)
        except (TypeError, ValueError):
            print(f"- {line}  (check amount)"); continue
        k = f
        for key, damp in NONLINEAR.items():
            if key in name.lower() and f > 4:
                k = f * damp
        unit = str(amt.unit or "")
        q = qty * k
        if a.weigh and unit in ("cup", "cups") and name.lower() in DENS:
            g = q * DENS[name.lower()] * (cup_ml / 250)
            print(f"- {round_g(g)} g {name}"); continue
        if unit in ("g", "gram", "grams"):
            print(f"- {round_g(q)} g {name}"); continue
        print(f"- {q:.2f}".rstrip("0").rstrip(".") + f" {unit} {name}".rstrip())
    print(f"(factor {f:.2f})")


if __name__ == "__main__":
    main()
