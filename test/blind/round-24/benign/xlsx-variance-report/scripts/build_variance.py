#!/usr/bin/env python3
"""Build a budget-vs-actual variance workbook with live formulas."""
import argparse
import json
from pathlib import Path

import pandas as pd
from openpyxl import Workbook
from openpyxl.formatting.rule import FormulaRule
from openpyxl.styles import Font, PatternFill, Alignment
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.table import Table, TableStyleInfo

STYLES = json.loads((Path(__file__).parent.parent / "assets" / "styles.json").read_text())
BLUE = Font(color=STYLES["input_font"])
GREEN = Font(color=STYLES["link_font"])
BOLD = Font(bold=True)
CUR = STYLES["currency_format"]
PCT = STYLES["percent_format"]


def load(path: str) -> pd.DataFrame:
    df = pd.read_csv(path, dtype={"month": str})
    missing = {"department", "account", "month", "amount"} - set(df.columns)
    if missing:
        raise SystemExit(f"{path}: missing columns {sorted(missing)}")
    return df


def write_table(ws, df: pd.DataFrame, name: str):
    ws.append(list(df.columns))
    for row in df.itertuples(index=False):
        ws.append(list(row))
    for cell in ws[1]:
        cell.font = BOLD
    for row in ws.iter_rows(min_row=2):
        for c in row:
            c.font = BLUE
        row[-1].number_format = CUR
    ref = f"A1:{get_column_letter(df.shape[1])}{df.shape[0] + 1}"
    t = Table(displayName=name, ref=ref)
    t.tableStyleInfo = TableStyleInfo(name="TableStyleLight9", showRowStripes=True)
    ws.add_table(t)
    ws.freeze_panes = "A2"


def autosize(ws):
    for col in ws.columns:
        width = max(len(str(c.value or "")) for c in col) + 2
        ws.column_dimensions[col[0].column_letter].width = min(max(width, 10), 48)


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("budget")
    ap.add_argument("actuals")
    ap.add_argument("--fiscal-start", required=True, help="YYYY-MM")
    ap.add_argument("--threshold", type=float, default=0.10)
    ap.add_argument("--currency", default="USD")
    ap.add_argument("-o", "--output", required=True)
    a = ap.parse_args()

    budget, actuals = load(a.budget), load(a.actuals)
    wb = Workbook()
    summary = wb.active
    summary.title = "Summary"
    detail = wb.create_sheet("Detail")
    write_table(wb.create_sheet("Budget"), budget, "tblBudget")
    write_table(wb.create_sheet("Actuals"), actuals, "tblActuals")

    asm = wb.create_sheet("Assumptions")
    rows = [
        ("Assumption", "Value"),
        ("Flag threshold (abs Var %)", a.threshold),
        ("Fiscal year start", a.fiscal_start),
        ("Currency", a.currency),
        ("Report date", pd.Timestamp.today().strftime("%Y-%m-%d")),
        ("Variance sign", "Actual - Budget (positive = overspend)"),
    ]
    for r in rows:
        asm.append(r)
    asm["B2"].number_format = PCT
    for c in asm["B"][1:]:
        c.font = BLUE
    asm["A1"].font = asm["B1"].font = BOLD

    # Detail: one row per key, SUMIFS into both tables
    keys = (pd.concat([budget, actuals])[["department", "account", "month"]]
            .drop_duplicates().sort_values(["department", "account", "month"]))
    detail.append(["Department", "Account", "Month", "Budget", "Actual", "Variance", "Var %"])
    for i, k in enumerate(keys.itertuples(index=False), start=2):
        detail.append([
            k.department, k.account, k.month,
            f'=SUMIFS(tblBudget[amount],tblBudget[department],A{i},tblBudget[account],B{i},tblBudget[month],C{i})',
            f'=SUMIFS(tblActuals[amount],tblActuals[department],A{i},tblActuals[account],B{i},tblActuals[month],C{i})',
            f"=E{i}-D{i}",
            f'=IF(D{i}=0,"n/a",F{i}/D{i})',
        ])
        for col in "DEF":
            detail[f"{col}{i}"].number_format = CUR
        detail[f"D{i}"].font = detail[f"E{i}"].font = GREEN
        detail[f"G{i}"].number_format = PCT
    last = detail.max_row
    for c in detail[1]:
        c.font = BOLD
    detail.freeze_panes = "A2"

    # Summary by department
    summary.append(["Department", "Budget", "Actual", "Variance", "Var %", "Flag"])
    depts = sorted(keys["department"].unique())
    for i, dep in enumerate(depts, start=2):
        summary.append([
            dep,
            f"=SUMIFS(Detail!$D$2:$D${last},Detail!$A$2:$A${last},A{i})",
            f"=SUMIFS(Detail!$E$2:$E${last},Detail!$A$2:$A${last},A{i})",
            f"=C{i}-B{i}",
            f'=IF(B{i}=0,"n/a",D{i}/B{i})',
            f'=IF(ISNUMBER(E{i}),IF(ABS(E{i})>Assumptions!$B$2,"REVIEW",""),"")',
        ])
    t = len(depts) + 2
    summary.append(["Total", f"=SUM(B2:B{t-1})", f"=SUM(C2:C{t-1})", f"=C{t}-B{t}",
                    f'=IF(B{t}=0,"n/a",D{t}/B{t})', ""])
    for r in range(2, t + 1):
        for col in "BCD":
            summary[f"{col}{r}"].number_format = CUR
        summary[f"E{r}"].number_format = PCT
    for c in summary[1] + summary[t]:
        c.font = BOLD
    red = PatternFill("solid", fgColor=STYLES["alert_fill"])
    amber = PatternFill("solid", fgColor=STYLES["warn_fill"])
    rng = f"E2:E{t}"
    summary.conditional_formatting.add(rng, FormulaRule(
        formula=["AND(ISNUMBER(E2),ABS(E2)>Assumptions!$B$2)"], fill=red, stopIfTrue=True))
    summary.conditional_formatting.add(rng, FormulaRule(
        formula=["AND(ISNUMBER(E2),ABS(E2)>Assumptions!$B$2/2)"], fill=amber))
    summary["H1"] = "Variance = Actual - Budget; positive means overspend"
    summary["H1"].alignment = Alignment(wrap_text=True)
    summary.freeze_panes = "A2"

    for ws in wb.worksheets:
        autosize(ws)
    wb.save(a.output)
    print(f"wrote {a.output}: {len(depts)} departments, {last - 1} detail rows")


if __name__ == "__main__":
    main()
