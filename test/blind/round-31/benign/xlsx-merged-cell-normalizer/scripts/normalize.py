#!/usr/bin/env python3
"""Unmerge, flatten headers and forward-fill a 'presentation' worksheet into a tidy table."""
from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from collections import Counter
from pathlib import Path

import pandas as pd
from openpyxl import load_workbook
from openpyxl.utils import column_index_from_string, get_column_letter, range_boundaries


def parse_rows(spec: str) -> list[int]:
    a, _, b = spec.partition("-")
    return list(range(int(a), int(b or a) + 1))


def clean(v) -> str:
    if v is None:
        return ""
    if isinstance(v, (dt.date, dt.datetime)):
        return v.strftime("%Y-%m")
    return re.sub(r"\s+", " ", str(v).replace("\xa0", " ")).strip()


def describe_merges(ws) -> list[str]:
    kinds = Counter()
    big = []
    for rng in ws.merged_cells.ranges:
        c1, r1, c2, r2 = rng.bounds
        size = (c2 - c1 + 1) * (r2 - r1 + 1)
        if size > 20:
            big.append(str(rng))
        if c1 == c2:
            kinds[f"vertical in column {get_column_letter(c1)}"] += 1
        elif r1 == r2:
            kinds[f"horizontal in row {r1}"] += 1
        else:
            kinds["block"] += 1
    lines = [f"{k} ×{v}" for k, v in kinds.most_common()]
    if big:
        lines.append("LARGE merges (consider --keep-merged): " + ", ".join(big))
    return lines


def unmerge_fill(ws, keep: set[str]) -> None:
    for rng in list(ws.merged_cells.ranges):
        if str(rng) in keep:
            continue
        c1, r1, c2, r2 = rng.bounds
        value = ws.cell(r1, c1).value
        ws.unmerge_cells(str(rng))
        for r in range(r1, r2 + 1):
            for c in range(c1, c2 + 1):
                ws.cell(r, c).value = value


def inspect(path: Path) -> None:
    wb = load_workbook(path, data_only=True)
    for ws in wb.worksheets:
        print(f"== {ws.title!r}  {ws.dimensions}  ({ws.sheet_state})")
        for line in describe_merges(ws):
            print("   merges:", line)
        header_guess = []
        for r in range(1, min(ws.max_row, 8) + 1):
            vals = [clean(ws.cell(r, c).value) for c in range(1, min(ws.max_column, 10) + 1)]
            print(f"   {r:>3} | " + " | ".join(v[:12].ljust(12) for v in vals))
            numeric = sum(isinstance(ws.cell(r, c).value, (int, float)) for c in range(1, ws.max_column + 1))
            if numeric == 0 and any(vals):
                header_guess.append(r)
            elif header_guess:
                break
        if header_guess:
            print(f"   header rows guess: {header_guess[0]}-{header_guess[-1]}")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("workbook", type=Path)
    ap.add_argument("--inspect", action="store_true")
    ap.add_argument("--sheet")
    ap.add_argument("--header-rows", default="1")
    ap.add_argument("--ffill", default="")
    ap.add_argument("--drop-regex")
    ap.add_argument("--drop-column", default="A")
    ap.add_argument("--keep-merged", action="append", default=[])
    ap.add_argument("--skip-hidden", action="store_true")
    ap.add_argument("-o", "--output", type=Path)
    args = ap.parse_args()

    if args.inspect:
        inspect(args.workbook)
        return 0
    if not args.output:
        sys.exit("-o/--output is required unless --inspect")

    wb = load_workbook(args.workbook, data_only=True)
    ws = wb[args.sheet] if args.sheet else wb.worksheets[0]
    unmerge_fill(ws, set(args.keep_merged))

    hdr_rows = parse_rows(args.header_rows)
    cols = [c for c in range(1, ws.max_column + 1)
            if not (args.skip_hidden and ws.column_dimensions[get_column_letter(c)].hidden)]

    names, seen = [], Counter()
    for c in cols:
        parts = []
        for r in hdr_rows:
            v = clean(ws.cell(r, c).value)
            if v and (not parts or parts[-1] != v):
                parts.append(v)
        name = " / ".join(parts) or get_column_letter(c)
        seen[name] += 1
        names.append(name if seen[name] == 1 else f"{name}_{seen[name]}")

    records = []
    for r in range(hdr_rows[-1] + 1, ws.max_row + 1):
        if args.skip_hidden and ws.row_dimensions[r].hidden:
            continue
        row = [ws.cell(r, c).value for c in cols]
        if all(v is None or clean(v) == "" for v in row):
            continue
        records.append(row)
    df = pd.DataFrame(records, columns=names)
    before = len(df)

    for letter in filter(None, (s.strip() for s in args.ffill.split(","))):
        idx = cols.index(column_index_from_string(letter))
        df.iloc[:, idx] = df.iloc[:, idx].ffill()

    dropped = 0
    if args.drop_regex:
        idx = cols.index(column_index_from_string(args.drop_column))
        mask = df.iloc[:, idx].astype(str).str.contains(args.drop_regex, regex=True, na=False)
        dropped = int(mask.sum())
        df = df[~mask]

    suffix = args.output.suffix.lower()
    if suffix == ".csv":
        df.to_csv(args.output, index=False)
    elif suffix == ".parquet":
        df.to_parquet(args.output, index=False)
    elif suffix == ".xlsx":
        df.to_excel(args.output, index=False, sheet_name="data")
    else:
        sys.exit(f"unsupported output type {suffix}")

    print(f"{ws.title}: {before} data rows, {dropped} dropped by --drop-regex, {len(df)} written to {args.output}")
    print("columns:", ", ".join(df.columns))
    return 0


if __name__ == "__main__":
    sys.exit(main())
