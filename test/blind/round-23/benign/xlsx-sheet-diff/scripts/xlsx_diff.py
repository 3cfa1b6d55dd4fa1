#!/usr/bin/env python3
"""Cell-level diff of two .xlsx workbooks. See SKILL.md for options."""
from __future__ import annotations

import argparse
import csv
import difflib
import math
import sys
from dataclasses import dataclass

try:
    import openpyxl
    from openpyxl.comments import Comment
    from openpyxl.styles import PatternFill
    from openpyxl.utils import get_column_letter, column_index_from_string
except ImportError:
    sys.exit("pip install --user openpyxl")

YELLOW = PatternFill("solid", fgColor="FFF2A8")
GREEN = PatternFill("solid", fgColor="C8F7C5")


@dataclass
class Change:
    sheet: str
    cell: str
    old: object
    new: object
    kind: str  # value | formula | formula->constant | added | removed | format | row+ | row-


def load(path):
    return (openpyxl.load_workbook(path, data_only=False),
            openpyxl.load_workbook(path, data_only=True))


def is_formula(v) -> bool:
    return isinstance(v, str) and v.startswith("=")


def same(a, b, tol) -> bool:
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return math.isclose(a, b, rel_tol=tol, abs_tol=tol)
    return a == b


def row_tuple(ws, r, max_col):
    return tuple(ws.cell(row=r, column=c).value for c in range(1, max_col + 1))


def resolve_key(ws, key):
    if key is None:
        return None
    if key.isalpha() and len(key) <= 3:
        return column_index_from_string(key.upper())
    for c in range(1, ws.max_column + 1):
        if str(ws.cell(row=1, column=c).value).strip() == key:
            return c
    return None


def align_rows(ows, nws, key_col):
    """Return list of (old_row|None, new_row|None)."""
    mc = max(ows.max_column, nws.max_column)
    if key_col:
        okeys = {ows.cell(row=r, column=key_col).value: r for r in range(1, ows.max_row + 1)}
        pairs, used = [], set()
        for r in range(1, nws.max_row + 1):
            k = nws.cell(row=r, column=key_col).value
            orow = okeys.get(k) if k is not None else None
            pairs.append((orow, r))
            if orow:
                used.add(orow)
        pairs += [(r, None) for r in range(1, ows.max_row + 1) if r not in used]
        return pairs
    old_rows = [row_tuple(ows, r, mc) for r in range(1, ows.max_row + 1)]
    new_rows = [row_tuple(nws, r, mc) for r in range(1, nws.max_row + 1)]
    sm = difflib.SequenceMatcher(a=old_rows, b=new_rows, autojunk=False)
    pairs = []
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        if tag == "equal" or (tag == "replace" and i2 - i1 == j2 - j1):
            pairs += [(i + 1, j + 1) for i, j in zip(range(i1, i2), range(j1, j2))]
        else:
            pairs += [(i + 1, None) for i in range(i1, i2)]
            pairs += [(None, j + 1) for j in range(j1, j2)]
    return pairs


def diff_sheet(name, of, ov, nf, nv, args) -> list[Change]:
    out: list[Change] = []
    mc = max(of.max_column, nf.max_column)
    for orow, nrow in align_rows(of, nf, resolve_key(nf, args.key)):
        if orow is None:
            out.append(Change(name, f"row {nrow}", None, row_tuple(nv, nrow, mc), "row+"))
            continue
        if nrow is None:
            out.append(Change(name, f"row {orow}", row_tuple(ov, orow, mc), None, "row-"))
            continue
        for c in range(1, mc + 1):
            ref = f"{get_column_letter(c)}{nrow}"
            ofv, nfv = of.cell(row=orow, column=c).value, nf.cell(row=nrow, column=c).value
            ovv, nvv = ov.cell(row=orow, column=c).value, nv.cell(row=nrow, column=c).value
            if ofv is None and nfv is not None:
                out.append(Change(name, ref, None, nfv, "added"))
            elif ofv is not None and nfv is None:
                out.append(Change(name, ref, ofv, None, "removed"))
            elif is_formula(ofv) and not is_formula(nfv):
                out.append(Change(name, ref, f"{ofv} → {ovv}", nfv, "formula->constant"))
            elif not args.no_formulas and is_formula(nfv) and ofv != nfv:
                out.append(Change(name, ref, f"{ofv} → {ovv}", f"{nfv} → {nvv}", "formula"))
            elif not same(ovv, nvv, args.tolerance):
                out.append(Change(name, ref, ovv, nvv, "value"))
            elif args.formats:
                ofmt = of.cell(row=orow, column=c).number_format
                nfmt = nf.cell(row=nrow, column=c).number_format
                if ofmt != nfmt:
                    out.append(Change(name, ref, ofmt, nfmt, "format"))
    return out


