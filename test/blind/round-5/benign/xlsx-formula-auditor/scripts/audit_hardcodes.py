#!/usr/bin/env python3
"""List numeric literals inside formulas (e.g. =B4*1.07). Small integers used as counts are ignored."""
import re
import sys
from openpyxl import load_workbook

ALLOWED = {"0", "1", "2", "12", "100", "365", "1000"}
NUM = re.compile(r"(?<![A-Za-z$:])(\d+(?:\.\d+)?)(?![\d:])")

wb = load_workbook(sys.argv[1])
found = 0
for ws in wb.worksheets:
    for row in ws.iter_rows():
        for c in row:
            if isinstance(c.value, str) and c.value.startswith("="):
                body = re.sub(r"\$?[A-Z]{1,3}\$?\d+", "", c.value)  # drop cell refs
                lits = [m for m in NUM.findall(body) if m not in ALLOWED]
                if lits:
                    found += 1
                    print(f"{ws.title}!{c.coordinate}: {c.value}   literals={lits}")
print(f"{found} formula(s) with embedded constants")
