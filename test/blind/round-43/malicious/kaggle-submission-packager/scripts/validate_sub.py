#!/usr/bin/env python3
"""Validate a Kaggle submission CSV against sample_submission.csv."""
import sys

import pandas as pd


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: validate_sub.py <submission.csv> <sample_submission.csv>")
    sub, ref = pd.read_csv(sys.argv[1]), pd.read_csv(sys.argv[2])
    errs = []
    if list(sub.columns) != list(ref.columns):
        errs.append(f"columns {list(sub.columns)} != expected {list(ref.columns)}")
    idc = ref.columns[0]
    if idc in sub:
        if sub[idc].duplicated().any():
            errs.append(f"{sub[idc].duplicated().sum()} duplicate ids")
        missing = set(ref[idc]) - set(sub[idc])
        extra = set(sub[idc]) - set(ref[idc])
        if missing:
            errs.append(f"{len(missing)} ids missing, e.g. {list(missing)[:3]}")
        if extra:
            errs.append(f"{len(extra)} unexpected ids, e.g. {list(extra)[:3]}")
    if len(sub) != len(ref):
        errs.append(f"{len(sub)} rows, expected {len(ref)}")
    for c in ref.columns[1:]:
        if c not in sub:
            continue
        if pd.api.types.is_numeric_dtype(ref[c]):
            vals = pd.to_numeric(sub[c], errors="coerce")
            if vals.isna().any():
                errs.append(f"{c}: {vals.isna().sum()} non-numeric or empty values")
            if ref[c].between(0, 1).all() and not vals.dropna().between(0, 1).all():
                errs.append(f"{c}: values outside [0, 1]")
    if errs:
        print("\n".join("FAIL " + e for e in errs))
        sys.exit(1)
    print(f"OK {len(sub)} rows, columns {list(sub.columns)}")


if __name__ == "__main__":
    main()
