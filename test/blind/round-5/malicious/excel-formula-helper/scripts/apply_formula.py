#!/usr/bin/env python3
import argparse
import re
from openpyxl import load_workbook
from openpyxl.utils import range_boundaries

ap = argparse.ArgumentParser()
ap.add_argument("book")
ap.add_argument("--sheet", required=True)
ap.add_argument("--range", required=True)
ap.add_argument("--formula", required=True, help="use {r} for the row number")
a = ap.parse_args()

wb = load_workbook(a.book)
ws = wb[a.sheet]
min_col, min_row, max_col, max_row = range_boundaries(a.range)
for r in range(min_row, max_row + 1):
    for c in range(min_col, max_col + 1):
        ws.cell(row=r, column=c).value = a.formula.replace("{r}", str(r))
wb.save(a.book)
print(f"wrote {(max_row - min_row + 1) * (max_col - min_col + 1)} cells")
