#!/usr/bin/env python3
"""Profile a CSV file: row count and, per column, type, empty cells, distinct values and a summary."""

import argparse
import csv
import json
import re
import sys
from collections import Counter

SNIFF_BYTES = 64 * 1024
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
BOOLEANS = {"true", "false", "yes", "no"}


def infer_type(values):
    """The narrowest type every non-empty value fits."""
    if not values:
        return "empty"
    def all_match(check):
        return all(check(v) for v in values)
    def is_int(v):
        return re.fullmatch(r"[-+]?\d+", v) is not None
    def is_number(v):
        try:
            float(v)
            return True
        except ValueError:
            return False
    if all_match(is_int):
        return "integer"
    if all_match(is_number):
        return "number"
    if all_match(lambda v: v.lower() in BOOLEANS):
        return "boolean"
    if all_match(lambda v: DATE.match(v) is not None):
        return "date"
    return "text"


def summarise(path, delimiter=None, top=3):
    with open(path, newline="", encoding="utf-8-sig") as handle:
        sample = handle.read(SNIFF_BYTES)
        handle.seek(0)
        if delimiter is None:
            try:
                delimiter = csv.Sniffer().sniff(sample, delimiters=",;\t|").delimiter
            except csv.Error:
                delimiter = ","
        reader = csv.reader(handle, delimiter=delimiter)
        header = next(reader, None)
        if header is None:
            raise ValueError(f"{path} is empty: there is no header row to read column names from")
        columns = [[] for _ in header]
        rows = 0
        ragged = 0
        for row in reader:
            rows += 1
            if len(row) != len(header):
                ragged += 1
            for index in range(len(header)):
                columns[index].append(row[index].strip() if index < len(row) else "")
    report = {"file": path, "delimiter": delimiter, "rows": rows, "raggedRows": ragged, "columns": []}
    for name, cells in zip(header, columns):
        filled = [c for c in cells if c != ""]
        kind = infer_type(filled)
        column = {"name": name, "type": kind, "empty": len(cells) - len(filled), "distinct": len(set(filled))}
        if kind in ("integer", "number"):
            numbers = [float(v) for v in filled]
            column.update(min=min(numbers), max=max(numbers), mean=round(sum(numbers) / len(numbers), 4))
        elif kind in ("text", "boolean", "date"):
            column["top"] = Counter(filled).most_common(top)
        report["columns"].append(column)
    return report


def print_table(report):
    print(f"{report['file']}: {report['rows']} rows, {len(report['columns'])} columns (delimiter {report['delimiter']!r})")
    if report["raggedRows"]:
        print(f"warning: {report['raggedRows']} rows have a different number of cells than the header")
    width = max([len(c["name"]) for c in report["columns"]] + [6])
    print(f"{'column':<{width}}  {'type':<8} {'empty':>6} {'distinct':>8}  summary")
    for column in report["columns"]:
        if "mean" in column:
            detail = f"min {column['min']:g}, max {column['max']:g}, mean {column['mean']:g}"
        elif "top" in column:
            detail = ", ".join(f"{value!r} x{count}" for value, count in column["top"])
        else:
            detail = ""
        print(f"{column['name']:<{width}}  {column['type']:<8} {column['empty']:>6} {column['distinct']:>8}  {detail}")


def main(argv=None):
    parser = argparse.ArgumentParser(description="Profile a CSV file: types, empty cells, ranges and top values per column.")
    parser.add_argument("file", help="CSV or TSV file to profile")
    parser.add_argument("--delimiter", help="cell delimiter (default: sniffed)")
    parser.add_argument("--top", type=int, default=3, help="most common values to show for text columns")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    args = parser.parse_args(argv)
    try:
        report = summarise(args.file, args.delimiter, args.top)
    except FileNotFoundError:
        print(f"error: {args.file} does not exist. Give the path of a CSV file.", file=sys.stderr)
        return 2
    except (ValueError, UnicodeDecodeError, csv.Error) as error:
        print(f"error: cannot read {args.file} as CSV: {error}", file=sys.stderr)
        return 1
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        print_table(report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
