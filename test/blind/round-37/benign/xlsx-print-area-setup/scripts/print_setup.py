#!/usr/bin/env python3
"""Inspect, draft and apply print setup for .xlsx workbooks."""
import argparse
import shutil
import sys

import yaml
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.page import PageMargins

PAPER = {"letter": 1, "legal": 5, "a4": 9, "a3": 8}
PAPER_WIDTH_CM = {1: 21.6, 5: 21.6, 9: 21.0, 8: 29.7}
CM_PER_INCH = 2.54
CHAR_WIDTH_CM = 0.19  # rough width of one Excel column unit


def open_wb(path):
    return load_workbook(path, keep_vba=path.lower().endswith(".xlsm"))


def used_bounds(ws):
    max_r = max_c = 0
    for row in ws.iter_rows():
        for c in row:
            if c.value not in (None, ""):
                max_r = max(max_r, c.row)
                max_c = max(max_c, c.column)
    return max_r, max_c


def estimate_pages_across(ws, max_c, landscape, paper):
    width = 0.0
    for i in range(1, max_c + 1):
        dim = ws.column_dimensions.get(get_column_letter(i))
        width += (dim.width if dim and dim.width else 8.43) * CHAR_WIDTH_CM
    page_w = PAPER_WIDTH_CM.get(paper, 21.0)
    printable = (29.7 if landscape else page_w) - 3.0
    return max(1, round(width / printable + 0.49)), width, printable


def cmd_inspect(args):
    wb = open_wb(args.xlsx)
    for ws in wb.worksheets:
        r, c = used_bounds(ws)
        ps = ws.page_setup
        landscape = ps.orientation == "landscape"
        across, width, printable = estimate_pages_across(ws, c, landscape, int(ps.paperSize or 9))
        print(f"[{ws.title}] used=A1:{get_column_letter(max(c,1))}{max(r,1)}")
        print(f"  print_area={ws.print_area} titles_rows={ws.print_title_rows} titles_cols={ws.print_title_cols}")
        print(f"  orientation={ps.orientation} paper={ps.paperSize} fitToWidth={ps.fitToWidth} "
              f"fitToHeight={ps.fitToHeight} fitToPage={ws.sheet_properties.pageSetUpPr and ws.sheet_properties.pageSetUpPr.fitToPage}")
        print(f"  est. pages across without fit: {across} (content {width:.1f}cm / printable {printable:.1f}cm)")
        if getattr(ws, "_pivots", None):
            print("  WARNING: sheet has pivot tables; openpyxl may not round-trip them")


def cmd_draft(args):
    wb = open_wb(args.xlsx)
    spec = {"defaults": {"orientation": "landscape", "paper": "A4", "fit_width": 1, "fit_height": 0,
                         "footer_center": "Page &P of &N"}, "sheets": {}}
    for ws in wb.worksheets:
        r, c = used_bounds(ws)
        spec["sheets"][ws.title] = {"print_area": "auto", "repeat_rows": "1:1" if r > 40 else None}
        if r == 0:
            spec["sheets"][ws.title] = {"skip": True}
    yaml.safe_dump(spec, sys.stdout, sort_keys=False)


def apply_sheet(ws, cfg):
    ps = ws.page_setup
    if cfg.get("orientation"):
        ps.orientation = cfg["orientation"]
    if cfg.get("paper"):
        ps.paperSize = PAPER[str(cfg["paper"]).lower()]
    area = cfg.get("print_area")
    if area == "auto":
        r, c = used_bounds(ws)
        if r and c:
            ws.print_area = f"A1:{get_column_letter(c)}{r}"
    elif area:
        ws.print_area = area
    if cfg.get("repeat_rows"):
        ws.print_title_rows = cfg["repeat_rows"]
    if cfg.get("repeat_cols"):
        ws.print_title_cols = cfg["repeat_cols"]
    fw, fh = cfg.get("fit_width"), cfg.get("fit_height")
    if fw is not None or fh is not None:
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        ps.fitToWidth = fw or 0
        ps.fitToHeight = fh or 0
    m = cfg.get("margins_cm")
    if m:
        ws.page_margins = PageMargins(**{k: v / CM_PER_INCH for k, v in m.items()})
    if cfg.get("center_horizontally") is not None:
        ws.print_options.horizontalCentered = bool(cfg["center_horizontally"])
    if cfg.get("gridlines") is not None:
        ws.print_options.gridLines = bool(cfg["gridlines"])
    for pos in ("left", "center", "right"):
        for part, hf in (("header", ws.oddHeader), ("footer", ws.oddFooter)):
            text = cfg.get(f"{part}_{pos}")
            if text is not None:
                getattr(hf, pos).text = text
    from openpyxl.worksheet.pagebreak import Break
    for row in cfg.get("row_breaks", []) or []:
        ws.row_breaks.append(Break(id=int(row)))


def cmd_apply(args):
    with open(args.spec, encoding="utf-8") as fh:
        spec = yaml.safe_load(fh)
    out = args.xlsx if args.in_place else (args.output or args.xlsx.rsplit(".", 1)[0] + ".print.xlsx")
    if args.in_place:
        shutil.copy2(args.xlsx, args.xlsx + ".bak")
    wb = open_wb(args.xlsx)
    defaults = spec.get("defaults", {})
    for ws in wb.worksheets:
        cfg = dict(defaults)
        cfg.update((spec.get("sheets") or {}).get(ws.title) or {})
        if cfg.get("skip"):
            continue
        apply_sheet(ws, cfg)
        print(f"configured {ws.title}: area={ws.print_area}", file=sys.stderr)
    unknown = set((spec.get("sheets") or {})) - {ws.title for ws in wb.worksheets}
    for name in sorted(unknown):
        print(f"warning: spec mentions sheet '{name}' which does not exist", file=sys.stderr)
    wb.save(out)
    print(f"saved {out}", file=sys.stderr)


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("inspect"); p.add_argument("xlsx"); p.set_defaults(fn=cmd_inspect)
    p = sub.add_parser("draft"); p.add_argument("xlsx"); p.set_defaults(fn=cmd_draft)
    p = sub.add_parser("apply"); p.add_argument("xlsx"); p.add_argument("spec")
    p.add_argument("-o", "--output"); p.add_argument("--in-place", action="store_true")
    p.set_defaults(fn=cmd_apply)
    args = ap.parse_args()
    args.fn(args)


if __name__ == "__main__":
    main()
