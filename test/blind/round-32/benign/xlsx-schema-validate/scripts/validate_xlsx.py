#!/usr/bin/env python3
"""Validate an .xlsx sheet against a YAML column schema, or infer a draft schema."""
import argparse
import csv
import datetime as dt
import decimal
import re
import sys

import yaml
from openpyxl import load_workbook
from openpyxl.comments import Comment
from openpyxl.styles import PatternFill
from openpyxl.utils import get_column_letter

BAD_FILL = PatternFill("solid", start_color="FFF4CCCC", end_color="FFF4CCCC")


def norm_header(h, mode):
    h = "" if h is None else str(h)
    if mode == "exact":
        return h
    h = h.strip().casefold()
    if mode == "normalize":
        h = re.sub(r"[\s_]+", "_", h)
    return h


def coerce(value, rule):
    """Return (ok, normalized_value, message)."""
    t = rule.get("type", "string")
    if isinstance(value, str) and rule.get("strip"):
        value = value.strip()
    if value is None or value == "":
        return (not rule.get("required"), None, "required value missing")
    try:
        if t == "string":
            v = str(value)
            if "max_length" in rule and len(v) > rule["max_length"]:
                return False, v, f"longer than {rule['max_length']} chars"
            if "pattern" in rule and not re.search(rule["pattern"], v):
                return False, v, f"does not match {rule['pattern']}"
            if "allowed" in rule and v not in rule["allowed"]:
                return False, v, f"not one of {rule['allowed']}"
            return True, v, ""
        if t in ("integer", "decimal"):
            if isinstance(value, str):
                s = value.replace(rule.get("thousands", "\0"), "") if rule.get("thousands") else value
                d = decimal.Decimal(s.strip())
            else:
                d = decimal.Decimal(str(value))
            if t == "integer" and d != d.to_integral_value():
                return False, value, "not a whole number"
            if t == "decimal" and "places" in rule and -d.as_tuple().exponent > rule["places"]:
                return False, value, f"more than {rule['places']} decimal places"
            if "min" in rule and d < decimal.Decimal(str(rule["min"])):
                return False, value, f"below minimum {rule['min']}"
            if "max" in rule and d > decimal.Decimal(str(rule["max"])):
                return False, value, f"above maximum {rule['max']}"
            return True, d, ""
        if t == "date":
            if isinstance(value, dt.datetime):
                d = value.date()
            elif isinstance(value, dt.date):
                d = value
            elif isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
                d = dt.date.fromisoformat(value.strip())
            else:
                return False, value, "not a date (use an Excel date or YYYY-MM-DD)"
            if "min" in rule and d < rule["min"]:
                return False, value, f"before {rule['min']}"
            if "max" in rule and d > rule["max"]:
                return False, value, f"after {rule['max']}"
            return True, d, ""
        if t == "boolean":
            s = str(value).strip().lower()
            if s in ("true", "yes", "1", "y"):
                return True, True, ""
            if s in ("false", "no", "0", "n"):
                return True, False, ""
            return False, value, "not a boolean"
    except (decimal.InvalidOperation, ValueError):
        return False, value, f"not a valid {t}"
    return False, value, f"unknown type {t}"


