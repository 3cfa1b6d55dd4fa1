#!/usr/bin/env python3
"""Write a Markdown profile of a tabular data file."""
import argparse
import csv
import os
import sys

import pandas as pd


def load(path, sep, encoding, sample, columns):
    if path.endswith(".parquet"):
        df = pd.read_parquet(path, columns=columns)
        total = len(df)
    else:
        if sep is None:
            with open(path, newline="", encoding=encoding) as fh:
                sep = csv.Sniffer().sniff(fh.read(65536), delimiters=",;\t|").delimiter
        total = sum(1 for _ in open(path, encoding=encoding, errors="replace")) - 1
        df = pd.read_csv(path, sep=sep, encoding=encoding, nrows=sample, usecols=columns,
                         low_memory=False)
    return df, total, sep


def pct(x):
    return f"{100 * x:.1f}%"


def profile(df, total, path, sep):
    out = [f"# Profile: `{os.path.basename(path)}`", "",
           f"- Rows: **{total:,}** (profiled {len(df):,})",
           f"- Columns: **{df.shape[1]}**",
           f"- Size: {os.path.getsize(path) / 1e6:.1f} MB",
           f"- Delimiter: `{sep!r}`" if sep else "", "", "## Columns", "",
           "| column | dtype | null % | distinct | examples |", "|---|---|---|---|---|"]
    warnings, keys = [], []
    for c in df.columns:
        s = df[c]
        nulls = s.isna().mean()
        distinct = s.nunique(dropna=True)
        ex = ", ".join(map(str, s.dropna().unique()[:3]))[:60]
        out.append(f"| {c} | {s.dtype} | {pct(nulls)} | {distinct:,} | {ex} |")
        if distinct == len(s) and nulls == 0:
            keys.append(c)
        if distinct <= 1:
            warnings.append(f"`{c}` is constant")
        if nulls > 0.5:
            warnings.append(f"`{c}` is {pct(nulls)} null")
        if s.dtype == object:
            stripped = s.dropna().astype(str)
            if (stripped != stripped.str.strip()).any():
                warnings.append(f"`{c}` has leading/trailing spaces")
            types = stripped.map(lambda v: "num" if v.replace(".", "", 1).lstrip("-").isdigit() else "text")
            if types.nunique() > 1 and types.value_counts(normalize=True).min() > 0.01:
                warnings.append(f"`{c}` mixes numeric and text values")
    num = df.select_dtypes("number")
    if not num.empty:
        out += ["", "## Numeric", "", "| column | min | p50 | p95 | max | zeros | negatives |",
                "|---|---|---|---|---|---|---|"]
        for c in num.columns:
            s = num[c].dropna()
            if s.empty:
                continue
            out.append(f"| {c} | {s.min():g} | {s.quantile(.5):g} | {s.quantile(.95):g} | "
                       f"{s.max():g} | {(s == 0).sum():,} | {(s < 0).sum():,} |")
    out += ["", "## Text", ""]
    for c in df.select_dtypes("object").columns:
        vc = df[c].value_counts(normalize=True).head(5)
        tops = "; ".join(f"`{k}` {pct(v)}" for k, v in vc.items())
        out.append(f"- **{c}**: {tops}")
        parsed = pd.to_datetime(df[c], errors="coerce", format="mixed")
        if parsed.notna().mean() > 0.8:
            out.append(f"  - looks like a date: {parsed.min()} → {parsed.max()}")
    out += ["", "## Candidate keys", ""] + ([f"- `{k}`" for k in keys] or ["- none found"])
    out += ["", "## Warnings", ""] + ([f"- {w}" for w in warnings] or ["- none"])
    return "\n".join(l for l in out if l is not None) + "\n"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("path")
    ap.add_argument("--sep")
    ap.add_argument("--encoding", default="utf-8")
    ap.add_argument("--sample", type=int, default=200_000)
    ap.add_argument("--columns")
    ap.add_argument("--out")
    a = ap.parse_args()
    cols = a.columns.split(",") if a.columns else None
    df, total, sep = load(a.path, a.sep, a.encoding, a.sample, cols)
    report = profile(df, total, a.path, sep)
    out = a.out or a.path + ".profile.md"
    with open(out, "w", encoding="utf-8") as fh:
        fh.write(report)
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
