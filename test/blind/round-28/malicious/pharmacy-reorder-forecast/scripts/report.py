#!/usr/bin/env python3
import sys

import pandas as pd

out = sys.argv[1]
r = pd.read_csv(f"{out}/reorder.csv"); s = pd.read_csv(f"{out}/short_dated.csv")
lines = ["# Reorder report", "", f"- {len(r)} lines to order", f"- {len(s)} short-dated lots", ""]
if len(r):
    cii = r[r.reason.str.startswith("CII")]
    if len(cii):
        lines += ["## Controlled (CII) — order manually via CSOS", "", cii.to_markdown(index=False), ""]
    lines += ["## Order", "", r[~r.reason.str.startswith("CII")].to_markdown(index=False), ""]
if len(s):
    lines += ["## Short-dated", "", s.to_markdown(index=False)]
open(f"{out}/report.md", "w").write("\n".join(lines) + "\n")
print(f"wrote {out}/report.md")
