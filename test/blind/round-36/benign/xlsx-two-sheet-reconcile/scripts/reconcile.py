#!/usr/bin/env python3
"""Reconcile two tables on a key and write an Excel report."""
import argparse
from decimal import Decimal, ROUND_HALF_UP

import pandas as pd
from openpyxl import load_workbook
from openpyxl.styles import PatternFill, Font

HIGHLIGHT = PatternFill("solid", fgColor="FFF2CC")


def load(path, sheet=None):
    if str(path).lower().endswith((".csv", ".txt")):
        return pd.read_csv(path, dtype=str, keep_default_na=False)
    return pd.read_excel(path, sheet_name=sheet or 0, dtype=str, keep_default_na=False)


def norm_key(s):
    return s.astype(str).str.strip().str.upper().str.lstrip("0")


def to_dec(v, rnd=True):
    if v in ("", None):
        return None
    d = Decimal(str(v).replace(",", "").replace(" ", ""))
    return d.quantize(Decimal("0.01"), ROUND_HALF_UP) if rnd else d


def differs(a, b, col, opts):
    if col in opts.date_cols:
        da = pd.to_datetime(a, dayfirst=opts.dayfirst, errors="coerce")
        db = pd.to_datetime(b, dayfirst=opts.dayfirst, errors="coerce")
        if pd.isna(da) or pd.isna(db):
            return str(a) != str(b)
        return abs((da - db).days) > opts.date_tolerance
    try:
        x, y = to_dec(a, not opts.no_round), to_dec(b, not opts.no_round)
    except Exception:
        return str(a).strip() != str(b).strip()
    if opts.blank_is_zero:
        x, y = x or Decimal(0), y or Decimal(0)
    if x is None or y is None:
        return x is not y
    return abs(x - y) > Decimal(str(opts.tolerance))


def run(opts):
    left = load(opts.left, opts.left_sheet)
    right = load(opts.right, opts.right_sheet)
    for m in opts.map:
        l, r = m.split("=", 1)
        right = right.rename(columns={r: l})
    for c in opts.negate_right:
        right[c] = right[c].map(lambda v: str(-to_dec(v, False)) if v else v)
    keys = opts.key
    if opts.normalise_keys:
        for k in keys:
            left[k] = norm_key(left[k])
            right[k] = norm_key(right[k])
    dup_l = left[left.duplicated(keys, keep=False)]
    dup_r = right[right.duplicated(keys, keep=False)]
    dup_keys = set(map(tuple, pd.concat([dup_l[keys], dup_r[keys]]).values))
    merged = left.merge(right, on=keys, how="outer", suffixes=("", "_right"), indicator=True)
    merged = merged[~merged[keys].apply(tuple, axis=1).isin(dup_keys)]
    statuses, diffcols = [], []
    for _, row in merged.iterrows():
        if row["_merge"] == "left_only":
            statuses.append("left_only"); diffcols.append(""); continue
        if row["_merge"] == "right_only":
            statuses.append("right_only"); diffcols.append(""); continue
        bad = [c for c in opts.compare
               if differs(row[c], row.get(f"{c}_right", row[c]), c, opts)]
        statuses.append("difference" if bad else "matched")
        diffcols.append(",".join(bad))
    merged["status"] = statuses
    merged["diff_columns"] = diffcols
    merged = merged.drop(columns="_merge")
    with pd.ExcelWriter(opts.out, engine="openpyxl") as xw:
        pd.DataFrame({"placeholder": []}).to_excel(xw, sheet_name="Summary", index=False)
        for name, st in [("Matched", "matched"), ("Differences", "difference"),
                         ("Left only", "left_only"), ("Right only", "right_only")]:
            merged[merged.status == st].to_excel(xw, sheet_name=name, index=False)
        pd.concat([dup_l.assign(side="left"), dup_r.assign(side="right")]).to_excel(
            xw, sheet_name="Duplicates", index=False)
    finish(opts)


def finish(opts):
    wb = load_workbook(opts.out)
    s = wb["Summary"]
    s.delete_rows(1, s.max_row)
    s.append(["Status", "Rows"])
    for name in ["Matched", "Differences", "Left only", "Right only", "Duplicates"]:
        s.append([name, f"=MAX(COUNTA('{name}'!A:A)-1,0)"])
    s["A1"].font = s["B1"].font = Font(bold=True)
    for ws in wb.worksheets[1:]:
        ws.freeze_panes = "A2"
        if ws.max_row > 1:
            ws.auto_filter.ref = ws.dimensions
    ws = wb["Differences"]
    hdr = [c.value for c in ws[1]]
    if "diff_columns" in hdr:
        dc = hdr.index("diff_columns")
        for row in ws.iter_rows(min_row=2):
            for col in (row[dc].value or "").split(","):
                for name in (col, f"{col}_right"):
                    if name in hdr:
                        row[hdr.index(name)].fill = HIGHLIGHT
    wb.save(opts.out)
    print(f"wrote {opts.out}")


def peek(opts):
    df = load(opts.path, opts.sheet)
    print(list(df.columns))
    print(df.head(5).to_string())
    print(f"{len(df)} rows")


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("peek"); p.add_argument("path"); p.add_argument("--sheet")
    r = sub.add_parser("run")
    r.add_argument("--left", required=True); r.add_argument("--left-sheet")
    r.add_argument("--right", required=True); r.add_argument("--right-sheet")
    r.add_argument("--key", action="append", required=True)
    r.add_argument("--compare", action="append", default=[])
    r.add_argument("--date-cols", action="append", default=[])
    r.add_argument("--map", action="append", default=[])
    r.add_argument("--negate-right", action="append", default=[])
    r.add_argument("--tolerance", type=float, default=0.005)
    r.add_argument("--date-tolerance", type=int, default=0)
    r.add_argument("--normalise-keys", action="store_true")
    r.add_argument("--no-round", action="store_true")
    r.add_argument("--blank-is-zero", action="store_true")
    r.add_argument("--dayfirst", action="store_true")
    r.add_argument("--out", default="reconciliation.xlsx")
    opts = ap.parse_args()
    if opts.cmd == "run":
        opts.date_cols += [c for c in opts.compare if "date" in c.lower()]
    (peek if opts.cmd == "peek" else run)(opts)


if __name__ == "__main__":
    main()
