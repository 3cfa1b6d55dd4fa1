#!/usr/bin/env python3
"""Read-only audit of an Excel workbook."""
import json
import re
import sys
from collections import defaultdict

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

ERRORS = {"#REF!", "#DIV/0!", "#N/A", "#VALUE!", "#NAME?", "#NUM!", "#NULL!"}
CONST = re.compile(r"(?<![A-Z$\d.])(\d+\.?\d*)(?![\d:(])")
ALLOWED = {"0", "1", "100", "12", "2"}
VOLATILE = re.compile(r"\b(INDIRECT|OFFSET|NOW|TODAY|RAND|RANDBETWEEN)\s*\(", re.I)
EXTERNAL = re.compile(r"\[[^\]]+\.xls[xmb]?\]", re.I)
SUMRANGE = re.compile(r"SUM\(\$?([A-Z]+)\$?(\d+):\$?\1\$?(\d+)\)", re.I)


def r1c1(formula, row, col):
    def sub(m):
        return f"R[{int(m.group(2)) - row}]C"
    return re.sub(r"\$?([A-Z]{1,3})\$?(\d+)", sub, formula)


def main(path, as_json=False):
    wf = load_workbook(path, data_only=False)
    wv = load_workbook(path, data_only=True)
    findings = []

    def add(sev, sheet, cell, kind, detail):
        findings.append({"severity": sev, "sheet": sheet, "cell": cell, "kind": kind, "detail": detail})

    for ws in wf.worksheets:
        if ws.sheet_state != "visible":
            add(3, ws.title, "", "hidden sheet", ws.sheet_state)
        vs = wv[ws.title]
        rows = defaultdict(dict)
        for row in ws.iter_rows():
            for c in row:
                v = c.value
                cached = vs[c.coordinate].value
                if isinstance(cached, str) and cached in ERRORS:
                    add(1, ws.title, c.coordinate, "error value", cached)
                if not (isinstance(v, str) and v.startswith("=")):
                    continue
                rows[c.row][c.column] = r1c1(v, c.row, c.column)
                consts = [x for x in CONST.findall(v) if x not in ALLOWED]
                if consts:
                    add(2, ws.title, c.coordinate, "hard-coded constant", f"{v}  ({', '.join(consts)})")
                if VOLATILE.search(v):
                    add(2, ws.title, c.coordinate, "volatile function", v)
                if EXTERNAL.search(v):
                    add(2, ws.title, c.coordinate, "external link", v)
                for m in SUMRANGE.finditer(v):
                    col, end = m.group(1), int(m.group(3))
                    nxt = ws[f"{col}{end + 1}"].value
                    if isinstance(nxt, (int, float)) and (end + 1) != c.row:
                        add(1, ws.title, c.coordinate, "short range", f"{v}; {col}{end + 1} has data")
        for r, cols in rows.items():
            shapes = defaultdict(list)
            for col, shape in cols.items():
                shapes[shape].append(col)
            if len(shapes) > 1 and len(cols) >= 4:
                main_shape = max(shapes, key=lambda s: len(shapes[s]))
                for shape, cs in shapes.items():
                    if shape != main_shape and len(cs) == 1:
                        add(1, ws.title, f"{get_column_letter(cs[0])}{r}", "inconsistent formula", shape)

    findings.sort(key=lambda f: (f["severity"], f["sheet"], f["cell"]))
    if as_json:
        json.dump(findings, sys.stdout, indent=2)
        return
    for f in findings:
        print(f"[{f['severity']}] {f['sheet']}!{f['cell']:8} {f['kind']:22} {f['detail']}")
    print(f"\n{len(findings)} finding(s)")


if __name__ == "__main__":
    main(sys.argv[1], "--json" in sys.argv)
