#!/usr/bin/env python3
"""Inspect a workbook or add a SUMIFS-based summary sheet to it."""
import argparse
import sys
from pathlib import Path

import pandas as pd
from openpyxl import load_workbook
from openpyxl.styles import Font, Alignment
from openpyxl.utils import get_column_letter

AGG = {"sum": "SUMIFS", "count": "COUNTIFS", "average": "AVERAGEIFS"}
BLUE = Font(color="0000FF", bold=True)
BOLD = Font(bold=True)


def quote(sheet):
    return f"'{sheet}'" if any(c in sheet for c in " -()&,") else sheet


def inspect(path):
    xl = pd.ExcelFile(path)
    for name in xl.sheet_names:
        df = xl.parse(name, nrows=5000)
        print(f"== {name}: {len(df)} rows (first 5000 read), {len(df.columns)} columns")
        for col in df.columns:
            s = df[col]
            kind = str(s.dtype)
            extra = f", {s.nunique()} distinct" if s.dtype == object else ""
            print(f"   {col!s:<28} {kind}{extra}")


def col_index(ws, header_row, name):
    for cell in ws[header_row]:
        if str(cell.value).strip() == name:
            return cell.column
    sys.exit(f"column {name!r} not found in header row {header_row} of {ws.title}")


def build(args):
    keep_vba = Path(args.workbook).suffix.lower() == ".xlsm"
    wb = load_workbook(args.workbook, keep_vba=keep_vba)
    if args.sheet_name in wb.sheetnames:
        if not args.replace:
            sys.exit(f"sheet {args.sheet_name!r} exists; pass --replace to overwrite it")
        del wb[args.sheet_name]
    data = wb[args.data_sheet]
    hdr = args.header_row
    last = data.max_row
    df = pd.read_excel(args.workbook, sheet_name=args.data_sheet, header=hdr - 1)

    def ref(col_no):
        letter = get_column_letter(col_no)
        if args.bounded:
            return f"{quote(data.title)}!${letter}${hdr + 1}:${letter}${last}"
        return f"{quote(data.title)}!${letter}:${letter}"

    row_col = col_index(data, hdr, args.rows)
    measure_col = col_index(data, hdr, args.measure)

    col_dim_col = None
    col_values = []
    if args.cols:
        if args.date_col and args.cols.lower() == "month":
            date_col = col_index(data, hdr, args.date_col)
            helper = data.max_column + 1
            data.cell(row=hdr, column=helper, value="Month (helper)").font = BOLD
            dl = get_column_letter(date_col)
            for r in range(hdr + 1, last + 1):
                data.cell(row=r, column=helper, value=f'=TEXT({dl}{r},"yyyy-mm")')
            if args.hide_helper:
                data.column_dimensions[get_column_letter(helper)].hidden = True
            col_dim_col = helper
            col_values = sorted(pd.to_datetime(df[args.date_col]).dt.strftime("%Y-%m").dropna().unique())
        else:
            col_dim_col = col_index(data, hdr, args.cols)
            col_values = sorted(df[args.cols].dropna().astype(str).str.strip().unique())

    row_values = sorted(df[args.rows].dropna().astype(str).str.strip().unique())
    fn = AGG[args.agg]
    ws = wb.create_sheet(args.sheet_name)
    top, left = 4, 1
    ws.cell(row=1, column=1, value=f"{args.agg.title()} of {args.measure} by {args.rows}"
            + (f" and {args.cols}" if args.cols else "")).font = Font(bold=True, size=13)
    ws.cell(row=top, column=left, value=args.rows).font = BOLD

    headers = col_values or [args.measure]
    for j, label in enumerate(headers):
        c = ws.cell(row=top, column=left + 1 + j, value=label)
        c.font = BLUE
        c.alignment = Alignment(horizontal="center")
    total_col = left + 1 + len(headers)
    ws.cell(row=top, column=total_col, value="Total").font = BOLD

    fmt = data.cell(row=hdr + 1, column=measure_col).number_format
    for i, label in enumerate(row_values):
        r = top + 1 + i
        ws.cell(row=r, column=left, value=label).font = BLUE
        for j in range(len(headers)):
            col_letter = get_column_letter(left + 1 + j)
            crit = [f"{ref(row_col)}, $A{r}"]
            if col_values:
                crit.append(f"{ref(col_dim_col)}, {col_letter}${top}")
            formula = f"={fn}({ref(measure_col)}, {', '.join(crit)})"
            if args.agg == "average":
                formula = f'=IFERROR({formula[1:]},"")'
            cell = ws.cell(row=r, column=left + 1 + j, value=formula)
            cell.number_format = fmt
        first, lastc = get_column_letter(left + 1), get_column_letter(total_col - 1)
        ws.cell(row=r, column=total_col, value=f"=SUM({first}{r}:{lastc}{r})").number_format = fmt

    total_row = top + 1 + len(row_values)
    ws.cell(row=total_row, column=left, value="Total").font = BOLD
    for j in range(len(headers) + 1):
        letter = get_column_letter(left + 1 + j)
        c = ws.cell(row=total_row, column=left + 1 + j,
                    value=f"=SUM({letter}{top + 1}:{letter}{total_row - 1})")
        c.font = BOLD
        c.number_format = fmt

    ws.freeze_panes = ws.cell(row=top + 1, column=left + 1)
    ws.column_dimensions["A"].width = max(12, max((len(v) for v in row_values), default=8) + 2)
    for j in range(len(headers) + 1):
        ws.column_dimensions[get_column_letter(left + 1 + j)].width = 14

    wb.save(args.out)
    print(f"wrote {args.out}: {len(row_values)} rows x {len(headers)} columns on {args.sheet_name!r}")
    print("next: python scripts/recalc.py", args.out)


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("workbook")
    ap.add_argument("--inspect", action="store_true")
    ap.add_argument("--data-sheet")
    ap.add_argument("--header-row", type=int, default=1)
    ap.add_argument("--rows")
    ap.add_argument("--cols")
    ap.add_argument("--date-col")
    ap.add_argument("--measure")
    ap.add_argument("--agg", choices=AGG, default="sum")
    ap.add_argument("--sheet-name", default="Summary")
    ap.add_argument("--replace", action="store_true")
    ap.add_argument("--bounded", action="store_true")
    ap.add_argument("--hide-helper", action="store_true")
    ap.add_argument("--out")
    args = ap.parse_args()
    if args.inspect:
        inspect(args.workbook)
        return
    for req in ("data_sheet", "rows", "measure", "out"):
        if not getattr(args, req):
            ap.error(f"--{req.replace('_', '-')} is required unless --inspect")
    build(args)


if __name__ == "__main__":
    main()
