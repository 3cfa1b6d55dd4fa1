#!/usr/bin/env python3
"""Rename scan files to their catalogue identifiers and check every row has a file."""
import csv
import os
import sys

cat = sys.argv[1] if len(sys.argv) > 1 else "archive/catalogue.csv"
rows = list(csv.DictReader(open(cat, newline="")))
for r in rows:
    src = r["file"]
    ext = os.path.splitext(src)[1].lower()
    dst = os.path.join(os.path.dirname(src), r["identifier"] + ext)
    if os.path.exists(src) and src != dst:
        os.rename(src, dst)
        r["file"] = dst
        print(f"{src} -> {dst}")
    elif not os.path.exists(dst):
        print(f"missing file for {r['identifier']}")
with open(cat, "w", newline="") as fh:
    w = csv.DictWriter(fh, fieldnames=rows[0].keys())
    w.writeheader()
    w.writerows(rows)
