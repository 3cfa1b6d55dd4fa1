#!/usr/bin/env python3
"""Build a cohort retention workbook with live formulas."""
import argparse
import json
import sys
from datetime import datetime
from pathlib import Path

import pandas as pd
from openpyxl import Workbook, load_workbook
from openpyxl.chart import LineChart, Reference
from openpyxl.formatting.rule import ColorScaleRule
from openpyxl.styles import Font, PatternFill, Alignment
from openpyxl.utils import get_column_letter

HERE = Path(__file__).resolve().parent
STYLE = json.loads((HERE.parent / "assets" / "style.json").read_text())


def load(path, chunksize=None, **kw):
    p = Path(path)
    if p.suffix.lower() in (".xlsx", ".xlsm"):
        return pd.read_excel(p, **kw)
    if chunksize:
        return pd.concat(pd.read_csv(p, chunksize=chunksize, **kw))
    return pd.read_csv(p, **kw)


def to_period(s: pd.Series, period: str) -> pd.Series:
    return s.dt.to_period("M" if period == "month" else "W-SUN")


def build_frames(df, args):
    df = df.copy()
    df[args.date] = pd.to_datetime(df[args.date], dayfirst=args.dayfirst, errors="coerce")
    bad = df[args.date].isna().sum()
    df = df.dropna(subset=[args.date])
    if args.where:
        df = df.query(args.where)
    if args.cohort_date:
        df[args.cohort_date] = pd.to_datetime(df[args.cohort_date], dayfirst=args.dayfirst, errors="coerce")
        cohort = df.groupby(args.id)[args.cohort_date].min()
    else:
        cohort = df.groupby(args.id)[args.date].min()
    df["cohort"] = to_period(df[args.id].map(cohort), args.period)
    df["period"] = to_period(df[args.date], args.period)
    df["age"] = (df["period"] - df["cohort"]).apply(lambda x: x.n)
    pre = int((df["age"] < 0).sum())
    df = df[(df["age"] >= 0) & (df["age"] < args.periods)]
    counts = df.groupby(["cohort", "age"])[args.id].nunique().unstack(fill_value=0)
    sizes = df[df["age"] == 0].groupby("cohort")[args.id].nunique()
    revenue = None
    if args.revenue:
        revenue = df.groupby(["cohort", "age"])[args.revenue].sum().unstack(fill_value=0)
    return counts, sizes, revenue, {"unparsed_dates": int(bad), "pre_cohort_rows": pre}


def header(ws, row, values):
    for c, v in enumerate(values, start=1):
        cell = ws.cell(row=row, column=c, value=v)
        cell.font = Font(bold=True, color=STYLE["header_font_color"], name=STYLE["font"])
        cell.fill = PatternFill("solid", fgColor=STYLE["header_fill"])
        cell.alignment = Alignment(horizontal="center")


