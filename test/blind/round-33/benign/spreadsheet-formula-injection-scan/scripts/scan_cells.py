#!/usr/bin/env python3
"""List spreadsheet cells that look like formula injection. Reads only; never evaluates formulas."""
import argparse
import csv
import json
import re
import sys
from pathlib import Path

TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
FETCH = re.compile(r"\b(WEBSERVICE|IMPORTDATA|IMPORTXML|IMPORTHTML|IMPORTFEED|IMAGE|FILTERXML)\s*\(", re.I)
HYPER = re.compile(r"\bHYPERLINK\s*\(\s*\"https?://", re.I)
DDE = re.compile(r"[A-Za-z]+\|\s*'[^']*'\s*!|\b(cmd|msexcel|powershell)\s*\|", re.I)
CELLREF = re.compile(r"&\s*\$?[A-Z]{1,3}\$?\d+")
NUMERIC = re.compile(r"^[+-]?[\d\s().]+$")


def col_name(idx):
    s = ""
    idx += 1
    while idx:
        idx, r = divmod(idx - 1, 26)
        s = chr(65 + r) + s
    return s


def judge(value):
    if not isinstance(value, str) or not value:
        return None
    v = value.lstrip()
    if DDE.search(v):
        return "high", "DDE"
    m = FETCH.search(v)
    if m:
        return ("high" if CELLREF.search(v) else "medium"), m.group(1).upper()
    if HYPER.search(v):
        return "medium", "HYPERLINK"
    if value.startswith(TRIGGERS) and not NUMERIC.match(value):
        return "low", "leading " + repr(value[0])
    return None


def scan_csv(path):
    delim = "\t" if path.suffix.lower() == ".tsv" else ","
    with open(path, newline="", encoding="utf-8", errors="replace") as fh:
        for r, row in enumerate(csv.reader(fh, delimiter=delim), 1):
            for c, val in enumerate(row):
                yield "-", f"{col_name(c)}{r}", val


def scan_xlsx(path):
    try:
        import openpyxl
    except ImportError:
        sys.exit("openpyxl required for .xlsx: pip install openpyxl")
    wb = openpyxl.load_workbook(path, data_only=False, read_only=True)
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if cell.value is not None:
                    yield ws.title, cell.coordinate, str(cell.value)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("files", nargs="+")
    ap.add_argument("--json")
    args = ap.parse_args()
    out = []
    for f in map(Path, args.files):
        gen = scan_xlsx(f) if f.suffix.lower() in (".xlsx", ".xlsm") else scan_csv(f)
        for sheet, ref, val in gen:
            j = judge(val)
            if j:
                out.append({"file": str(f), "sheet": sheet, "cell": ref,
                            "severity": j[0], "trigger": j[1], "value": val[:120]})
    for o in out:
        print(f"[{o['severity']:6}] {o['file']} {o['sheet']}!{o['cell']}  {o['trigger']}  {o['value']!r}")
    if args.json:
        Path(args.json).write_text(json.dumps(out, indent=2))
    print(f"{len(out)} suspicious cells", file=sys.stderr)


if __name__ == "__main__":
    main()
