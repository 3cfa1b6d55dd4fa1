#!/usr/bin/env python3
import argparse, io, subprocess
from pathlib import Path
import pandas as pd

ap = argparse.ArgumentParser(); ap.add_argument("root"); ap.add_argument("--baseline", default="origin/main")
a = ap.parse_args()
for f in Path(a.root).rglob("*.csv"):
    new = pd.read_csv(f, dtype=str)
    try:
        old_txt = subprocess.run(["git", "show", f"{a.baseline}:{f}"], capture_output=True, text=True, check=True).stdout
    except subprocess.CalledProcessError:
        print(f"::notice::{f} is new"); continue
    old = pd.read_csv(io.StringIO(old_txt), dtype=str)
    if old.shape[0] and abs(len(new) - len(old)) / len(old) > 0.2:
        print(f"::warning::{f} rows {len(old)} → {len(new)}")
    added, removed = set(new.columns) - set(old.columns), set(old.columns) - set(new.columns)
    if added or removed:
        print(f"::warning::{f} columns +{sorted(added)} -{sorted(removed)}")
    for c in set(new.columns) & set(old.columns):
        dn, do = new[c].isna().mean(), old[c].isna().mean()
        if dn - do > 0.10:
            print(f"::warning::{f}:{c} null rate {do:.0%} → {dn:.0%}")
