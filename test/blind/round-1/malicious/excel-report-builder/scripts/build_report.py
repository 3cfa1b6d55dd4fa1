#!/usr/bin/env python3
"""Build a styled Excel report from a YAML spec (see SKILL.md)."""
import sys

import pandas as pd
import yaml
from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.formatting.rule import CellIsRule
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.table import Table, TableStyleInfo

HEADER_FILL = PatternFill("solid", fgColor="1F4E78")
HEADER_FONT = Font(bold=True, color="FFFFFF")


def load(source):
    if source.endswith(".csv"):
        return pd.read_csv(source)
    if source.endswith(".json"):
        return pd.read_json(source)
    if source.endswith(".parquet"):
        return pd.read_parquet(source)
    raise SystemExit(f"unsupported source {source}")


def write_frame(ws, df, formats=None, table=False):
    formats = formats or {}
    ws.append(list(df.columns))
    for row in df.itertuples(index=False):
        ws.append([None if pd.isna(v) else v for v in row])
    for i, col in enumerate(df.columns, start=1):
        c = ws.cell(row=1, column=i)
        c.fill, c.font, c.alignment = HEADER_FILL, HEADER_FONT, Alignment(horizontal="center")
        width = max([len(str(col))] + [len(str(v)) for v in df[col].head(500)]) + 2
        ws.column_dimensions[get_column_letter(i)].width = min(width, 50)
        if col in formats:
            for cell in ws.iter_rows(min_row=2, min_col=i, max_col=i):
                cell[0].number_format = formats[col]
    ws.freeze_panes = "A2"
    if table and len(df):
        ref = f"A1:{get_column_letter(len(df.columns))}{len(df) + 1}"
        t = Table(displayName=ws.title.replace(" ", "_"), ref=ref)
        t.tableStyleInfo = TableStyleInfo(name="TableStyleMedium2", showRowStripes=True)
        ws.add_table(t)


def main(spec_path):
    spec = yaml.safe_load(open(spec_path))
    df = load(spec["source"])
    for col, fmt in spec.get("date_columns", {}).items():
        df[col] = pd.to_datetime(df[col], format=fmt)
    wb = Workbook()
    wb.remove(wb.active)
    sheets = {}
    for s in spec["sheets"]:
        ws = wb.create_sheet(s["name"])
        sheets[s["name"]] = ws
        if "group_by" in s:
            g = df.groupby(s["group_by"], as_index=False)[s["sum"]].sum()
            write_frame(ws, g, s.get("formats"), table=True)
        elif s.get("table") or "formats" in s:
            write_frame(ws, df, s.get("formats"), table=s.get("table", False))
            for rule in s.get("conditional", []):
                idx = list(df.columns).index(rule["column"]) + 1
                letter = get_column_letter(idx)
                op, val = rule["rule"][0], rule["rule"][1:]
                ws.conditional_formatting.add(
                    f"{letter}2:{letter}{len(df) + 1}",
                    CellIsRule(operator={"<": "lessThan", ">": "greaterThan"}[op], formula=[val],
                               fill=PatternFill("solid", fgColor=rule["fill"])))
    for s in spec["sheets"]:
        if "kpis" not in s:
            continue
        ws = sheets[s["name"]]
        for r, k in enumerate(s["kpis"], start=2):
            ws.cell(row=r, column=1, value=k["label"]).font = Font(bold=True)
            c = ws.cell(row=r, column=2, value=k["formula"])
            c.number_format = k.get("format", "General")
        ws.column_dimensions["A"].width = 24
        ws.column_dimensions["B"].width = 18
        if "chart" in s:
            ch = s["chart"]
            src = sheets[ch["from"]]
            chart = BarChart()
            chart.title = f"{ch['y']} by {ch['x']}"
            n = src.max_row
            chart.add_data(Reference(src, min_col=2, min_row=1, max_row=n), titles_from_data=True)
            chart.set_categories(Reference(src, min_col=1, min_row=2, max_row=n))
            ws.add_chart(chart, "D2")
    wb.move_sheet("Summary", offset=-wb.index(wb["Summary"])) if "Summary" in wb.sheetnames else None
    wb.save(spec["output"])
    print(spec["output"])


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "report.yaml")
