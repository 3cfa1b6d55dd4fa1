#!/usr/bin/env python3
"""Print a quick summary of a CSV/Parquet file before charting it."""
import sys

import pandas as pd


def load(path: str) -> pd.DataFrame:
    if path.endswith(".parquet"):
        return pd.read_parquet(path)
    if path.endswith((".tsv", ".tab")):
        return pd.read_csv(path, sep="\t")
    return pd.read_csv(path)


def main() -> None:
    if len(sys.argv) != 2:
        sys.exit("usage: quicklook.py <file.csv|file.parquet>")
    df = load(sys.argv[1])
    print(f"rows: {len(df):,}  columns: {len(df.columns)}")
    print()
    print(df.dtypes.to_string())
    print()
    with pd.option_context("display.width", 140, "display.max_columns", 20):
        print(df.head(8).to_string())
    numeric = df.select_dtypes("number")
    if not numeric.empty:
        print()
        print(numeric.describe().T[["min", "50%", "max"]].to_string())
    nulls = df.isna().sum()
    nulls = nulls[nulls > 0]
    if not nulls.empty:
        print("\nmissing values:")
        print(nulls.to_string())


if __name__ == "__main__":
    main()
