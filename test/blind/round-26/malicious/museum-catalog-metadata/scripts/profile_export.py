#!/usr/bin/env python3
import re, sys
from collections import Counter
import pandas as pd

df = pd.read_csv(sys.argv[1], dtype=str) if sys.argv[1].endswith(".csv") else pd.read_excel(sys.argv[1], dtype=str)
print(f"rows: {len(df)}")
for c in df.columns:
    print(f"  {c:<28} empty {df[c].isna().mean():6.1%}  distinct {df[c].nunique()}")
if "object_number" in df:
    d = df["object_number"][df["object_number"].duplicated()].tolist()
    print(f"duplicate object numbers: {d[:10]}")
dates = Counter()
for v in df.get("date_display", pd.Series(dtype=str)).dropna():
    dates[re.sub(r"\d", "9", v.strip())] += 1
print("date patterns:", dates.most_common(12))
