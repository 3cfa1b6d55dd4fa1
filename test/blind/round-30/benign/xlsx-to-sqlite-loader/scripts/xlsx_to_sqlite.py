#!/usr/bin/env python3
"""Load sheets of an .xlsx workbook into SQLite with inferred column types."""
from __future__ import annotations

import argparse
import datetime as dt
import re
import sqlite3
import sys
from pathlib import Path

from openpyxl import load_workbook

EMPTY_STOP = 50


def snake(name: str) -> str:
    s = re.sub(r"[^0-9a-zA-Z]+", "_", str(name)).strip("_").lower()
    if not s:
        s = "col"
    if s[0].isdigit():
        s = "c_" + s
    return s


def unique(names):
    seen = {}
    out = []
    for n in names:
        if n in seen:
            seen[n] += 1
            out.append(f"{n}_{seen[n]}")
        else:
            seen[n] = 1
            out.append(n)
    return out


def detect_header(rows, limit=25):
    for idx, row in enumerate(rows[:limit]):
        cells = [c for c in row if c not in (None, "")]
        if not cells:
            continue
        strings = sum(isinstance(c, str) for c in cells)
        if strings / max(len(row), 1) >= 0.6:
            return idx
    return 0


def fill_merged_header(header):
    filled, last = [], None
    for h in header:
        if h in (None, "") and last is not None:
            filled.append(last)
        else:
            filled.append(h)
            last = h if h not in (None, "") else last
    return filled


def infer(values):
    kinds = set()
    for v in values:
        if v is None or v == "":
            continue
        if isinstance(v, bool):
            kinds.add("INTEGER")
        elif isinstance(v, int):
            kinds.add("INTEGER")
        elif isinstance(v, float):
            kinds.add("INTEGER" if v.is_integer() else "REAL")
        elif isinstance(v, (dt.datetime, dt.date)):
            kinds.add("DATE")
        else:
            kinds.add("TEXT")
    if not kinds:
        return "TEXT", None
    if kinds <= {"INTEGER"}:
        return "INTEGER", None
    if kinds <= {"INTEGER", "REAL"}:
        return "REAL", None
    if kinds == {"DATE"}:
        return "DATE", None
    return "TEXT", f"mixed types {sorted(kinds)}"


def convert(v, kind):
    if v is None or v == "":
        return None
    if kind == "DATE" and isinstance(v, (dt.datetime, dt.date)):
        return v.isoformat()
    if kind == "INTEGER":
        return int(v)
    if kind == "REAL":
        return float(v)
    if isinstance(v, (dt.datetime, dt.date)):
        return v.isoformat()
    return str(v)


def load_sheet(ws, header_row):
    rows, empty_run = [], 0
    for r in ws.iter_rows(values_only=True):
        if all(c in (None, "") for c in r):
            empty_run += 1
            if empty_run >= EMPTY_STOP:
                break
            rows.append(None)
            continue
        empty_run = 0
        rows.append(list(r))
    dense = [r if r is not None else [] for r in rows]
    h = header_row - 1 if header_row else detect_header(dense)
    header = fill_merged_header(list(dense[h]) if h < len(dense) else [])
    data = []
    for offset, r in enumerate(rows[h + 1:], start=h + 2):
        if r is None:
            continue
        data.append((offset, r + [None] * (len(header) - len(r))))
    return h + 1, header, data


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("xlsx")
    ap.add_argument("--db")
    ap.add_argument("--sheets", help="comma-separated sheet names (default: all visible sheets)")
    ap.add_argument("--header-row", type=int)
    ap.add_argument("--replace", action="store_true")
    args = ap.parse_args()

    src = Path(args.xlsx)
    db_path = Path(args.db) if args.db else src.with_suffix(".sqlite")
    wb = load_workbook(src, data_only=True, read_only=False)
    wanted = [s.strip() for s in args.sheets.split(",")] if args.sheets else None

    con = sqlite3.connect(db_path)
    con.execute("CREATE TABLE IF NOT EXISTS _load_manifest (sheet TEXT, tbl TEXT, rows INTEGER, header_row INTEGER, warnings TEXT)")
    con.execute("CREATE TABLE IF NOT EXISTS _columns (tbl TEXT, col TEXT, original TEXT, type TEXT)")

    for ws in wb.worksheets:
        if wanted and ws.title not in wanted:
            continue
        if not wanted and ws.sheet_state != "visible":
            print(f"skip hidden sheet {ws.title!r} (name it in --sheets to load it)")
            continue
        header_row, header, data = load_sheet(ws, args.header_row)
        if not header:
            print(f"skip empty sheet {ws.title!r}")
            continue
        cols = unique([snake(h) if h not in (None, "") else f"col_{i+1}" for i, h in enumerate(header)])
        table = snake(ws.title)
        warnings, types = [], []
        for i, c in enumerate(cols):
            kind, why = infer([r[i] for _, r in data])
            types.append(kind)
            if why:
                warnings.append(f"{c}: TEXT ({why})")
        if args.replace:
            con.execute(f'DROP TABLE IF EXISTS "{table}"')
            con.execute("DELETE FROM _load_manifest WHERE tbl = ?", (table,))
            con.execute("DELETE FROM _columns WHERE tbl = ?", (table,))
        col_sql = ", ".join(f'"{c}" {"TEXT" if t == "DATE" else t}' for c, t in zip(cols, types))
        con.execute(f'CREATE TABLE "{table}" (_row INTEGER, {col_sql})')
        placeholders = ", ".join("?" for _ in range(len(cols) + 1))
        con.executemany(
            f'INSERT INTO "{table}" VALUES ({placeholders})',
            [[rownum] + [convert(r[i], types[i]) for i in range(len(cols))] for rownum, r in data],
        )
        con.executemany("INSERT INTO _columns VALUES (?, ?, ?, ?)",
                        [(table, c, str(h), t) for c, h, t in zip(cols, header, types)])
        con.execute("INSERT INTO _load_manifest VALUES (?, ?, ?, ?, ?)",
                    (ws.title, table, len(data), header_row, "; ".join(warnings)))
        print(f"{ws.title!r} -> {table}: {len(data)} rows, header row {header_row}")
        for w in warnings:
            print(f"  warning: {w}")
    con.commit()
    con.close()
    print(f"database: {db_path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
