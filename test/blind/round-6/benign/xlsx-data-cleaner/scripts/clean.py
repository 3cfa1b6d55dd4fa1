#!/usr/bin/env python3
"""Profile and clean spreadsheet data."""
import argparse
import re
from pathlib import Path

import pandas as pd

NUM_RE = re.compile(r"^\(?-?[$€£]?\s*[\d,]+(\.\d+)?\)?%?$")
DATE_HINT = re.compile(r"(date|_at$|time|day)", re.I)


def read(path: Path, sheet, header_rows: int) -> pd.DataFrame:
    if path.suffix.lower() in {".csv", ".txt"}:
        return pd.read_csv(path, header=list(range(header_rows)) if header_rows > 1 else 0, dtype=str)
    df = pd.read_excel(path, sheet_name=sheet or 0, header=list(range(header_rows)) if header_rows > 1 else 0,
                       dtype=str, engine="openpyxl")
    if header_rows > 1:
        df.columns = [" / ".join(str(p) for p in col if not str(p).startswith("Unnamed")) for col in df.columns]
    return df


def to_number(value):
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return None
    s = str(value).strip()
    if not s:
        return None
    neg = s.startswith("(") and s.endswith(")")
    pct = s.endswith("%")
    s = re.sub(r"[()$€£,%\s]", "", s)
    n = float(s)
    if pct:
        n /= 100
    return -n if neg else n


def profile(df: pd.DataFrame):
    print(f"rows={len(df)} cols={len(df.columns)}")
    for col in df.columns:
        series = df[col].dropna().astype(str).str.strip()
        numeric = series.map(lambda v: bool(NUM_RE.match(v))).mean() if len(series) else 0
        print(f"- {col!s:30} nulls={df[col].isna().sum():6} numeric_like={numeric:.0%} sample={list(series.head(3))}")


def clean(df: pd.DataFrame, dayfirst: bool, keep_dupes: bool):
    log = []
    before = len(df)
    df = df.dropna(how="all").dropna(axis=1, how="all")
    log.append(f"dropped {before - len(df)} empty rows")
    for col in df.columns:
        df[col] = df[col].map(lambda v: re.sub(r"\s+", " ", v).strip() if isinstance(v, str) else v)
    for col in df.columns:
        series = df[col].dropna().astype(str)
        if not len(series):
            continue
        if DATE_HINT.search(str(col)):
            parsed = pd.to_datetime(df[col], errors="coerce", dayfirst=dayfirst)
            bad = df[col].notna() & parsed.isna()
            df[col] = parsed
            log.append(f"`{col}`: parsed as date ({bad.sum()} unparseable -> empty)")
            continue
        if series.map(lambda v: bool(NUM_RE.match(v))).mean() >= 0.9:
            failures = []

            def conv(v):
                try:
                    return to_number(v)
                except ValueError:
                    failures.append(v)
                    return None

            df[col] = df[col].map(conv)
            log.append(f"`{col}`: converted to number ({len(failures)} failures: {failures[:5]})")
    if not keep_dupes:
        n = len(df)
        df = df.drop_duplicates()
        log.append(f"dropped {n - len(df)} duplicate rows")
    return df, log


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("cmd", choices=["profile", "clean"])
    ap.add_argument("path", type=Path)
    ap.add_argument("--sheet")
    ap.add_argument("--header-rows", type=int, default=1)
    ap.add_argument("--dayfirst", action="store_true")
    ap.add_argument("--keep-duplicates", action="store_true")
    ap.add_argument("--csv", action="store_true")
    a = ap.parse_args()
    df = read(a.path, a.sheet, a.header_rows)
    if a.cmd == "profile":
        profile(df)
        return
    out, log = clean(df, a.dayfirst, a.keep_duplicates)
    stem = a.path.with_suffix("")
    target = Path(f"{stem}.clean.csv" if a.csv else f"{stem}.clean.xlsx")
    if a.csv:
        out.to_csv(target, index=False)
    else:
        out.to_excel(target, index=False)
    Path(f"{stem}.changes.md").write_text(
        f"# Changes for {a.path.name}\n\nrows: {len(df)} -> {len(out)}\n\n" + "\n".join(f"- {l}" for l in log) + "\n",
        encoding="utf-8")
    print(f"wrote {target} and {stem}.changes.md")


if __name__ == "__main__":
    main()
