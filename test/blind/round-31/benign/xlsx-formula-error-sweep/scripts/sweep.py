#!/usr/bin/env python3
"""Sweep an .xlsx workbook for formula errors and find their origin cells."""
from __future__ import annotations

import argparse
import csv
import json
import re
import shutil
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.utils import column_index_from_string, get_column_letter

ERRORS = {"#REF!", "#N/A", "#DIV/0!", "#VALUE!", "#NAME?", "#NUM!", "#NULL!", "#SPILL!", "#CALC!", "#GETTING_DATA"}
REF_RE = re.compile(
    r"(?:(?P<sheet>'[^']+'|[A-Za-z0-9_\.]+)!)?"
    r"(?P<c1>\$?[A-Z]{1,3})(?P<r1>\$?\d+)?(?::(?P<c2>\$?[A-Z]{1,3})(?P<r2>\$?\d+)?)?"
)
DYNAMIC = re.compile(r"\b(INDIRECT|OFFSET)\s*\(", re.I)
MAX_EXPAND = 20000


def recalc_copy(src: Path) -> Path:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        sys.exit("--recalc needs LibreOffice (soffice) on PATH")
    out = Path(tempfile.mkdtemp(prefix="xlsx-sweep-"))
    subprocess.run(
        [soffice, "--headless", "--calc", "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", str(out), str(src)],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return out / src.name


def strip_strings(formula: str) -> str:
    return re.sub(r'"[^"]*"', '""', formula)


def refs_in(formula: str, home: str, max_row: dict[str, int]):
    body = strip_strings(formula.lstrip("="))
    for m in REF_RE.finditer(body):
        c1 = m.group("c1").replace("$", "")
        r1 = m.group("r1")
        if r1 is None and m.group("c2") is None:
            continue  # bare word like SUM or TRUE
        sheet = (m.group("sheet") or home).strip("'")
        c2 = (m.group("c2") or c1).replace("$", "")
        r1i = int(r1.replace("$", "")) if r1 else 1
        r2 = m.group("r2")
        r2i = int(r2.replace("$", "")) if r2 else (r1i if r1 else max_row.get(sheet, 1))
        try:
            ci1, ci2 = column_index_from_string(c1), column_index_from_string(c2)
        except ValueError:
            continue
        count = 0
        for col in range(min(ci1, ci2), max(ci1, ci2) + 1):
            for row in range(min(r1i, r2i), max(r1i, r2i) + 1):
                count += 1
                if count > MAX_EXPAND:
                    return
                yield f"{sheet}!{get_column_letter(col)}{row}"


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("workbook", type=Path)
    ap.add_argument("--recalc", action="store_true")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--csv", type=Path)
    args = ap.parse_args()

    path = recalc_copy(args.workbook) if args.recalc else args.workbook
    wb_f = load_workbook(path, data_only=False, read_only=False)
    wb_v = load_workbook(path, data_only=True, read_only=False)

    names = {}
    for name, dn in getattr(wb_f.defined_names, "items", lambda: [])():
        names[name.upper()] = dn.attr_text

    formulas: dict[str, str] = {}
    errors: dict[str, str] = {}
    cached_any = False
    max_row = {ws.title: ws.max_row for ws in wb_f.worksheets}
    for ws in wb_f.worksheets:
        wv = wb_v[ws.title]
        for row in ws.iter_rows():
            for cell in row:
                key = f"{ws.title}!{cell.coordinate}"
                val = wv[cell.coordinate].value
                if val is not None:
                    cached_any = True
                if isinstance(cell.value, str) and cell.value.startswith("="):
                    formulas[key] = cell.value
                    if "#REF!" in cell.value:
                        errors[key] = "#REF!"
                if isinstance(val, str) and val in ERRORS:
                    errors[key] = val

    if not cached_any and formulas:
        print("warning: no cached values found; rerun with --recalc", file=sys.stderr)

    origins, downstream_of = [], defaultdict(list)
    parents: dict[str, list[str]] = {}
    notes: dict[str, str] = {}
    for key, err in errors.items():
        f = formulas.get(key, "")
        home = key.split("!")[0]
        expanded = f
        for n, target in names.items():
            expanded = re.sub(rf"\b{re.escape(n)}\b", target, expanded, flags=re.I)
        bad = [r for r in refs_in(expanded, home, max_row) if r in errors and r != key] if f else []
        if DYNAMIC.search(f):
            notes[key] = "dynamic, not traced"
        if bad:
            parents[key] = bad
        else:
            origins.append(key)

    def root_of(k: str, seen=None) -> set[str]:
        seen = seen or set()
        if k in seen:
            return set()
        seen.add(k)
        if k not in parents:
            return {k}
        out = set()
        for p in parents[k]:
            out |= root_of(p, seen)
        return out

    for k in parents:
        for r in root_of(k):
            downstream_of[r].append(k)

    sheets = {k.split("!")[0] for k in errors}
    result = {
        "workbook": str(args.workbook),
        "error_cells": len(errors),
        "sheets": sorted(sheets),
        "origins": [
            {"cell": o, "error": errors[o], "formula": formulas.get(o, ""), "note": notes.get(o, ""),
             "downstream": sorted(downstream_of.get(o, []))}
            for o in sorted(origins)
        ],
    }

    if args.csv:
        with args.csv.open("w", newline="") as fh:
            w = csv.writer(fh)
            w.writerow(["cell", "error", "formula", "origin"])
            for k, e in sorted(errors.items()):
                w.writerow([k, e, formulas.get(k, ""), ";".join(sorted(root_of(k)))])

    if args.json:
        json.dump(result, sys.stdout, indent=2)
        print()
        return 0

    print(f"{args.workbook.name}: {len(errors)} error cells on {len(sheets)} sheets, {len(origins)} origins\n")
    print("Origins")
    for o in result["origins"]:
        print(f"  {o['cell']:<16} {o['error']:<9} {o['formula'][:48]:<48} {o['note']}")
    print("\nDownstream (by origin)")
    for o in result["origins"]:
        ds = o["downstream"]
        preview = ", ".join(ds[:4]) + (", …" if len(ds) > 4 else "")
        print(f"  {o['cell']:<16} → {len(ds):>4} cells {('(' + preview + ')') if ds else ''}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