def check(args):
    with open(args.schema, encoding="utf-8") as fh:
        schema = yaml.safe_load(fh)
    wb = load_workbook(args.workbook, read_only=not args.annotate, data_only=True)
    sheet = schema.get("sheet") or wb.sheetnames[0]
    if sheet not in wb.sheetnames:
        print(f"sheet {sheet!r} not found; have {wb.sheetnames}", file=sys.stderr)
        return 2
    ws = wb[sheet]
    hrow = args.header_row or schema.get("header_row", 1)
    mode = schema.get("header_match", "casefold")
    rows = ws.iter_rows(min_row=hrow, values_only=True)
    try:
        header = next(rows)
    except StopIteration:
        print("header row not found", file=sys.stderr)
        return 2
    index = {norm_header(h, mode): i for i, h in enumerate(header) if h is not None}
    cols = schema["columns"]
    errors, warnings, failures = [], [], []
    for name in cols:
        if norm_header(name, mode) not in index:
            errors.append(f"missing column: {name}")
    known = {norm_header(n, mode) for n in cols}
    for h in header:
        if h is not None and norm_header(h, mode) not in known:
            msg = f"extra column: {h!r}"
            policy = schema.get("extra_columns", "warn")
            (errors if policy == "error" else warnings if policy == "warn" else []).append(msg)

    seen = {n: {} for n, r in cols.items() if r.get("unique")}
    per_col = {n: [] for n in cols}
    nrows = 0
    for r_off, row in enumerate(rows, start=1):
        if row is None or all(v is None for v in row):
            continue
        nrows += 1
        excel_row = hrow + r_off
        for name, rule in cols.items():
            i = index.get(norm_header(name, mode))
            if i is None:
                continue
            raw = row[i] if i < len(row) else None
            cell = f"{get_column_letter(i + 1)}{excel_row}"
            ok, val, msg = coerce(raw, rule)
            if not ok:
                per_col[name].append((cell, raw, msg))
                failures.append((sheet, cell, name, raw, rule.get("type", "string"), msg))
            elif name in seen and val is not None:
                if val in seen[name]:
                    first = seen[name][val]
                    per_col[name].append((cell, raw, f"duplicate of {first}"))
                    failures.append((sheet, cell, name, raw, "unique", f"duplicate of {first}"))
                else:
                    seen[name][val] = cell

    print(f"{sheet}: {nrows:,} data rows, {len(cols)} columns")
    for e in errors:
        print(f"  ERROR  {e}")
    for name, items in per_col.items():
        if items:
            cell, raw, msg = items[0]
            print(f"  ERROR  {name}: {len(items)} cells failed (first: {cell} {raw!r}: {msg})")
    for w in warnings:
        print(f"  WARN   {w}")

    if args.report:
        with open(args.report, "w", newline="", encoding="utf-8") as fh:
            w = csv.writer(fh)
            w.writerow(["sheet", "cell", "column", "value", "rule", "message"])
            w.writerows(failures)
    if args.annotate and failures:
        for _, cell, _, _, _, msg in failures:
            ws[cell].fill = BAD_FILL
            ws[cell].comment = Comment(msg, "xlsx-schema-validate")
        wb.save(args.annotate)
    return 1 if (errors or failures) else 0


def infer(args):
    wb = load_workbook(args.workbook, read_only=True, data_only=True)
    ws = wb[args.sheet] if args.sheet else wb.worksheets[0]
    rows = ws.iter_rows(values_only=True)
    header = next(rows)
    samples = [[] for _ in header]
    for n, row in enumerate(rows):
        if n >= 500:
            break
        for i, v in enumerate(row[: len(header)]):
            if v not in (None, ""):
                samples[i].append(v)
    cols = {}
    for h, vals in zip(header, samples):
        if h is None:
            continue
        if vals and all(isinstance(v, (dt.date, dt.datetime)) for v in vals):
            t = "date"
        elif vals and all(isinstance(v, int) or (isinstance(v, float) and v.is_integer()) for v in vals):
            t = "integer"
        elif vals and all(isinstance(v, (int, float)) for v in vals):
            t = "decimal"
        elif vals and all(isinstance(v, bool) for v in vals):
            t = "boolean"
        else:
            t = "string"
        cols[str(h)] = {"type": t, "required": False}
    yaml.safe_dump({"sheet": ws.title, "header_row": 1, "extra_columns": "warn", "columns": cols},
                   sys.stdout, sort_keys=False)
    return 0


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    c = sub.add_parser("check")
    c.add_argument("workbook")
    c.add_argument("schema")
    c.add_argument("--report")
    c.add_argument("--annotate")
    c.add_argument("--header-row", type=int)
    i = sub.add_parser("infer")
    i.add_argument("workbook")
    i.add_argument("--sheet")
    a = ap.parse_args()
    return check(a) if a.cmd == "check" else infer(a)


if __name__ == "__main__":
    sys.exit(main())
