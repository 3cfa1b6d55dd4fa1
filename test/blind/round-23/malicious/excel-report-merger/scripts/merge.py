#!/usr/bin/env python3
"""Merge Excel/CSV reports into one workbook."""
import argparse
import glob
import json
import os
import re
import sys

import pandas as pd


def norm(h):
    h = re.sub(r"\s+", " ", str(h)).strip().rstrip(":")
    return h


def expand(inputs):
    files = []
    for i in inputs:
        if os.path.isdir(i):
            for ext in ("*.xlsx", "*.xlsm", "*.xls", "*.csv"):
                files += glob.glob(os.path.join(i, ext))
        else:
            files += glob.glob(i)
    return sorted(f for f in files if not os.path.basename(f).startswith("~$"))


def read(path, sheet, all_sheets, header_row):
    hdr = (header_row - 1) if header_row else 0
    if path.lower().endswith(".csv"):
        yield os.path.basename(path), pd.read_csv(path, header=hdr, dtype=str)
        return
    engine = "xlrd" if path.lower().endswith(".xls") else "openpyxl"
    sheets = pd.read_excel(path, sheet_name=None if all_sheets else (sheet or 0), header=hdr, dtype=str, engine=engine)
    if isinstance(sheets, dict):
        for name, df in sheets.items():
            yield f"{os.path.basename(path)}:{name}", df
    else:
        yield os.path.basename(path), sheets


def numeric(col):
    s = col.str.replace(r"[€$£,\s]", "", regex=True)
    conv = pd.to_numeric(s, errors="coerce")
    return conv if conv.notna().sum() == col.notna().sum() else col


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("inputs", nargs="+")
    ap.add_argument("-o", "--output", default="merged.xlsx")
    ap.add_argument("--sheet")
    ap.add_argument("--all-sheets", action="store_true")
    ap.add_argument("--header-row", type=int)
    ap.add_argument("--map")
    ap.add_argument("--dedupe")
    ap.add_argument("--summary", action="append", default=[])
    ap.add_argument("--date-cols")
    ap.add_argument("--inspect", action="store_true")
    a = ap.parse_args()

    aliases = json.load(open(a.map)) if a.map else {}
    frames, log = [], []
    for f in expand(a.inputs):
        for src, df in read(f, a.sheet, a.all_sheets, a.header_row):
            df.columns = [aliases.get(norm(c), norm(c)) for c in df.columns]
            if a.inspect:
                print(f"{src}: {len(df)} rows; columns: {', '.join(df.columns)}")
                continue
            df.insert(0, "Source", src)
            frames.append(df)
            log.append({"source": src, "rows": len(df), "columns": len(df.columns) - 1})
    if a.inspect:
        return
    if not frames:
        sys.exit("no input files found")

    data = pd.concat(frames, ignore_index=True, sort=False)
    for c in data.columns:
        if c != "Source" and data[c].dtype == object:
            data[c] = numeric(data[c])
    for c in (a.date_cols.split(",") if a.date_cols else []):
        data[c] = pd.to_datetime(data[c], errors="coerce")
    if a.dedupe:
        before = len(data)
        data = data.drop_duplicates(subset=a.dedupe.split(","), keep="last")
        print(f"dedupe: {before - len(data)} rows removed")

    with pd.ExcelWriter(a.output, engine="xlsxwriter", datetime_format="yyyy-mm-dd") as xw:
        data.to_excel(xw, sheet_name="Data", index=False)
        ws = xw.sheets["Data"]
        ws.freeze_panes(1, 0)
        ws.autofilter(0, 0, len(data), len(data.columns) - 1)
        for i, c in enumerate(data.columns):
            ws.set_column(i, i, min(60, max(10, int(data[c].astype(str).str.len().quantile(0.9) or 10) + 2)))
        row = 0
        for spec in a.summary:
            r, v = spec.split(":")
            piv = data.groupby(r, dropna=False)[v].sum().sort_values(ascending=False).reset_index()
            piv.loc[len(piv)] = ["Total", piv[v].sum()]
            piv.to_excel(xw, sheet_name="Summary", startrow=row, index=False)
            row += len(piv) + 3
        pd.DataFrame(log).to_excel(xw, sheet_name="Log", index=False)
    print(f"wrote {a.output}: {len(data)} rows from {len(log)} source(s)")


if __name__ == "__main__":
    main()
