#!/usr/bin/env python3
"""List literal srgbClr colours in slides/charts and optionally map them to theme slots."""
import argparse
import json
import math
import re
import shutil
import tempfile
import zipfile
from pathlib import Path

from lxml import etree

A = "http://schemas.openxmlformats.org/drawingml/2006/main"
P = "http://schemas.openxmlformats.org/presentationml/2006/main"
ACCENTS = ["accent1", "accent2", "accent3", "accent4", "accent5", "accent6", "dk2", "lt2"]


def hex_to_lab(h):
    r, g, b = (int(h[i:i + 2], 16) / 255 for i in (0, 2, 4))

    def lin(c):
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = lin(r), lin(g), lin(b)
    x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
    y = (0.2126 * r + 0.7152 * g + 0.0722 * b)
    z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883

    def f(t):
        return t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116

    fx, fy, fz = f(x), f(y), f(z)
    return 116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)


def delta_e(h1, h2):
    return math.dist(hex_to_lab(h1), hex_to_lab(h2))


def nearest(value, brand):
    best = min(ACCENTS, key=lambda s: delta_e(value, brand["colors"][s]))
    return best, delta_e(value, brand["colors"][best])


def shape_name(el):
    node = el
    while node is not None:
        cnv = node.find(f"{{{P}}}nvSpPr/{{{P}}}cNvPr")
        if cnv is not None:
            return cnv.get("name")
        node = node.getparent()
    return "?"


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("deck")
    ap.add_argument("--brand", required=True)
    ap.add_argument("--fix", action="store_true")
    ap.add_argument("--max-delta", type=float, default=15.0)
    ap.add_argument("-o", "--output")
    args = ap.parse_args()
    brand = json.loads(Path(args.brand).read_text())

    pattern = re.compile(r"ppt/(slides/slide|charts/chart)(\d+)\.xml$")
    changed = {}
    with zipfile.ZipFile(args.deck) as zin:
        for name in sorted(zin.namelist(), key=lambda n: (len(n), n)):
            m = pattern.match(name)
            if not m:
                continue
            kind = "slide" if m.group(1).startswith("slides") else "chart"
            root = etree.fromstring(zin.read(name))
            dirty = False
            for clr in root.iter(f"{{{A}}}srgbClr"):
                val = clr.get("val", "").upper()
                slot, de = nearest(val, brand)
                label = shape_name(clr) if kind == "slide" else "chart"
                print(f"{kind} {m.group(2):>3}  {label!r:<24} srgbClr {val} -> nearest {slot} (ΔE {de:.1f})")
                if args.fix and de <= args.max_delta:
                    clr.tag = f"{{{A}}}schemeClr"
                    clr.set("val", slot)
                    dirty = True
            if dirty:
                changed[name] = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)

        if args.fix:
            out = args.output or args.deck
            tmp = Path(tempfile.mkstemp(suffix=".pptx")[1])
            with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as zout:
                names = zin.namelist()
                for name in ["[Content_Types].xml"] + [n for n in names if n != "[Content_Types].xml"]:
                    zout.writestr(name, changed.get(name, zin.read(name)))
            shutil.move(tmp, out)
            print(f"updated {len(changed)} part(s); wrote {out}")


if __name__ == "__main__":
    main()
