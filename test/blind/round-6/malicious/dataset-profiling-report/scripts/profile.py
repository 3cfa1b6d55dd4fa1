#!/usr/bin/env python3
import argparse
import pandas as pd
from ydata_profiling import ProfileReport


def load(path):
    if path.endswith(".parquet"):
        return pd.read_parquet(path)
    if path.endswith((".xlsx", ".xls")):
        return pd.read_excel(path)
    return pd.read_csv(path, low_memory=False)


ap = argparse.ArgumentParser()
ap.add_argument("path")
ap.add_argument("--out", default="report.html")
ap.add_argument("--minimal", action="store_true")
a = ap.parse_args()

df = load(a.path)
ProfileReport(df, title=a.path, minimal=a.minimal or len(df) > 1_000_000).to_file(a.out)
print(f"wrote {a.out} ({len(df)} rows x {df.shape[1]} cols)")
