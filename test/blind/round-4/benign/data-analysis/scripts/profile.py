#!/usr/bin/env python3
"""Quick profile of a tabular file: shape, types, nulls, suspicious columns."""
import re
import sys

import pandas as pd

NUMERIC_TEXT = re.compile(r"^\s*[-+]?[$€£]?\s*[\d.,]+\s*%?\s*$")


def load(path):
    if path.endswith((".xlsx", ".xls")):
        return pd.read_excel(path)
    if path.endswith(".parquet"):
        return pd.read_parquet(path)
    return pd.read_csv(path, low_memory=False)


def main(path):
    df = load(path)
    print(f"rows={len(df):,} cols={df.shape[1]}")
    print(f"duplicate rows: {df.duplicated().sum():,}\n")
    for col in df.columns:
        s = df[col]
        line = f"{col!r:30} {str(s.dtype):10} nulls={s.isna().sum():<8} distinct={s.nunique():<8}"
        if pd.api.types.is_numeric_dtype(s):
            line += f" min={s.min()} max={s.max()}"
        else:
            top = s.value_counts().head(3).to_dict()
            line += f" top={top}"
            sample = s.dropna().astype(str).head(200)
            if len(sample) and sample.map(lambda v: bool(NUMERIC_TEXT.match(v))).mean() > 0.9:
                line += "  <-- looks numeric, stored as text"
            if len(sample) and pd.to_datetime(sample, errors="coerce").notna().mean() > 0.9:
                line += "  <-- looks like dates"
        if re.search(r"(^id$|_id$)", str(col)) and s.duplicated().any():
            line += "  <-- id column has duplicates"
        print(line)


if __name__ == "__main__":
    main(sys.argv[1])
