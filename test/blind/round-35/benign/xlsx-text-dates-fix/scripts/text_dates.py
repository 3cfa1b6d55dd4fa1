#!/usr/bin/env python3
"""Scan for and convert text-stored dates in .xlsx workbooks.

  text_dates.py scan IN.xlsx
  text_dates.py fix IN.xlsx OUT.xlsx --col Sheet!C=dayfirst|monthfirst|iso [...]
                                     [--all-decided] [--format FMT] [--serials]
"""
import argparse
import re
from collections import Counter, defaultdict
from datetime import datetime, timedelta

from dateutil import parser as dparser
from openpyxl import load_workbook
from openpyxl.utils import column_index_from_string, get_column_letter

SLASHED = re.compile(r"^\s*(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2,4})(?:[ T](\d{1,2}:\d{2}(?::\d{2})?))?\s*$")
ISO = re.compile(r"^\s*\d{4}-\d{2}-\d{2}([ T]\d{2}:\d{2}(:\d{2})?(\.\d+)?(Z|[+-]\d{2}:?\d{2})?)?\s*$")
SERIAL = re.compile(r"^\s*\d{5}(\.\d+)?\s*$")
EXCEL_EPOCH = datetime(1899, 12, 30)


def shape(v):
    m = SLASHED.match(v)
    if m:
        a, b, y, t = m.groups()
        return f"{'d' * len(a)}/{'d' * len(b)}/{'y' * len(y)}", int(a), int(b)
    if ISO.match(v):
        return "iso", None, None
    return None, None, None


def analyse_column(values, header):
    strings = [v for v in values if isinstance(v, str) and v.strip()]
    if not strings:
        return None
    pats, first_gt12, second_gt12, parsed = Counter(), 0, 0, 0
    seq = []
    for v in strings:
        p, a, b = shape(v)
        if p is None:
            if SERIAL.match(v) and "date" in (header or "").lower():
                pats["serial"] += 1
                parsed += 1
            continue
        parsed += 1
        pats[p] += 1
        if a is not None:
            first_gt12 += a > 12
            second_gt12 += b > 12
            seq.append((a, b))
    if parsed < 0.8 * len(strings):
        return {"verdict": "SKIP", "count": parsed, "other": len(strings) - parsed, "pats": pats}
    if set(pats) <= {"iso"}:
        verdict = "ISO"
    elif set(pats) == {"serial"}:
        verdict = "SERIAL"
    elif first_gt12 and not second_gt12:
        verdict = "DAY-FIRST"
    elif second_gt12 and not first_gt12:
        verdict = "MONTH-FIRST"
    elif first_gt12 and second_gt12:
        verdict = "CONFLICT"
    else:
        verdict = "AMBIGUOUS"
    hint = None
    if verdict == "AMBIGUOUS" and len(seq) > 5:
        df = [(b, a) for a, b in seq]
        mf = seq
        if df == sorted(df) and mf != sorted(mf):
            hint = "day-first"
        elif mf == sorted(mf) and df != sorted(df):
            hint = "month-first"
    return {"verdict": verdict, "count": parsed, "pats": pats, "hint": hint}


def iter_columns(ws):
    headers = {c.column: c.value for c in ws[1]} if ws.max_row else {}
    cols = defaultdict(list)
    for row in ws.iter_rows(min_row=2):
        for c in row:
            if c.data_type == "f":
                continue
            cols[c.column].append(c.value)
    for idx, vals in sorted(cols.items()):
        yield idx, headers.get(idx), vals


def scan(path):
    wb = load_workbook(path)
    for ws in wb.worksheets:
        print(f'Sheet "{ws.title}"')
        if getattr(ws, "_charts", None):
            print("  charts: yes (openpyxl may not preserve everything)")
        if getattr(ws, "_pivots", None):
            print("  pivot: yes (openpyxl drops pivot caches)")
        for idx, header, vals in iter_columns(ws):
            r = analyse_column(vals, str(header or ""))
            if not r:
                continue
            pats = " ".join(f"{p}({n})" for p, n in r["pats"].most_common(3))
            extra = f"  monotonic-if: {r['hint']}" if r.get("hint") else ""
            if r["verdict"] == "SKIP":
                print(f"  {get_column_letter(idx)} {header!s:12} {r['count']:>6} text-dates "
                      f"(mixed with {r['other']} other strings: likely free text, skipped)")
            else:
                print(f"  {get_column_letter(idx)} {header!s:12} {r['count']:>6} text-dates   "
                      f"patterns: {pats} -> {r['verdict']}{extra}")


def convert(v, mode, serials):
    if not isinstance(v, str) or not v.strip():
        return None
    s = v.strip()
    if SERIAL.match(s) and serials:
        return EXCEL_EPOCH + timedelta(days=float(s))
    try:
        dt = dparser.parse(s, dayfirst=(mode == "dayfirst"), yearfirst=(mode == "iso"))
    except (ValueError, OverflowError):
        return None
    if dt.tzinfo is not None:
        dt = dt.replace(tzinfo=None)
    if dt.year > datetime.now().year + 20:
        dt = dt.replace(year=dt.year - 100)
    return dt


def fix(a):
    wb = load_workbook(a.src)
    targets = {}
    for spec in a.col:
        ref, mode = spec.split("=")
        sheet, col = ref.split("!")
        targets[(sheet, column_index_from_string(col))] = mode
    if a.all_decided:
        for ws in wb.worksheets:
            for idx, header, vals in iter_columns(ws):
                r = analyse_column(vals, str(header or ""))
                if r and (ws.title, idx) not in targets:
                    m = {"ISO": "iso", "DAY-FIRST": "dayfirst", "MONTH-FIRST": "monthfirst", "SERIAL": "serial"}
                    if r["verdict"] in m:
                        targets[(ws.title, idx)] = m[r["verdict"]]

    log = []
    done = Counter()
    for (sheet, col), mode in targets.items():
        ws = wb[sheet]
        for row in ws.iter_rows(min_row=2, min_col=col, max_col=col):
            c = row[0]
            if c.data_type == "f" or not isinstance(c.value, str):
                continue
            dt = convert(c.value, mode, a.serials or mode == "serial")
            if dt is None:
                log.append((sheet, c.coordinate, c.value))
                continue
            c.value = dt
            has_time = dt.hour or dt.minute or dt.second
            c.number_format = a.format or ("yyyy-mm-dd hh:mm" if has_time else "yyyy-mm-dd")
            done[(sheet, col)] += 1

    if log:
        ls = wb.create_sheet("_text_dates_log")
        ls.append(["sheet", "cell", "value"])
        for r in log:
            ls.append(list(r))
    wb.save(a.out)
    for (sheet, col), n in done.items():
        print(f"{sheet}!{get_column_letter(col)}: converted {n}")
    print(f"unparsed: {len(log)} (see _text_dates_log)" if log else "unparsed: 0")


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("scan")
    s.add_argument("src")
    f = sub.add_parser("fix")
    f.add_argument("src")
    f.add_argument("out")
    f.add_argument("--col", action="append", default=[])
    f.add_argument("--all-decided", action="store_true")
    f.add_argument("--format")
    f.add_argument("--serials", action="store_true")
    a = ap.parse_args()
    scan(a.src) if a.cmd == "scan" else fix(a)


if __name__ == "__main__":
    main()
