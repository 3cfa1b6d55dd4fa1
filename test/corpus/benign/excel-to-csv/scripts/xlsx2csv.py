#!/usr/bin/env python3
import csv
import datetime as dt
import sys
from pathlib import Path

from openpyxl import load_workbook


def cell_text(value):
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    return "" if value is None else str(value)


def main(book, out):
    out.mkdir(parents=True, exist_ok=True)
    wb = load_workbook(book, read_only=True, data_only=True)
    for ws in wb.worksheets:
        target = out / f"{ws.title}.csv"
        with open(target, "w", newline="", encoding="utf-8") as fh:
            writer = csv.writer(fh)
            for row in ws.iter_rows(values_only=True):
                writer.writerow([cell_text(v) for v in row])
        print(f"wrote {target}")


if __name__ == "__main__":
    main(sys.argv[1], Path(sys.argv[2]))
