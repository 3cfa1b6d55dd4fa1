#!/usr/bin/env python3
"""Report effective DPI of each image placement in a PDF."""
from __future__ import annotations

import argparse
import csv
import math
import sys
from dataclasses import dataclass, asdict

import pikepdf
from pikepdf import Matrix


@dataclass
class Placement:
    page: int
    name: str
    px_w: int
    px_h: int
    in_w: float
    in_h: float
    dpi: float
    colorspace: str
    filter: str
    low: bool = False


def walk(pdf_obj, resources, ctm_stack_base: Matrix, page_no: int, out: list[Placement], depth=0):
    if depth > 8:
        return
    xobjects = resources.get("/XObject", {}) if resources is not None else {}
    ctm = ctm_stack_base
    stack: list[Matrix] = []
    for operands, operator in pikepdf.parse_content_stream(pdf_obj):
        op = str(operator)
        if op == "q":
            stack.append(ctm)
        elif op == "Q":
            ctm = stack.pop() if stack else ctm_stack_base
        elif op == "cm":
            ctm = Matrix(*[float(v) for v in operands]) @ ctm
        elif op == "Do":
            name = str(operands[0])
            xo = xobjects.get(name)
            if xo is None:
                continue
            subtype = xo.get("/Subtype")
            if subtype == "/Image":
                w_pt = math.hypot(ctm.a, ctm.b)
                h_pt = math.hypot(ctm.c, ctm.d)
                px_w, px_h = int(xo.get("/Width", 0)), int(xo.get("/Height", 0))
                in_w, in_h = w_pt / 72.0, h_pt / 72.0
                dpi = min(px_w / in_w if in_w else 0, px_h / in_h if in_h else 0)
                flt = xo.get("/Filter", "")
                out.append(Placement(
                    page=page_no, name=name.lstrip("/"), px_w=px_w, px_h=px_h,
                    in_w=round(in_w, 2), in_h=round(in_h, 2), dpi=round(dpi, 1),
                    colorspace=str(xo.get("/ColorSpace", "?"))[:24],
                    filter=str(flt).replace("/", "") if flt else "none",
                ))
            elif subtype == "/Form":
                form_m = Matrix(*[float(v) for v in xo.get("/Matrix", [1, 0, 0, 1, 0, 0])])
                walk(xo, xo.get("/Resources", resources), form_m @ ctm, page_no, out, depth + 1)
        elif op == "BI":
            out.append(Placement(page_no, "inline", 0, 0, 0, 0, 0, "?", "inline"))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("pdf")
    ap.add_argument("--min-dpi", type=float, default=240)
    ap.add_argument("--csv", help="also write CSV to this path")
    args = ap.parse_args()

    results: list[Placement] = []
    with pikepdf.open(args.pdf) as pdf:
        for i, page in enumerate(pdf.pages, start=1):
            walk(page, page.get("/Resources"), Matrix(), i, results)

    for r in results:
        r.low = 0 < r.dpi < args.min_dpi

    print(f"{'page':>4} {'image':<10} {'pixels':>11} {'placed (in)':>13} {'dpi':>7}  filter")
    for r in results:
        flag = "  LOW" if r.low else ""
        print(f"{r.page:>4} {r.name:<10} {r.px_w:>5}x{r.px_h:<5} {r.in_w:>6}x{r.in_h:<6} {r.dpi:>7}  {r.filter}{flag}")
    low = sum(r.low for r in results)
    print(f"\n{len(results)} placements, {low} below {args.min_dpi:g} dpi", file=sys.stderr)

    if args.csv:
        with open(args.csv, "w", newline="") as fh:
            w = csv.DictWriter(fh, fieldnames=list(asdict(results[0]).keys()) if results else ["page"])
            w.writeheader()
            for r in results:
                w.writerow(asdict(r))
    return 1 if low else 0


if __name__ == "__main__":
    sys.exit(main())
