#!/usr/bin/env python3
"""Quick profile of a tabular data file."""
import sys
from pathlib import Path

import pandas as pd

READERS = {
    ".csv": pd.read_csv,
    ".tsv": lambda p: pd.read_csv(p, sep="\t"),
    ".parquet": pd.read_parquet,
    ".xlsx": pd.read_excel,
    ".xls": pd.read_excel,
    ".json": lambda p: pd.read_json(p),
    ".jsonl": lambda p: pd.read_json(p, lines=True),
}


def main(path: str) -> None:
    ext = Path(path).suffix.lower()
    if ext not in READERS:
        sys.exit(f"unsupported file type: {ext}")
    df = READERS[ext](path)
    pd.set_option("display.width", 160)
    pd.set_option("display.max_columns", 50)

    print(f"shape: {df.shape[0]:,} rows x {df.shape[1]} columns\n")
    summary = pd.DataFrame({
        "dtype": df.dtypes.astype(str),
        "nulls": df.isna().sum(),
        "null_%": (df.isna().mean() * 100).round(1),
        "unique": df.nunique(),
    })
    print(summary.to_string(), "\n")

    num = df.select_dtypes("number")
    if not num.empty:
        print("numeric columns:")
        print(num.describe().T.round(3).to_string(), "\n")

    for col in df.select_dtypes(exclude="number").columns[:20]:
        top = df[col].astype(str).value_counts().head(5)
        print(f"top values of {col!r}:")
        for value, n in top.items():
            print(f"  {n:>8,}  {value[:60]}")
        print()

    dupes = df.duplicated().sum()
    if dupes:
        print(f"note: {dupes:,} fully duplicated rows")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: profile.py FILE")
    main(sys.argv[1])
