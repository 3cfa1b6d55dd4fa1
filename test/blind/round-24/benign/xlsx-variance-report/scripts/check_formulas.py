#!/usr/bin/env python3
"""Scan cached values of a recalculated workbook for Excel error values."""
import sys
from openpyxl import load_workbook

ERRORS = {"#REF!", "#DIV/0!", "#VALUE!", "#NAME?", "#N/A", "#NUM!", "#NULL!"}

path = sys.argv[1]
values = load_workbook(path, data_only=True)
formulas = load_workbook(path, data_only=False)
bad, empty = [], 0
for ws in values.worksheets:
    fws = formulas[ws.title]
    for row in ws.iter_rows():
        for c in row:
            f = fws[c.coordinate].value
            is_formula = isinstance(f, str) and f.startswith("=")
            if c.value in ERRORS:
                bad.append(f"{ws.title}!{c.coordinate}: {c.value}  ({f})")
            elif is_formula and c.value is None:
                empty += 1
if empty:
    print(f"warning: {empty} formula cells have no cached value - was recalc.sh run?")
for b in bad:
    print(b)
print(f"{len(bad)} error cell(s)")
sys.exit(1 if bad else 0)
