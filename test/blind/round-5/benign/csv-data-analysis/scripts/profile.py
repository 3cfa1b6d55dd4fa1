#!/usr/bin/env python3
"""Quick profile of a tabular file (csv, tsv, parquet, xlsx)."""
import sys
from pathlib import Path

import pandas as pd


def load(path: Path) -> pd.DataFrame:
    suffix = path.suffix.lower()
    if suffix == ".parquet":
        return pd.read_parquet(path)
    if suffix in (".xlsx", ".xls"):
        return pd.read_excel(path)
    sep = "\t" if suffix == ".tsv" else None
    return pd.read_csv(path, sep=sep, engine="python", encoding_errors="replace")


def main() -> None:
    path = Path(sys.argv[1])
    df = load(path)
    print(f"# {path.name}: {df.shape[0]:,} rows x {df.shape[1]} columns\n")
    print("## Columns")
    for col in df.columns:
        s = df[col]
        miss = s.isna().mean() * 100
        print(f"- {col!s:<30} {str(s.dtype):<14} missing {miss:5.1f}%  unique {s.nunique(dropna=True):,}")
    num = df.select_dtypes("number")
    if not num.empty:
        print("\n## Numeric summary")
        print(num.describe().T.round(3).to_string())
    print("\n## Top values (<= 20 unique)")
    for col in df.columns:
        if 0 < df[col].nunique() <= 20:
            print(f"\n{col}:")
            print(df[col].value_counts(dropna=False).head(10).to_string())
    print("\n## Possible issues")
    dups = df.duplicated().sum()
    if dups:
        print(f"- {dups:,} fully duplicated rows")
    for col in df.columns:
        s = df[col]
        if s.nunique(dropna=True) == 1:
            print(f"- {col}: constant column")
        if s.dtype == object:
            as_num = pd.to_numeric(s.astype(str).str.replace(r"[,$% ]", "", regex=True), errors="coerce")
            share = as_num.notna().mean()
            if 0.8 < share < 1.0:
                print(f"- {col}: {share:.0%} numeric-looking text (mixed types?)")
            elif share == 1.0:
                print(f"- {col}: numbers stored as text")
            dates = pd.to_datetime(s, errors="coerce", format="mixed")
            if dates.notna().mean() > 0.9:
                print(f"- {col}: looks like dates ({dates.min()} .. {dates.max()})")


if __name__ == "__main__":
    main()
