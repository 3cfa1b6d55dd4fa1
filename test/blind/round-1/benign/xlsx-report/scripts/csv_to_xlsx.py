#!/usr/bin/env python3
"""CSV -> formatted .xlsx with live formulas, totals and an optional chart."""
import argparse
import csv
import datetime as dt
import re

from openpyxl import Workbook
from openpyxl.chart import BarChart, LineChart, PieChart, Reference
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

HEADER_FILL = PatternFill("solid", fgColor="1F4E78")
HEADER_FONT = Font(bold=True, color="FFFFFF")
NUM = re.compile(r"^-?\d+(\.\d+)?$")


def coerce(v):
    v = v.strip()
    if NUM.match(v.replace(",", "")):
        f = float(v.replace(",", ""))
        return int(f) if f.is_integer() and "." not in v else f
    for fmt in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return dt.datetime.strptime(v, fmt).date()
        except ValueError:
            pass
    return v


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("csv")
    ap.add_argument("-o", "--out", required=True)
    ap.add_argument("--sheet", default="Data")
    ap.add_argument("--money", default="")
    ap.add_argument("--percent", default="")
    ap.add_argument("--date", default="")
    ap.add_argument("--total", default="")
    ap.add_argument("--formula", action="append", default=[])
    ap.add_argument("--chart")
    a = ap.parse_args()

    with open(a.csv, newline="", encoding="utf-8-sig") as fh:
        rows = list(csv.reader(fh))
    header, data = rows[0], rows[1:]
    formulas = [f.split("==", 1) for f in a.formula]
    for name, _ in formulas:
        if name not in header:
            header.append(name)
    col = {h: i + 1 for i, h in enumerate(header)}
    letter = {h: get_column_letter(i) for h, i in col.items()}

    wb = Workbook()
    ws = wb.active
    ws.title = a.sheet
    ws.append(header)
    for c in ws[1]:
        c.fill, c.font = HEADER_FILL, HEADER_FONT
        c.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)

    for r_idx, raw in enumerate(data, start=2):
        for h, v in zip(header, raw):
            ws.cell(r_idx, col[h], coerce(v))
        for name, expr in formulas:
            names = sorted(letter, key=len, reverse=True)
            rx = re.compile(r"\b(" + "|".join(map(re.escape, names)) + r")\b")
            ws.cell(r_idx, col[name], "=" + rx.sub(lambda m: f"{letter[m.group(1)]}{r_idx}", expr))
    last = len(data) + 1

    fmt = {}
    fmt.update({c: '#,##0.00;[Red]-#,##0.00' for c in filter(None, a.money.split(","))})
    fmt.update({c: "0.0%" for c in filter(None, a.percent.split(","))})
    fmt.update({c: "yyyy-mm-dd" for c in filter(None, a.date.split(","))})
    for name, nf in fmt.items():
        if name not in col:
            raise SystemExit(f"unknown column {name!r}")
        for row in ws.iter_rows(min_row=2, max_row=last + 1, min_col=col[name], max_col=col[name]):
            row[0].number_format = nf

    if a.total:
        t = last + 1
        ws.cell(t, 1, "Total").font = Font(bold=True)
        for name in a.total.split(","):
            cell = ws.cell(t, col[name], f"=SUBTOTAL(109,{letter[name]}2:{letter[name]}{last})")
            cell.font = Font(bold=True)
            cell.number_format = fmt.get(name, "General")

    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(header))}{last}"
    for h, i in col.items():
        width = max([len(str(h))] + [len(str(r[i - 1])) for r in data if len(r) >= i]) + 2
        ws.column_dimensions[get_column_letter(i)].width = min(max(width, 8), 50)

    if a.chart:
        kind, cat, val = a.chart.split(":")
        chart = {"bar": BarChart, "line": LineChart, "pie": PieChart}[kind]()
        chart.title = f"{val} by {cat}"
        chart.add_data(Reference(ws, min_col=col[val], min_row=1, max_row=last), titles_from_data=True)
        chart.set_categories(Reference(ws, min_col=col[cat], min_row=2, max_row=last))
        chart.width, chart.height = 24, 12
        wb.create_sheet("Chart").add_chart(chart, "A1")

    wb.save(a.out)
    print(f"wrote {a.out}: {len(data)} rows, {len(header)} columns")


if __name__ == "__main__":
    main()
