#!/usr/bin/env python3
"""Create a formula-driven loan amortization workbook."""
from __future__ import annotations

import argparse
import datetime as dt

from openpyxl import Workbook
from openpyxl.chart import LineChart, Reference
from openpyxl.styles import Font, PatternFill
from openpyxl.workbook.defined_name import DefinedName

BLUE = Font(color="0000FF")
BOLD = Font(bold=True)
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
MONEY = "#,##0.00"


def add_name(wb: Workbook, name: str, ref: str) -> None:
    dn = DefinedName(name, attr_text=ref)
    try:
        wb.defined_names[name] = dn          # openpyxl >= 3.1
    except TypeError:
        wb.defined_names.append(dn)          # older openpyxl


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--principal", type=float, required=True)
    ap.add_argument("--rate", type=float, required=True, help="annual nominal rate, e.g. 0.0425")
    ap.add_argument("--years", type=int, required=True)
    ap.add_argument("--per-year", type=int, default=12)
    ap.add_argument("--start", type=dt.date.fromisoformat, default=dt.date.today().replace(day=1))
    ap.add_argument("--extra", type=float, default=0.0)
    ap.add_argument("--out", default="loan.xlsx")
    args = ap.parse_args()

    wb = Workbook()
    inp = wb.active
    inp.title = "Inputs"
    rows = [
        ("Principal", args.principal, MONEY),
        ("Rate", args.rate, "0.00%"),
        ("Years", args.years, "0"),
        ("PerYear", args.per_year, "0"),
        ("StartDate", args.start, "yyyy-mm-dd"),
        ("Extra", args.extra, MONEY),
    ]
    inp["A1"], inp["B1"] = "Input", "Value"
    inp["A1"].font = inp["B1"].font = BOLD
    for i, (label, value, fmt) in enumerate(rows, start=2):
        inp.cell(row=i, column=1, value=label)
        c = inp.cell(row=i, column=2, value=value)
        c.font, c.number_format = BLUE, fmt
        add_name(wb, label, f"Inputs!$B${i}")
    inp.column_dimensions["A"].width = 14
    inp.column_dimensions["B"].width = 16

    sch = wb.create_sheet("Schedule")
    headers = ["Period", "Date", "Opening", "Payment", "Interest", "Principal", "Extra", "Closing"]
    for col, h in enumerate(headers, start=1):
        cell = sch.cell(row=1, column=col, value=h)
        cell.font, cell.fill = BOLD, HEADER_FILL
    n = args.years * args.per_year
    months_per_period = 12 // args.per_year if 12 % args.per_year == 0 else None
    for p in range(1, n + 1):
        r = p + 1
        sch[f"A{r}"] = p
        if months_per_period:
            sch[f"B{r}"] = f"=EDATE(StartDate,(A{r}-1)*{months_per_period})"
        else:
            sch[f"B{r}"] = f"=StartDate+ROUND((A{r}-1)*365/PerYear,0)"
        sch[f"C{r}"] = "=Principal" if p == 1 else f"=H{r-1}"
        sch[f"D{r}"] = f"=IF(C{r}<=0,0,MIN(PMT(Rate/PerYear,Years*PerYear,-Principal),C{r}*(1+Rate/PerYear)))"
        sch[f"E{r}"] = f"=IF(C{r}<=0,0,C{r}*Rate/PerYear)"
        sch[f"F{r}"] = f"=D{r}-E{r}"
        sch[f"G{r}"] = f"=IF(C{r}-F{r}<=0,0,MIN(Extra,C{r}-F{r}))"
        sch[f"H{r}"] = f"=MAX(0,C{r}-F{r}-G{r})"
        sch[f"B{r}"].number_format = "yyyy-mm-dd"
        for col in "CDEFGH":
            sch[f"{col}{r}"].number_format = MONEY
    sch.freeze_panes = "A2"
    for col, width in zip("ABCDEFGH", (8, 12, 14, 12, 12, 12, 10, 14)):
        sch.column_dimensions[col].width = width

    last = n + 1
    summ = wb.create_sheet("Summary")
    items = [
        ("Scheduled payment", "=PMT(Rate/PerYear,Years*PerYear,-Principal)", MONEY),
        ("Total paid", f"=SUM(Schedule!D2:D{last})+SUM(Schedule!G2:G{last})", MONEY),
        ("Total interest", f"=SUM(Schedule!E2:E{last})", MONEY),
        ("Interest without extra", "=PMT(Rate/PerYear,Years*PerYear,-Principal)*Years*PerYear-Principal", MONEY),
        ("Interest saved", "=B5-B4", MONEY),
        ("Payoff period", f'=IFERROR(MATCH(0,Schedule!H2:H{last},0),Years*PerYear)', "0"),
        ("Payoff date", f"=INDEX(Schedule!B2:B{last},B7)", "yyyy-mm-dd"),
    ]
    summ["A1"], summ["B1"] = "Measure", "Value"
    summ["A1"].font = summ["B1"].font = BOLD
    for i, (label, formula, fmt) in enumerate(items, start=2):
        summ.cell(row=i, column=1, value=label)
        c = summ.cell(row=i, column=2, value=formula)
        c.number_format = fmt
    summ.column_dimensions["A"].width = 24
    summ.column_dimensions["B"].width = 16

    chart = LineChart()
    chart.title = "Closing balance"
    chart.y_axis.title = "Balance"
    chart.x_axis.title = "Period"
    chart.add_data(Reference(sch, min_col=8, min_row=1, max_row=last), titles_from_data=True)
    chart.height, chart.width = 9, 18
    summ.add_chart(chart, "D2")

    wb.save(args.out)
    print(f"Wrote {args.out}: {n} periods. Open in Excel/LibreOffice to calculate.")


if __name__ == "__main__":
    main()
