#!/usr/bin/env python3
"""Build a formula-driven Gantt workbook from a CSV task list (openpyxl)."""
import argparse
import csv
import datetime as dt

from openpyxl import Workbook
from openpyxl.formatting.rule import FormulaRule
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

FIRST_ROW = 5
GRID_COL = 9  # I (H is used for milestone flag)


def parse_date(s):
    return dt.date.fromisoformat(s.strip()) if s and s.strip() else None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("csv")
    ap.add_argument("--out", default="gantt.xlsx")
    ap.add_argument("--scale", choices=["day", "week"], default="week")
    ap.add_argument("--start")
    ap.add_argument("--periods", type=int, default=26)
    a = ap.parse_args()

    rows = list(csv.DictReader(open(a.csv, newline="", encoding="utf-8")))
    ids = {r.get("id") or str(i + 1): i for i, r in enumerate(rows)}
    starts = [parse_date(r.get("start")) for r in rows if parse_date(r.get("start"))]
    first = parse_date(a.start) if a.start else min(starts)
    if a.scale == "week":
        first -= dt.timedelta(days=first.weekday())
    step = 7 if a.scale == "week" else 1

    wb = Workbook()
    ws = wb.active
    ws.title = "Timeline"
    ws["A1"] = "Project timeline"
    ws["A1"].font = Font(bold=True, size=14)
    headers = ["ID", "Task", "Owner", "Start", "End", "Days", "Progress %", "Milestone"]
    for c, h in enumerate(headers, 1):
        ws.cell(row=3, column=c, value=h).font = Font(bold=True)
    for p in range(a.periods):
        cell = ws.cell(row=3, column=GRID_COL + p, value=first + dt.timedelta(days=p * step))
        cell.number_format = "d mmm"
        cell.alignment = Alignment(text_rotation=90)
        ws.column_dimensions[get_column_letter(GRID_COL + p)].width = 3.5

    for i, r in enumerate(rows):
        row = FIRST_ROW + i
        rid = r.get("id") or str(i + 1)
        ws.cell(row=row, column=1, value=rid)
        ws.cell(row=row, column=2, value=r.get("task", ""))
        ws.cell(row=row, column=3, value=r.get("owner") or None)
        dep = (r.get("depends_on") or "").strip()
        if dep and dep in ids:
            ws.cell(row=row, column=4, value=f"=WORKDAY(E{FIRST_ROW + ids[dep]},1)")
        else:
            ws.cell(row=row, column=4, value=parse_date(r.get("start")))
        if r.get("days"):
            ws.cell(row=row, column=5, value=f"=WORKDAY(D{row},{int(r['days'])}-1)")
        else:
            ws.cell(row=row, column=5, value=parse_date(r.get("end")))
        ws.cell(row=row, column=6, value=f"=NETWORKDAYS(D{row},E{row})")
        ws.cell(row=row, column=7, value=int(r["progress"]) if r.get("progress") else 0)
        ws.cell(row=row, column=8, value="yes" if (r.get("milestone") or "").lower() in ("yes", "y", "true", "1") else "")
        for c in (4, 5):
            ws.cell(row=row, column=c).number_format = "yyyy-mm-dd"

    last_row = FIRST_ROW + len(rows) - 1
    g0, g1 = get_column_letter(GRID_COL), get_column_letter(GRID_COL + a.periods - 1)
    grid = f"{g0}{FIRST_ROW}:{g1}{last_row}"
    span = step - 1
    r0 = FIRST_ROW
    ws.conditional_formatting.add(grid, FormulaRule(
        formula=[f"AND({g0}$3<=TODAY(),TODAY()<={g0}$3+{span})"],
        fill=PatternFill("solid", fgColor="F8CBAD"), stopIfTrue=False))
    ws.conditional_formatting.add(grid, FormulaRule(
        formula=[f'AND($H{r0}="yes",{g0}$3<=$E{r0},{g0}$3+{span}>=$E{r0})'],
        fill=PatternFill("solid", fgColor="7030A0"), stopIfTrue=True))
    ws.conditional_formatting.add(grid, FormulaRule(
        formula=[f"AND({g0}$3+{span}>=$D{r0},{g0}$3<=$D{r0}+($E{r0}-$D{r0})*$G{r0}/100)"],
        fill=PatternFill("solid", fgColor="2F5597"), stopIfTrue=True))
    ws.conditional_formatting.add(grid, FormulaRule(
        formula=[f"AND({g0}$3+{span}>=$D{r0},{g0}$3<=$E{r0})"],
        fill=PatternFill("solid", fgColor="9DC3E6"), stopIfTrue=True))

    ws.freeze_panes = ws.cell(row=FIRST_ROW - 1, column=GRID_COL)
    ws.column_dimensions["B"].width = 36
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    wb.save(a.out)
    print(f"wrote {a.out}: {len(rows)} tasks, {a.periods} {a.scale} columns from {first}")


if __name__ == "__main__":
    main()
