#!/usr/bin/env python3
"""Inventory, and optionally consolidate, conditional formatting in .xlsx/.xlsm files."""
from __future__ import annotations

import argparse
import csv
import re
import sys
import zipfile
from collections import defaultdict
from pathlib import Path

try:
    from openpyxl import load_workbook
    from openpyxl.formatting.formatting import ConditionalFormattingList
    from openpyxl.utils.cell import coordinate_from_string, column_index_from_string
except ImportError:  # pragma: no cover
    sys.exit("openpyxl is required: pip install 'openpyxl==3.1.5'")

REF_TOKEN = re.compile(r"(\$?)([A-Z]{1,3})(\$?)(\d+)")
LOSSY_PARTS = {
    "xl/charts/": "charts",
    "xl/drawings/": "drawings/images",
    "xl/pivotTables/": "pivot tables",
    "xl/slicers/": "slicers",
    "xl/ctrlProps/": "form controls",
}


def normalise(formula: str, anchor: str) -> str:
    """Rewrite A1 refs as offsets from anchor so split copies compare equal."""
    col_letters, row = coordinate_from_string(anchor)
    a_col, a_row = column_index_from_string(col_letters), row

    def sub(m: re.Match) -> str:
        cabs, col, rabs, r = m.groups()
        c = column_index_from_string(col)
        cpart = f"C{c}" if cabs else f"C[{c - a_col}]"
        rpart = f"R{r}" if rabs else f"R[{int(r) - a_row}]"
        return cpart + rpart

    return REF_TOKEN.sub(sub, formula)


def rule_key(rule, anchor: str) -> tuple:
    formulas = tuple(normalise(f, anchor) for f in (rule.formula or []))
    return (rule.type, rule.operator, rule.dxfId, bool(rule.stopIfTrue), formulas,
            repr(rule.colorScale), repr(rule.dataBar), repr(rule.iconSet))


def first_cell(sqref) -> str:
    rng = str(sqref).split()[0]
    return rng.split(":")[0]


def describe(rule) -> str:
    f = (rule.formula or [""])[0]
    op = rule.operator or ""
    return f"{rule.type} {op} {f}".strip()


def lossy_features(path: Path) -> list[str]:
    found = set()
    with zipfile.ZipFile(path) as zf:
        for name in zf.namelist():
            for prefix, label in LOSSY_PARTS.items():
                if name.startswith(prefix):
                    found.add(label)
            if name.startswith("xl/worksheets/sheet") and b"x14:conditionalFormatting" in zf.read(name):
                found.add("x14 conditional-format extensions (data bar/icon tweaks)")
    return sorted(found)


def inventory(wb):
    rows = []
    for ws in wb.worksheets:
        for cf in ws.conditional_formatting:
            anchor = first_cell(cf.sqref)
            for rule in cf.rules:
                rows.append({
                    "sheet": ws.title,
                    "sqref": str(cf.sqref),
                    "anchor": anchor,
                    "priority": rule.priority,
                    "type": rule.type,
                    "operator": rule.operator or "",
                    "formula": " ; ".join(rule.formula or []),
                    "dxfId": rule.dxfId,
                    "stopIfTrue": bool(rule.stopIfTrue),
                    "broken": any("#REF!" in f for f in (rule.formula or [])),
                    "key": rule_key(rule, anchor),
                    "rule": rule,
                })
    return rows


def print_summary(rows, detail: bool) -> None:
    by_sheet = defaultdict(list)
    for r in rows:
        by_sheet[r["sheet"]].append(r)
    for sheet, items in by_sheet.items():
        ranges = sum(len(r["sqref"].split()) for r in items)
        print(f'Sheet "{sheet}"  {len(items):,} rules on {ranges:,} ranges')
        groups = defaultdict(list)
        for r in items:
            groups[r["key"]].append(r)
        for key, members in sorted(groups.items(), key=lambda kv: -len(kv[1])):
            head = members[0]
            tag = "BROKEN" if head["broken"] else (f"(fragmented: {len(members):,} copies)" if len(members) > 1 else "")
            print(f"  {len(members):>6,}  {describe(head['rule'])[:48]:<48} dxf {head['dxfId']}  {tag}")
            if detail:
                for m in members:
                    print(f"            prio {m['priority']:>5}  {m['sqref']}")
        print()


def consolidate(wb, rows, drop_broken: bool) -> tuple[int, int, list[str]]:
    conflicts: list[str] = []
    before = len(rows)
    by_sheet = defaultdict(list)
    for r in rows:
        by_sheet[r["sheet"]].append(r)

    for ws in wb.worksheets:
        items = by_sheet.get(ws.title, [])
        groups = defaultdict(list)
        for r in items:
            if drop_broken and r["broken"]:
                continue
            groups[r["key"]].append(r)

        new_cf = ConditionalFormattingList()
        for key, members in groups.items():
            members.sort(key=lambda m: m["priority"])
            lo, hi = members[0]["priority"], members[-1]["priority"]
            interleaved = [o for o in items if lo < o["priority"] < hi and o["key"] != key]
            if interleaved and len(members) > 1:
                conflicts.append(f"{ws.title}: '{describe(members[0]['rule'])}' interleaves with "
                                 f"{len(interleaved)} other rule(s); kept split")
                for m in members:
                    new_cf.add(m["sqref"], m["rule"])
                continue
            sqref = " ".join(m["sqref"] for m in members)
            rule = members[0]["rule"]
            rule.priority = lo
            new_cf.add(sqref, rule)
        ws.conditional_formatting = new_cf

    after = sum(len(cf.rules) for ws in wb.worksheets for cf in ws.conditional_formatting)
    return before, after, conflicts


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("workbook", type=Path)
    ap.add_argument("--detail", action="store_true")
    ap.add_argument("--csv", type=Path, help="write the full inventory as CSV")
    ap.add_argument("--consolidate", action="store_true")
    ap.add_argument("--drop-broken", action="store_true")
    ap.add_argument("--force", action="store_true", help="write even if openpyxl would drop features")
    ap.add_argument("-o", "--output", type=Path)
    args = ap.parse_args()

    keep_vba = args.workbook.suffix.lower() == ".xlsm"
    wb = load_workbook(args.workbook, keep_vba=keep_vba)
    rows = inventory(wb)

    if args.csv:
        with args.csv.open("w", newline="") as fh:
            cols = ["sheet", "sqref", "priority", "type", "operator", "formula", "dxfId", "stopIfTrue", "broken"]
            w = csv.DictWriter(fh, fieldnames=cols, extrasaction="ignore")
            w.writeheader()
            w.writerows(rows)
        print(f"wrote {args.csv}")

    print_summary(rows, args.detail)

    if not (args.consolidate or args.drop_broken):
        return 0
    if not args.output:
        ap.error("cleanup needs -o OUTPUT (the input is never overwritten)")
    if args.output.resolve() == args.workbook.resolve():
        ap.error("output must differ from input")

    lossy = lossy_features(args.workbook)
    if lossy and not args.force:
        print("Refusing to write: openpyxl may drop " + ", ".join(lossy) +
              ". Re-run with --force if the user accepts that, or clean up in Excel.", file=sys.stderr)
        return 3

    before, after, conflicts = consolidate(wb, rows, args.drop_broken)
    wb.save(args.output)
    for c in conflicts:
        print("conflict:", c)
    check = inventory(load_workbook(args.output, keep_vba=keep_vba))
    print(f"rules: {before:,} -> {after:,} (re-read: {len(check):,}); wrote {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
