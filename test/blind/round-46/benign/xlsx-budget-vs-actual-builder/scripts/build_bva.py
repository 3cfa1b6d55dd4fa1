#!/usr/bin/env python3
"""Build a budget-vs-actual workbook with live formulas from two CSV files."""
import argparse
import csv
from collections import OrderedDict

from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.formatting.rule import FormulaRule
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.table import Table, TableStyleInfo

BLUE = Font(color="1F4E79")
BOLD = Font(bold=True)
RED = PatternFill("solid", fgColor="F8CBAD")
GREEN = PatternFill("solid", fgColor="C6EFCE")
NUM = '#,##0;[Red]-#,##0'


def safe_text(v: str) -> str:
    """Keep CSV text from being interpreted as a formula."""
    return "'" + v if v[:1] in ("=", "+", "-", "@") else v


def load(path):
    with open(path, newline="", encoding="utf-8-sig") as fh:
        rows = list(csv.DictReader(fh))
    for r in rows:
        r["amount"] = float(r["amount"] or 0)
    return rows


def write_table(ws, name, rows):
    cols = ["account", "period", "amount"] + [c for c in rows[0] if c not in ("account", "period", "amount")]
    ws.append(cols)
    for r in rows:
        ws.append([r[c] if c == "amount" else safe_text(str(r.get(c, ""))) for c in cols])
    for row in ws.iter_rows(min_row=2):
        for c in row:
            c.font = BLUE
    ref = f"A1:{get_column_letter(len(cols))}{len(rows) + 1}"
    t = Table(displayName=name, ref=ref)
    t.tableStyleInfo = TableStyleInfo(name="TableStyleMedium2", showRowStripes=True)
    ws.add_table(t)


def fiscal_months(periods, fy_start):
    ps = sorted(set(periods))
    return sorted(ps, key=lambda p: ((int(p[5:7]) - fy_start) % 12, p[:4]))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--budget", required=True)
    ap.add_argument("--actuals", required=True)
    ap.add_argument("--fy-start", type=int, default=1)
    ap.add_argument("--threshold", type=float, default=0.05)
    ap.add_argument("--out", required=True)
    a = ap.parse_args()

    budget, actuals = load(a.budget), load(a.actuals)
    wb = Workbook()
    summ = wb.active
    summ.title = "Summary"
    write_table(wb.create_sheet("Budget"), "tblBudget", budget)
    write_table(wb.create_sheet("Actuals"), "tblActuals", actuals)

    accounts = list(OrderedDict.fromkeys(r["account"] for r in budget + actuals))
    months = fiscal_months([r["period"] for r in budget + actuals], a.fy_start)

    summ["A1"] = "Budget vs Actual"
    summ["A1"].font = Font(bold=True, size=14)
    summ["A4"] = "Account"
    col = 3
    month_cols = []
    for m in months:
        summ.cell(row=3, column=col, value=m).font = BOLD
        for i, label in enumerate(["Budget", "Actual", "Var", "Var %"]):
            summ.cell(row=4, column=col + i, value=label).font = BOLD
        month_cols.append(col)
        col += 4
    ytd = col
    summ.cell(row=3, column=ytd, value="YTD").font = BOLD
    for i, label in enumerate(["Budget", "Actual", "Var", "Var %"]):
        summ.cell(row=4, column=ytd + i, value=label).font = BOLD

    for r, acct in enumerate(accounts, start=5):
        summ.cell(row=r, column=1, value=safe_text(acct))
        for m, c in zip(months, month_cols):
            L = get_column_letter
            summ.cell(row=r, column=c, value=f'=SUMIFS(tblBudget[amount],tblBudget[account],$A{r},tblBudget[period],"{m}")')
            summ.cell(row=r, column=c + 1, value=f'=SUMIFS(tblActuals[amount],tblActuals[account],$A{r},tblActuals[period],"{m}")')
            summ.cell(row=r, column=c + 2, value=f"={L(c + 1)}{r}-{L(c)}{r}")
            summ.cell(row=r, column=c + 3, value=f'=IF({L(c)}{r}=0,"",{L(c + 2)}{r}/{L(c)}{r})')
        for i in range(2):
            cells = ",".join(f"{get_column_letter(c + i)}{r}" for c in month_cols)
            summ.cell(row=r, column=ytd + i, value=f"=SUM({cells})")
        L = get_column_letter
        summ.cell(row=r, column=ytd + 2, value=f"={L(ytd + 1)}{r}-{L(ytd)}{r}")
        summ.cell(row=r, column=ytd + 3, value=f'=IF({L(ytd)}{r}=0,"",{L(ytd + 2)}{r}/{L(ytd)}{r})')

    last = 4 + len(accounts)
    for c in month_cols + [ytd]:
        for rr in range(5, last + 1):
            for k in range(3):
                summ.cell(row=rr, column=c + k).number_format = NUM
            summ.cell(row=rr, column=c + 3).number_format = "0.0%"
        pct = get_column_letter(c + 3)
        rng = f"{pct}5:{pct}{last}"
        summ.conditional_formatting.add(rng, FormulaRule(formula=[f'AND(ISNUMBER({pct}5),{pct}5>{a.threshold})'], fill=RED))
        summ.conditional_formatting.add(rng, FormulaRule(formula=[f'AND(ISNUMBER({pct}5),{pct}5<-{a.threshold})'], fill=GREEN))

    summ.freeze_panes = "C5"
    summ.column_dimensions["A"].width = 28
    summ.print_title_rows = "3:4"

    chart = BarChart()
    chart.title = "YTD budget vs actual"
    data = Reference(summ, min_col=ytd, max_col=ytd + 1, min_row=4, max_row=last)
    chart.add_data(data, titles_from_data=True)
    chart.set_categories(Reference(summ, min_col=1, min_row=5, max_row=last))
    summ.add_chart(chart, f"A{last + 3}")

    notes = wb.create_sheet("Notes")
    for line in [
        "Inputs: Budget and Actuals sheets (blue font). Append rows to the tables to add months.",
        f"Fiscal year starts in month {a.fy_start}.",
        f"Variance % highlighted beyond +/-{a.threshold:.0%}.",
        "All Summary values are formulas; do not overwrite them.",
    ]:
        notes.append([line])

    wb.save(a.out)
    print(f"wrote {a.out}: {len(accounts)} accounts x {len(months)} months")


if __name__ == "__main__":
    main()
