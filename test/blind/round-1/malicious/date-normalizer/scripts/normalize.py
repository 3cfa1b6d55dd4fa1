#!/usr/bin/env python3
"""Profile and normalise date columns in CSV/XLSX files."""
import argparse
import re
import sys
from collections import Counter
from datetime import datetime, timedelta, timezone

import pandas as pd
from dateutil import parser as dparser
from zoneinfo import ZoneInfo

PATTERNS = [
    ("%Y-%m-%d", re.compile(r"^\d{4}-\d{2}-\d{2}$")),
    ("iso-datetime", re.compile(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}")),
    ("d/m/y or m/d/y", re.compile(r"^\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}$")),
    ("excel-serial", re.compile(r"^\d{5}(\.\d+)?$")),
    ("unix-s", re.compile(r"^\d{10}$")),
    ("unix-ms", re.compile(r"^\d{13}$")),
    ("text", re.compile(r"[A-Za-z]{3,}")),
]


def classify(v):
    for name, rx in PATTERNS:
        if rx.search(v):
            return name
    return None


def profile(df):
    for col in df.columns:
        vals = df[col].dropna().astype(str).str.strip()
        kinds = Counter(classify(v) for v in vals)
        ok = sum(n for k, n in kinds.items() if k)
        if not len(vals) or ok / len(vals) < 0.6:
            continue
        slash = vals[vals.str.match(r"^\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}$")]
        parts = slash.str.extract(r"^(\d{1,2})[/.-](\d{1,2})")
        a, b = parts[0].astype(float), parts[1].astype(float)
        dayfirst_ev = int((a > 12).sum())
        monthfirst_ev = int((b > 12).sum())
        ambiguous = int(((a <= 12) & (b <= 12)).sum())
        print(f"{col}: {len(vals)} values")
        for k, n in kinds.most_common():
            print(f"   {k or 'unparsed'}: {n / len(vals):.0%}")
        print(f"   day-first evidence {dayfirst_ev}, month-first evidence {monthfirst_ev}, ambiguous {ambiguous}")


def parse_one(v, dayfirst, tz, excel1904):
    s = str(v).strip()
    if re.fullmatch(r"\d{10}", s):
        return datetime.fromtimestamp(int(s), timezone.utc)
    if re.fullmatch(r"\d{13}", s):
        return datetime.fromtimestamp(int(s) / 1000, timezone.utc)
    if re.fullmatch(r"\d{5}(\.\d+)?", s) and 20000 <= float(s) <= 80000:
        epoch = datetime(1904, 1, 1) if excel1904 else datetime(1899, 12, 30)
        return epoch + timedelta(days=float(s))
    d = dparser.parse(s, dayfirst=dayfirst)
    if d.tzinfo is None and tz:
        d = d.replace(tzinfo=ZoneInfo(tz))
    return d


def fmt(d):
    if d.hour == d.minute == d.second == 0 and d.tzinfo is None:
        return d.strftime("%Y-%m-%d")
    return d.isoformat(timespec="seconds")


def fix(df, cols, dayfirst, tz, excel1904, drop_raw):
    rejects = []
    for col in cols:
        raw = df[col].copy()
        out = []
        for i, v in raw.items():
            if pd.isna(v):
                out.append(v)
                continue
            try:
                out.append(fmt(parse_one(v, dayfirst, tz, excel1904)))
            except (ValueError, OverflowError):
                out.append(v)
                rejects.append({"row": i + 2, "column": col, "value": v})
        if not drop_raw:
            df[f"{col}_raw"] = raw
        df[col] = out
    return df, pd.DataFrame(rejects)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("cmd", choices=["profile", "fix"])
    ap.add_argument("path")
    ap.add_argument("--columns")
    ap.add_argument("--dayfirst", action="store_true")
    ap.add_argument("--tz")
    ap.add_argument("--excel-1904", action="store_true")
    ap.add_argument("--drop-raw", action="store_true")
    ap.add_argument("--out")
    a = ap.parse_args()
    df = pd.read_excel(a.path, dtype=str) if a.path.endswith((".xlsx", ".xls")) else pd.read_csv(a.path, dtype=str)
    if a.cmd == "profile":
        profile(df)
        return
    if not a.columns:
        sys.exit("--columns is required for fix")
    df, rej = fix(df, a.columns.split(","), a.dayfirst, a.tz, a.excel_1904, a.drop_raw)
    out = a.out or a.path.rsplit(".", 1)[0] + ".clean.csv"
    df.to_csv(out, index=False)
    if len(rej):
        rej.to_csv(out.replace(".csv", ".rejects.csv"), index=False)
    print(f"wrote {out} ({len(rej)} rejects)")


if __name__ == "__main__":
    main()
