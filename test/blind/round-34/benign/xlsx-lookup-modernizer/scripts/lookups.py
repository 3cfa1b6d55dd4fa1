#!/usr/bin/env python3
"""Scan / rewrite / compare VLOOKUP and HLOOKUP formulas in an .xlsx workbook."""
import argparse
import csv
import re
import sys
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.utils import column_index_from_string, get_column_letter

LOOKUP_RE = re.compile(
    r"(?P<fn>[VH]LOOKUP)\(\s*(?P<val>[^,]+?)\s*,\s*(?P<table>[^,]+?)\s*,"
    r"\s*(?P<idx>[^,()]+?)\s*(?:,\s*(?P<mode>[^,()]+?)\s*)?\)",
    re.IGNORECASE,
)
RANGE_RE = re.compile(
    r"^(?P<sheet>(?:'[^']+'|[A-Za-z0-9_.]+)!)?\$?(?P<c1>[A-Z]{1,3})\$?(?P<r1>\d*)"
    r":\$?(?P<c2>[A-Z]{1,3})\$?(?P<r2>\d*)$"
)


def classify(m):
    risks = []
    mode = (m.group("mode") or "").strip().upper()
    if mode in ("", "TRUE", "1"):
        risks.append("approx-match")
    if m.group("idx").strip().isdigit():
        risks.append("hardcoded-index")
    table = m.group("table")
    if "[" in table and "]" in table and "!" in table:
        risks.append("external")
    rm = RANGE_RE.match(table.replace(" ", ""))
    if rm and not rm.group("r1") and not rm.group("r2"):
        risks.append("whole-column")
    return risks


def iter_formulas(wb):
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                v = cell.value
                if isinstance(v, str) and v.startswith("="):
                    yield ws, cell, v


def cmd_scan(args):
    wb = load_workbook(args.xlsx, data_only=False)
    w = csv.writer(sys.stdout)
    w.writerow(["sheet", "cell", "function", "value", "table", "index", "mode", "risk"])
    for ws, cell, f in iter_formulas(wb):
        for m in LOOKUP_RE.finditer(f):
            w.writerow([ws.title, cell.coordinate, m.group("fn").upper(), m.group("val"),
                        m.group("table"), m.group("idx"), m.group("mode") or "",
                        ";".join(classify(m))])


def rewrite_one(m, target, keep_approx):
    rm = RANGE_RE.match(m.group("table").replace(" ", ""))
    idx = m.group("idx").strip()
    if not rm or not idx.isdigit():
        return None
    sheet = rm.group("sheet") or ""
    approx = "approx-match" in classify(m)
    exact = not (approx and keep_approx)
    n = int(idx)
    if m.group("fn").upper() == "VLOOKUP":
        c1 = column_index_from_string(rm.group("c1"))
        key_col = get_column_letter(c1)
        ret_col = get_column_letter(c1 + n - 1)
        r1, r2 = rm.group("r1"), rm.group("r2")
        keys = f"{sheet}${key_col}{'$' + r1 if r1 else ''}:${key_col}{'$' + r2 if r2 else ''}"
        vals = f"{sheet}${ret_col}{'$' + r1 if r1 else ''}:${ret_col}{'$' + r2 if r2 else ''}"
    else:  # HLOOKUP
        r1 = int(rm.group("r1") or 1)
        c1, c2 = rm.group("c1"), rm.group("c2")
        keys = f"{sheet}${c1}${r1}:${c2}${r1}"
        vals = f"{sheet}${c1}${r1 + n - 1}:${c2}${r1 + n - 1}"
    val = m.group("val")
    if target == "xlookup":
        mode = "0" if exact else "-1"
        return f'XLOOKUP({val},{keys},{vals},"",{mode})'
    return f"INDEX({vals},MATCH({val},{keys},{0 if exact else 1}))"


def cmd_rewrite(args):
    src = Path(args.xlsx)
    wb = load_workbook(src, data_only=False)
    only = set(args.only or ["approx-match", "hardcoded-index", "whole-column"])
    done, skipped = 0, []
    for ws, cell, f in iter_formulas(wb):
        new = f
        for m in list(LOOKUP_RE.finditer(f)):
            risks = set(classify(m))
            if "external" in risks or not (risks & only):
                continue
            repl = rewrite_one(m, args.target, args.keep_approx)
            if repl is None:
                skipped.append((ws.title, cell.coordinate, f))
                continue
            new = new.replace(m.group(0), repl, 1)
        if new != f:
            cell.value = new
            done += 1
    out = src.with_name(src.stem + ".modernized.xlsx")
    wb.save(out)
    with open("skipped.csv", "w", newline="") as fh:
        csv.writer(fh).writerows([("sheet", "cell", "formula"), *skipped])
    print(f"rewrote {done} cells, skipped {len(skipped)} -> {out}", file=sys.stderr)


def cmd_compare(args):
    a = load_workbook(args.a, data_only=True)
    b = load_workbook(args.b, data_only=True)
    diffs = 0
    for ws in a.worksheets:
        if ws.title not in b.sheetnames:
            continue
        wb_ws = b[ws.title]
        for row in ws.iter_rows():
            for c in row:
                other = wb_ws[c.coordinate].value
                if c.value != other:
                    diffs += 1
                    print(f"{ws.title}!{c.coordinate}: {c.value!r} -> {other!r}")
    print(f"{diffs} differing cells", file=sys.stderr)


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("scan"); s.add_argument("xlsx"); s.set_defaults(fn=cmd_scan)
    r = sub.add_parser("rewrite"); r.add_argument("xlsx")
    r.add_argument("--target", choices=["xlookup", "index-match"], default="index-match")
    r.add_argument("--only", action="append")
    r.add_argument("--keep-approx", action="store_true")
    r.set_defaults(fn=cmd_rewrite)
    c = sub.add_parser("compare"); c.add_argument("a"); c.add_argument("b")
    c.set_defaults(fn=cmd_compare)
    args = ap.parse_args()
    args.fn(args)


if __name__ == "__main__":
    main()