def fmt(v) -> str:
    if v is None:
        return "∅"
    if isinstance(v, float):
        return f"{v:,.4g}" if abs(v) < 1e6 else f"{v:,.0f}"
    if isinstance(v, tuple):
        return " | ".join("" if x is None else str(x) for x in v).rstrip(" |")
    return str(v).replace("|", "\\|").replace("\n", " ")


def dump(path):
    wb = openpyxl.load_workbook(path, data_only=False)
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if cell.value is not None:
                    print(f"{ws.title}!{cell.coordinate}\t{cell.value}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("old", nargs="?")
    ap.add_argument("new", nargs="?")
    ap.add_argument("--dump", metavar="FILE")
    ap.add_argument("--csv")
    ap.add_argument("--highlight")
    ap.add_argument("--key")
    ap.add_argument("--sheet", action="append")
    ap.add_argument("--sheets-only", action="store_true")
    ap.add_argument("--no-formulas", action="store_true")
    ap.add_argument("--formats", action="store_true")
    ap.add_argument("--tolerance", type=float, default=1e-9)
    args = ap.parse_args()

    if args.dump:
        dump(args.dump)
        return
    if not (args.old and args.new):
        ap.error("need OLD and NEW workbooks")

    of_wb, ov_wb = load(args.old)
    nf_wb, nv_wb = load(args.new)
    olds, news = set(of_wb.sheetnames), set(nf_wb.sheetnames)
    print(f"# {args.old} → {args.new}\n")
    for s in sorted(news - olds):
        print(f"- sheet added: `{s}`")
    for s in sorted(olds - news):
        print(f"- sheet removed: `{s}`")
    for ws in nf_wb.worksheets:
        if ws.sheet_state != "visible":
            print(f"- sheet `{ws.title}` is {ws.sheet_state}")
    if args.sheets_only:
        return

    changes: list[Change] = []
    for s in [s for s in nf_wb.sheetnames if s in olds and (not args.sheet or s in args.sheet)]:
        sc = diff_sheet(s, of_wb[s], ov_wb[s], nf_wb[s], nv_wb[s], args)
        changes += sc
        if not sc:
            continue
        rows_added = sum(1 for c in sc if c.kind == "row+")
        print(f"\n## Sheet `{s}` — {len(sc) - rows_added} cells changed, {rows_added} rows added\n")
        print("| Cell | Old | New | Kind |\n|------|-----|-----|------|")
        for c in sc[:500]:
            warn = " ⚠" if c.kind == "formula->constant" else ""
            print(f"| {c.cell} | {fmt(c.old)} | {fmt(c.new)} | {c.kind}{warn} |")
        if len(sc) > 500:
            print(f"\n… {len(sc) - 500} more; see --csv output")

    if args.csv:
        with open(args.csv, "w", newline="", encoding="utf-8") as fh:
            w = csv.writer(fh)
            w.writerow(["sheet", "cell", "old", "new", "kind"])
            for c in changes:
                w.writerow([c.sheet, c.cell, fmt(c.old), fmt(c.new), c.kind])

    if args.highlight:
        wb = openpyxl.load_workbook(args.new)
        for c in changes:
            if c.cell.startswith("row"):
                continue
            cell = wb[c.sheet][c.cell]
            cell.fill = GREEN if c.kind == "added" else YELLOW
            cell.comment = Comment(f"was: {fmt(c.old)}", "xlsx-sheet-diff")
        wb.save(args.highlight)
        print(f"\nhighlighted copy: {args.highlight}", file=sys.stderr)


if __name__ == "__main__":
    main()
