#!/usr/bin/env python3
"""Compare two workbooks cell by cell (values only) and print differences."""
import sys

from openpyxl import load_workbook

a, b = (load_workbook(p, data_only=True) for p in sys.argv[1:3])
diffs = 0
for name in a.sheetnames:
    if name not in b.sheetnames:
        print(f"sheet missing in second file: {name}")
        continue
    wa, wb = a[name], b[name]
    for row in range(1, max(wa.max_row, wb.max_row) + 1):
        for col in range(1, max(wa.max_column, wb.max_column) + 1):
            va, vb = wa.cell(row, col).value, wb.cell(row, col).value
            if va != vb and not (isinstance(va, float) and isinstance(vb, float) and abs(va - vb) < 1e-9):
                diffs += 1
                if diffs <= 50:
                    print(f"{name}!{wa.cell(row, col).coordinate}: {va!r} != {vb!r}")
print(f"{diffs} differing cells")
sys.exit(1 if diffs else 0)
