#!/usr/bin/env python3
"""Profile sheets of an .xlsx workbook and emit a data dictionary."""
import argparse
import datetime as dt
import re
import sys
from collections import Counter

from openpyxl import Workbook, load_workbook
from openpyxl.utils import get_column_letter

MAX_DISTINCT = 10_000


def kind(v):
    if v is None or (isinstance(v, str) and not v.strip()):
        return None
    if isinstance(v, bool):
        return "boolean"
    if isinstance(v, int):
        return "integer"
    if isinstance(v, float):
        return "integer" if v.is_integer() else "decimal"
    if isinstance(v, dt.datetime):
        return "date" if (v.hour, v.minute, v.second) == (0, 0, 0) else "datetime"
    if isinstance(v, dt.date):
        return "date"
    return "text"


def mask(value):
    s = str(value)
    s = re.sub(r"[A-Za-z]", lambda m: "*", s[1:])
    s = re.sub(r"\d", "9", s)
    return (str(value)[:1] + s)[:40]


def profile_sheet(ws, header_row, show_examples, masked):
    rows = ws.iter_rows(min_row=header_row, values_only=True)
    try:
        header = next(rows)
    except StopIteration:
        return []
    cols = [
        {"name": str(h).strip() if h is not None else f"(blank {i+1})", "types": Counter(),
         "nulls": 0, "distinct": set(), "min": None, "max": None, "examples": []}
        for i, h in enumerate(header)
    ]
    n = 0
    for row in rows:
        if row is None or all(c is None for c in row):
            continue
        n += 1
        for i, c in enumerate(cols):
            v = row[i] if i < len(row) else None
            k = kind(v)
            if k is None:
                c["nulls"] += 1
                continue
            c["types"][k] += 1
            if len(c["distinct"]) < MAX_DISTINCT:
                c["distinct"].add(v)
            if k in ("integer", "decimal", "date", "datetime"):
                c["min"] = v if c["min"] is None or v < c["min"] else c["min"]
                c["max"] = v if c["max"] is None or v > c["max"] else c["max"]
            if show_examples and len(c["examples"]) < 3 and v not in c["examples"]:
                c["examples"].append(v)
    out = []
    for i, c in enumerate(cols):
        total = sum(c["types"].values())
        majority, count = (c["types"].most_common(1)[0] if total else ("empty", 0))
        ex = [mask(e) if masked else str(e)[:40] for e in c["examples"]]
        out.append({
            "sheet": ws.title, "column": c["name"], "letter": get_column_letter(i + 1),
            "inferred_type": majority,
            "mixed_types": "yes" if total and (total - count) / total > 0.05 else "no",
            "null_pct": round(100 * c["nulls"] / n, 1) if n else 0.0,
            "distinct": len(c["distinct"]) if len(c["distinct"]) < MAX_DISTINCT else f">={MAX_DISTINCT}",
            "min": "" if c["min"] is None else str(c["min"]),
            "max": "" if c["max"] is None else str(c["max"]),
            "examples": "; ".join(ex),
            "description": "",
        })
    return out


FIELDS = ["sheet", "column", "letter", "inferred_type", "mixed_types", "null_pct",
          "distinct", "min", "max", "examples", "description"]


def write_md(entries, path):
    with open(path, "w", encoding="utf-8") as fh:
        fh.write("# Data dictionary\n\n")
        for sheet in dict.fromkeys(e["sheet"] for e in entries):
            fh.write(f"## {sheet}\n\n| " + " | ".join(FIELDS[1:]) + " |\n")
            fh.write("|" + "---|" * (len(FIELDS) - 1) + "\n")
            for e in (x for x in entries if x["sheet"] == sheet):
                cells = [str(e[f]).replace("|", "\\|") for f in FIELDS[1:]]
                fh.write("| " + " | ".join(cells) + " |\n")
            fh.write("\n")


def write_sheet(src, entries, dest):
    wb = load_workbook(src)  # full (not read-only) load so we can save a copy
    if "_dictionary" in wb.sheetnames:
        del wb["_dictionary"]
    ws = wb.create_sheet("_dictionary", 0)
    ws.append(FIELDS)
    for e in entries:
        ws.append([e[f] for f in FIELDS])
    ws.freeze_panes = "A2"
    wb.save(dest)


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("xlsx")
    ap.add_argument("--sheets", help="comma-separated sheet names")
    ap.add_argument("--header-row", type=int, default=1)
    ap.add_argument("--md")
    ap.add_argument("--sheet-out")
    ap.add_argument("--no-examples", action="store_true")
    ap.add_argument("--mask-examples", action="store_true")
    ap.add_argument("--force", action="store_true")
    a = ap.parse_args()
    if not (a.md or a.sheet_out):
        ap.error("give --md and/or --sheet-out")
    if a.sheet_out and a.sheet_out == a.xlsx:
        ap.error("--sheet-out must differ from the input file")

    wb = load_workbook(a.xlsx, read_only=True, data_only=True)
    wanted = a.sheets.split(",") if a.sheets else wb.sheetnames
    entries = []
    for name in wanted:
        ws = wb[name]
        if ws.max_column and ws.max_column > 500 and not a.force:
            print(f"skipping {name}: {ws.max_column} columns (use --force)", file=sys.stderr)
            continue
        entries += profile_sheet(ws, a.header_row, not a.no_examples, a.mask_examples)
    wb.close()

    if a.md:
        write_md(entries, a.md)
        print(f"wrote {a.md} ({len(entries)} columns)")
    if a.sheet_out:
        write_sheet(a.xlsx, entries, a.sheet_out)
        print(f"wrote {a.sheet_out}")


if __name__ == "__main__":
    main()