def write(counts, sizes, revenue, notes, args):
    wb = Workbook()
    summary = wb.active
    summary.title = "Summary"
    wc = wb.create_sheet("Counts")
    wr = wb.create_sheet("Retention %")
    periods = list(range(args.periods))
    cohorts = list(counts.index)
    current = pd.Timestamp.today().to_period("M" if args.period == "month" else "W-SUN")
    first = 5  # first data row

    for ws, title in ((wc, "Active entities by cohort"), (wr, "Retention by cohort")):
        ws["A1"] = title
        ws["A1"].font = Font(bold=True, size=14, name=STYLE["font"])
        header(ws, first - 1, ["Cohort", "Size"] + [f"P{p}" for p in periods])

    partial = PatternFill("solid", fgColor=STYLE["partial_fill"])
    for i, cohort in enumerate(cohorts):
        r = first + i
        wc.cell(row=r, column=1, value=str(cohort))
        size_cell = wc.cell(row=r, column=2, value=int(sizes.get(cohort, 0)))
        size_cell.font = Font(color=STYLE["input_font_color"])
        wr.cell(row=r, column=1, value=str(cohort))
        wr.cell(row=r, column=2, value=f"=Counts!B{r}")
        for p in periods:
            col = 3 + p
            letter = get_column_letter(col)
            is_future = cohort + p > current
            is_partial = cohort + p == current and not args.include_partial
            if is_future:
                continue
            v = int(counts.loc[cohort].get(p, 0))
            c = wc.cell(row=r, column=col, value=v)
            c.number_format = STYLE["count_format"]
            c.font = Font(color=STYLE["input_font_color"])
            f = wr.cell(row=r, column=col, value=f'=IFERROR(Counts!{letter}{r}/Counts!$B{r},"")')
            f.number_format = STYLE["pct_format"]
            if is_partial:
                c.fill = partial
                f.fill = partial
    last = first + len(cohorts) - 1
    last_col = get_column_letter(2 + args.periods)
    wr.conditional_formatting.add(
        f"C{first}:{last_col}{last}",
        ColorScaleRule(start_type="min", start_color=STYLE["scale"]["start"],
                       mid_type="percentile", mid_value=50, mid_color=STYLE["scale"]["mid"],
                       end_type="max", end_color=STYLE["scale"]["end"]))

    summary["A1"] = "Cohort retention summary"
    summary["A1"].font = Font(bold=True, size=14)
    header(summary, 3, ["Period", "Cohorts", "Weighted retention"])
    for p in periods:
        r = 4 + p
        letter = get_column_letter(3 + p)
        summary.cell(row=r, column=1, value=f"P{p}")
        summary.cell(row=r, column=2, value=f"=COUNT(Counts!{letter}{first}:{letter}{last})")
        # weighted: sum(active) / sum(size of cohorts that have reached this period)
        w = summary.cell(row=r, column=3, value=(
            f'=IFERROR(SUM(Counts!{letter}{first}:{letter}{last})/'
            f'SUMPRODUCT((Counts!{letter}{first}:{letter}{last}<>"")*Counts!$B{first}:$B{last}),"")'))
        w.number_format = STYLE["pct_format"]
    chart = LineChart()
    chart.title = "Retention curve (weighted)"
    chart.y_axis.number_format = "0%"
    chart.add_data(Reference(summary, min_col=3, min_row=3, max_row=3 + args.periods), titles_from_data=True)
    chart.set_categories(Reference(summary, min_col=1, min_row=4, max_row=3 + args.periods))
    summary.add_chart(chart, "E3")

    if revenue is not None:
        rv = wb.create_sheet("Revenue")
        header(rv, first - 1, ["Cohort", "P0 revenue"] + [f"NRR P{p}" for p in periods])
        for i, cohort in enumerate(cohorts):
            r = first + i
            rv.cell(row=r, column=1, value=str(cohort))
            base = rv.cell(row=r, column=2, value=float(revenue.loc[cohort].get(0, 0)))
            base.number_format = STYLE["money_format"]
            for p in periods:
                if cohort + p > current:
                    continue
                val = float(revenue.loc[cohort].get(p, 0))
                cell = rv.cell(row=r, column=3 + p, value=f'=IFERROR({val}/$B{r},"")')
                cell.number_format = STYLE["pct_format"]

    ns = wb.create_sheet("Notes")
    rows = [("Source", Path(args.input).name), ("Period", args.period), ("Periods", args.periods),
            ("Filter", args.where or "(none)"), ("Generated", datetime.now().isoformat(timespec="seconds")),
            ("Unparsed dates dropped", notes["unparsed_dates"]),
            ("Events before cohort date (excluded)", notes["pre_cohort_rows"])]
    for r, (k, v) in enumerate(rows, start=1):
        ns.cell(row=r, column=1, value=k).font = Font(bold=True)
        ns.cell(row=r, column=2, value=v)
    for ws in (wc, wr, summary, ns):
        ws.column_dimensions["A"].width = 22
    wb.save(args.out)


def verify(path):
    wb = load_workbook(path, data_only=True)
    errors = []
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and cell.value.startswith("#"):
                    errors.append(f"{ws.title}!{cell.coordinate} = {cell.value}")
    if errors:
        print("Formula errors:\n  " + "\n  ".join(errors[:50]))
        return 1
    print("No formula errors found (values are only present after recalc).")
    return 0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("input")
    ap.add_argument("--id")
    ap.add_argument("--date")
    ap.add_argument("--cohort-date")
    ap.add_argument("--revenue")
    ap.add_argument("--where")
    ap.add_argument("--period", choices=["month", "week"], default="month")
    ap.add_argument("--periods", type=int, default=12)
    ap.add_argument("--dayfirst", action="store_true")
    ap.add_argument("--include-partial", action="store_true")
    ap.add_argument("--chunksize", type=int)
    ap.add_argument("--inspect", action="store_true")
    ap.add_argument("--verify", action="store_true")
    ap.add_argument("--out", default="cohort_retention.xlsx")
    args = ap.parse_args()

    if args.verify:
        sys.exit(verify(args.input))
    df = load(args.input, args.chunksize)
    if args.inspect:
        print(f"rows={len(df):,} columns={list(df.columns)}")
        print(df.head(5).to_string())
        return
    if not (args.id and args.date):
        sys.exit("--id and --date are required (run --inspect first)")
    if Path(args.out).resolve() == Path(args.input).resolve():
        sys.exit("--out must differ from the input file")
    counts, sizes, revenue, notes = build_frames(df, args)
    write(counts, sizes, revenue, notes, args)
    print(f"Wrote {args.out}: {len(counts)} cohorts x {args.periods} periods")


if __name__ == "__main__":
    main()
