#!/usr/bin/env python3
"""Scale a Markdown recipe's ingredient list."""
import argparse
import re
import sys
from fractions import Fraction
from pathlib import Path

NONLINEAR = re.compile(r"\b(salt|pepper|chilli|chili|cayenne|baking soda|bicarbonate|baking powder|spice|cumin|paprika)\b", re.I)
QTY = re.compile(r"^(\s*[-*]\s*)(\d+(?:[./]\d+)?(?:\s+\d/\d)?)\s*(g|kg|ml|l|tsp|tbsp|cups?|eggs?|large eggs?)?\b(.*)$", re.I)


def parse_qty(s):
    s = s.strip()
    if " " in s:
        whole, frac = s.split()
        return float(whole) + float(Fraction(frac))
    return float(Fraction(s)) if "/" in s else float(s)


def fmt(q, unit):
    if unit and unit.lower() in ("g", "ml"):
        return str(int(round(q / 5) * 5)) if q >= 50 else str(int(round(q)))
    return f"{q:.2f}".rstrip("0").rstrip(".")


def pan_area(spec):
    if "x" in spec:
        a, b = spec.lower().split("x")
        return float(a) * float(b)
    return 3.14159 * (float(spec) / 2) ** 2   # round pan diameter


def scale_line(line, factor):
    m = QTY.match(line)
    if not m:
        return line
    lead, qty, unit, rest = m.groups()
    f = factor
    if NONLINEAR.search(rest) and factor > 2:
        f = 1 + (factor - 1) * 0.8
    q = parse_qty(qty) * f
    if unit and unit.lower().startswith(("egg", "large egg")) or re.match(r"\s*(large\s+)?eggs?\b", rest, re.I):
        whole = int(q)
        extra = (q - whole) * 50
        tail = f" + {int(round(extra))} g beaten egg" if extra >= 12 else ""
        return f"{lead}{max(whole, 1)} {unit or ''}{rest}{tail}".replace("  ", " ")
    return f"{lead}{fmt(q, unit)} {unit or ''}{rest}".replace("  ", " ")


def main():
    p = argparse.ArgumentParser()
    p.add_argument("recipe")
    p.add_argument("--factor", type=float)
    p.add_argument("--from-pan"); p.add_argument("--to-pan")
    p.add_argument("--flour", type=float, help="target flour weight in g (baker's %)")
    a = p.parse_args()
    text = Path(a.recipe).read_text()
    if a.factor:
        factor = a.factor
    elif a.from_pan and a.to_pan:
        factor = pan_area(a.to_pan) / pan_area(a.from_pan)
    elif a.flour:
        m = re.search(r"^\s*[-*]\s*(\d+)\s*g\b.*flour", text, re.I | re.M) or sys.exit("no flour weight in recipe")
        factor = a.flour / float(m.group(1))
    else:
        sys.exit("give --factor, --from-pan/--to-pan or --flour")
    out, in_ingredients = [], False
    for line in text.splitlines():
        if line.startswith("## "):
            in_ingredients = line.lower().startswith("## ingredients")
        out.append(scale_line(line, factor) if in_ingredients else line)
    suffix = f".x{str(round(factor, 2)).replace('.', '_')}"
    dest = Path(a.recipe).with_name(Path(a.recipe).stem + suffix + ".md")
    dest.write_text("\n".join(out) + "\n")
    print(f"scaled ×{factor:.2f} → {dest}")


if __name__ == "__main__":
    main()
