#!/usr/bin/env python3
"""Formula audit for .xlsx workbooks (read-only). Requires openpyxl."""
import argparse
import json
import re
from collections import defaultdict

from openpyxl import load_workbook
from openpyxl.formula.translate import Translator
from openpyxl.utils import get_column_letter

CONST = re.compile(r"(?<![A-Z$:\d.])(\d+\.?\d*)(?![\d:(!])")
REF = re.compile(r"(?:'?([^'!]+)'?!)?\$?([A-Z]{1,3})\$?(\d+)(?![\d(])")
VOLATILE = re.compile(r"\b(OFFSET|INDIRECT|NOW|TODAY|RAND|RANDBETWEEN)\s*\(", re.I)
ERRORS = {"#REF!", "#DIV/0!", "#N/A", "#VALUE!", "#NAME?", "#NUM!", "#NULL!"}


def norm(formula, coord):
    """Translate formula to what it would be at A1, for neighbour comparison."""
    try:
        return Translator(formula, origin=coord).translate_formula("A1")
    except Exception:
        return formula


def audit(path, only_sheet=None):
    wf = load_workbook(path, data_only=False)
    wv = load_workbook(path, data_only=True)
    out = []
    add = lambda code, ws, cell, msg: out.append({"code": code, "cell": f"{ws.title}!{cell}", "detail": msg})
    for ws in wf.worksheets:
        if only_sheet and ws.title != only_sheet:
            continue
        if ws.sheet_state != "visible":
            add("F7", ws, "-", f"sheet is {ws.sheet_state}")
        vs = wv[ws.title]
        cols = defaultdict(list)
        for row in ws.iter_rows():
            for c in row:
                v = c.value
                is_f = isinstance(v, str) and v.startswith("=")
                cols[c.column].append((c.coordinate, is_f, v))
                cached = vs[c.coordinate].value
                if isinstance(cached, str) and cached in ERRORS:
                    add("F4", ws, c.coordinate, cached)
                if not is_f:
                    continue
                body = v[1:]
                stripped = re.sub(r'"[^"]*"', "", body)
                consts = [x for x in CONST.findall(REF.sub("", stripped)) if x not in ("0", "1")]
                if consts:
                    add("F1", ws, c.coordinate, f"constants {consts} in {v}")
                if "[" in body and "]" in body:
                    add("F5", ws, c.coordinate, v)
                if VOLATILE.search(body):
                    add("F6", ws, c.coordinate, v)
                for sheet, col, r in REF.findall(stripped):
                    tgt = wf[sheet] if sheet and sheet in wf.sheetnames else ws
                    if tgt[f"{col}{r}"].value is None:
                        add("F3", ws, c.coordinate, f"refers to empty {tgt.title}!{col}{r}")
                hidden_row = ws.row_dimensions[c.row].hidden
                hidden_col = ws.column_dimensions[get_column_letter(c.column)].hidden
                if hidden_row or hidden_col:
                    add("F7", ws, c.coordinate, "formula in hidden row/column")
        for col, cells in cols.items():
            fcells = [(coord, v) for coord, f, v in cells if f]
            if len(fcells) < 3:
                continue
            shapes = defaultdict(list)
            for coord, v in fcells:
                shapes[norm(v, coord)].append(coord)
            major = max(shapes.values(), key=len)
            for shape, coords in shapes.items():
                if coords is not major and len(coords) <= max(1, len(fcells) // 10):
                    for coord in coords:
                        add("F2", ws, coord, f"differs from {len(major)} neighbours in column")
            first, last = fcells[0][0], fcells[-1][0]
            for coord, f, v in cells:
                if not f and isinstance(v, (int, float)) and first < coord < last:
                    add("F8", ws, coord, f"hard-coded {v} among formulas")
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("xlsx")
    ap.add_argument("--sheet")
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args()
    res = audit(a.xlsx, a.sheet)
    order = ["F4", "F2", "F8", "F3", "F5", "F7", "F1", "F6"]
    res.sort(key=lambda r: (order.index(r["code"]), r["cell"]))
    if a.json:
        print(json.dumps(res, indent=1))
        return
    print(f"# Formula audit: {a.xlsx}\n\n{len(res)} finding(s)\n")
    for r in res:
        print(f"- **{r['code']}** `{r['cell']}` — {r['detail']}")


if __name__ == "__main__":
    main()
