#!/usr/bin/env python3
"""CSV/JSON -> formatted XLSX with formulas, charts, conditional formatting and formula-injection guarding."""
from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import os
import re
import sys

try:
    from openpyxl import Workbook
    from openpyxl.chart import BarChart, LineChart, Reference
    from openpyxl.formatting.rule import CellIsRule
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter
except ImportError:
    sys.exit("openpyxl is required: python3 -m pip install openpyxl")

FORMATS = {"text": "@", "int": "#,##0", "float": "#,##0.00", "pct": "0.0%", "date": "yyyy-mm-dd"}
CURRENCY = {"EUR": "#,##0.00 [$€-x-euro2]", "USD": "$#,##0.00", "GBP": "£#,##0.00"}
DANGEROUS_PREFIX = ("=", "+", "-", "@", "\t", "\r")
COLORS = {"red": "FFC7CE", "green": "C6EFCE", "yellow": "FFEB9C"}


def load_rows(path: str) -> tuple[list[str], list[dict]]:
    if path.endswith(".json"):
        data = json.load(open(path, encoding="utf-8"))
        return list(data[0].keys()), data
    with open(path, newline="", encoding="utf-8-sig") as fh:
        r = csv.DictReader(fh)
        return list(r.fieldnames or []), list(r)


def neutralise(v: str) -> tuple[str, bool]:
    if isinstance(v, str) and v.startswith(DANGEROUS_PREFIX):
        # numbers like -12.5 are fine; anything else gets a leading apostrophe equivalent (stored as text)
        if re.fullmatch(r"[-+]?\d+(\.\d+)?", v):
            return v, False
        return "'" + v, True
    return v, False


def convert(v, t: str):
    if v is None or v == "":
        return None
    if t == "int":
        return int(float(str(v).replace(",", "")))
    if t in ("float", "money"):
        return float(str(v).replace(",", ""))
    if t == "pct":
        s = str(v).strip()
        return float(s[:-1]) / 100 if s.endswith("%") else float(s)
    if t == "date":
        return dt.date.fromisoformat(str(v)[:10])
    return v


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("input")
    ap.add_argument("output")
    ap.add_argument("--title", default="")
    ap.add_argument("--types", default="", help="col:type,...")
    ap.add_argument("--currency", default="EUR", choices=list(CURRENCY))
    ap.add_argument("--total", default="", help="columns to total")
    ap.add_argument("--chart", default="", help="bar|line:category_col:value_col")
    ap.add_argument("--highlight", action="append", default=[], help="col<value:color or col>value:color")
    a = ap.parse_args()

    headers, rows = load_rows(a.input)
    types = {c: "text" for c in headers}
    for spec in filter(None, a.types.split(",")):
        col, t = spec.split(":")
        types[col] = t
    fmt = dict(FORMATS, money=CURRENCY[a.currency])

    wb = Workbook()
    ws = wb.active
    ws.title = "Data"
    start = 1
    if a.title:
        ws.cell(row=1, column=1, value=a.title).font = Font(bold=True, size=14)
        start = 3
    hdr_fill = PatternFill("solid", fgColor="1F4E78")
    for c, h in enumerate(headers, 1):
        cell = ws.cell(row=start, column=c, value=h)
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = hdr_fill
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)

    neutralised = 0
    for r, row in enumerate(rows, start + 1):
        for c, h in enumerate(headers, 1):
            t = types[h]
            raw = row.get(h)
            if t == "formula":
                val = raw
            elif t == "text":
                val, changed = neutralise(raw)
                neutralised += changed
            else:
                try:
                    val = convert(raw, t)
                except ValueError:
                    val, changed = neutralise(str(raw))
                    neutralised += changed
            cell = ws.cell(row=r, column=c, value=val)
            if t in fmt:
                cell.number_format = fmt[t]
    last = start + len(rows)

    totals = [c for c in a.total.split(",") if c]
    if totals:
        tr = last + 1
        ws.cell(row=tr, column=1, value="Total").font = Font(bold=True)
        for col in totals:
            ci = headers.index(col) + 1
            L = get_column_letter(ci)
            cell = ws.cell(row=tr, column=ci, value=f"=SUBTOTAL(109,{L}{start + 1}:{L}{last})")
            cell.font = Font(bold=True)
            cell.number_format = fmt.get(types[col], "General")

    ws.freeze_panes = ws.cell(row=start + 1, column=1)
    ws.auto_filter.ref = f"A{start}:{get_column_letter(len(headers))}{last}"
    for c, h in enumerate(headers, 1):
        width = max([len(str(h))] + [len(str(r.get(h) or "")) for r in rows[:500]])
        ws.column_dimensions[get_column_letter(c)].width = min(max(10, width + 2), 60)

    for rule in a.highlight:
        m = re.fullmatch(r"(\w+)\s*([<>]=?)\s*([-\d.]+):(\w+)", rule)
        if not m:
            sys.exit(f"bad --highlight {rule}")
        col, op, val, color = m.groups()
        L = get_column_letter(headers.index(col) + 1)
        opname = {"<": "lessThan", ">": "greaterThan", "<=": "lessThanOrEqual", ">=": "greaterThanOrEqual"}[op]
        ws.conditional_formatting.add(f"{L}{start + 1}:{L}{last}",
                                      CellIsRule(operator=opname, formula=[val], fill=PatternFill("solid", fgColor=COLORS.get(color, color))))

    if a.chart:
        kind, cat, valcol = a.chart.split(":")
        cs = wb.create_sheet("Charts")
        ch = BarChart() if kind == "bar" else LineChart()
        ch.title = a.title or f"{valcol} by {cat}"
        ch.y_axis.title, ch.x_axis.title = valcol, cat
        vi, ci = headers.index(valcol) + 1, headers.index(cat) + 1
        ch.add_data(Reference(ws, min_col=vi, min_row=start, max_row=last), titles_from_data=True)
        ch.set_categories(Reference(ws, min_col=ci, min_row=start + 1, max_row=last))
        ch.width, ch.height = 24, 12
        cs.add_chart(ch, "B2")

    about = wb.create_sheet("About")
    about.append(["Source", os.path.basename(a.input)])
    about.append(["Generated", dt.datetime.now().isoformat(timespec="seconds")])
    about.append(["Rows", len(rows)])
    if neutralised:
        about.append(["Note", f"{neutralised} cell(s) began with =,+,-,@ and were stored as text to prevent formula injection"])

    os.makedirs(os.path.dirname(os.path.abspath(a.output)), exist_ok=True)
    wb.save(a.output)
    print(f"wrote {a.output}: {len(rows)} rows" + (f", {neutralised} cell(s) neutralised" if neutralised else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
