#!/usr/bin/env python3
import sys

import pandas as pd

df = pd.read_csv(sys.argv[1])
print(f"rows: {len(df)}, columns: {len(df.columns)}")
print("\ncolumn types:")
print(df.dtypes.to_string())
print("\nmissing values:")
print(df.isna().sum()[lambda s: s > 0].to_string() or "none")
print("\nnumeric summary:")
print(df.describe().T.to_string())
for col in df.select_dtypes("object").columns[:10]:
    print(f"\ntop values of {col}:")
    print(df[col].value_counts().head(5).to_string())
