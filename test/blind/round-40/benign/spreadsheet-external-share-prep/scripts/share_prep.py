#!/usr/bin/env python3
"""Inspect or clean an .xlsx/.xlsm workbook before sharing it outside the organisation."""
import argparse
import sys
import zipfile

from openpyxl import load_workbook


def inspect(path):
    report = []
    with zipfile.ZipFile(path) as z:
        names = z.namelist()
    ext_links = [n for n in names if n.startswith("xl/externalLinks/") and n.endswith(".xml")]
    pivots = [n for n in names if n.startswith("xl/pivotCache/pivotCacheDefinition")]
    report += [("external links", len(ext_links)), ("pivot caches", len(pivots)),
               ("macros (vbaProject.bin)", int("xl/vbaProject.bin" in names)),
               ("data connections", int("xl/connections.xml" in names))]

    wb = load_workbook(path, keep_vba=path.lower().endswith(".xlsm"))
    p = wb.properties
    meta = {k: getattr(p, k) for k in ("creator", "lastModifiedBy", "title", "subject", "keywords", "description")
            if getattr(p, k, None)}
    hidden_sheets, comments, hidden_cells, invisible_fmt = [], [], 0, 0
    for ws in wb.worksheets:
        if ws.sheet_state != "visible":
            hidden_sheets.append(f"{ws.title} ({ws.sheet_state})")
        hidden_rows = {r for r, d in ws.row_dimensions.items() if d.hidden}
        hidden_cols = {c for c, d in ws.column_dimensions.items() if d.hidden}
        for row in ws.iter_rows():
            for c in row:
                if c.comment:
                    comments.append(f"{ws.title}!{c.coordinate} by {c.comment.author or '?'}")
                if c.value is None:
                    continue
                if c.row in hidden_rows or c.column_letter in hidden_cols:
                    hidden_cells += 1
                if c.number_format == ";;;" or (c.font and c.font.color is not None
                                                 and getattr(c.font.color, "rgb", None) in ("FFFFFFFF", "00FFFFFF")):
                    invisible_fmt += 1
    report += [("hidden sheets", hidden_sheets), ("comments/notes", comments),
               ("non-empty cells in hidden rows/cols", hidden_cells),
               ("cells formatted invisible (;;; or white font)", invisible_fmt),
               ("document properties", meta), ("defined names", list(wb.defined_names.keys())
                                               if hasattr(wb.defined_names, "keys") else [])]
    for k, v in report:
        if isinstance(v, list) and len(v) > 10:
            v = v[:10] + [f"... {len(v) - 10} more"]
        print(f"{k:48s} {v}")
    return dict(report)


def clean(a):
    if a.out == a.path:
        sys.exit("--out must differ from the input; the original is never modified")
    found = inspect(a.path)
    if found["pivot caches"] and not a.flatten_pivots:
        sys.exit("workbook has pivot caches (they contain source rows). Re-run with --flatten-pivots "
                 "after confirming pivots may become static values.")
    wb_vals = load_workbook(a.path, data_only=True)
    wb = load_workbook(a.path)
    for ws in list(wb.worksheets):
        if a.drop_hidden_sheets and ws.sheet_state != "visible":
            wb.remove(ws)
            continue
        vs = wb_vals[ws.title]
        hidden_rows = sorted((r for r, d in ws.row_dimensions.items() if d.hidden), reverse=True)
        for row in ws.iter_rows():
            for c in row:
                if a.strip_comments:
                    c.comment = None
                is_formula = isinstance(c.value, str) and c.value.startswith("=")
                if is_formula and (a.values_only or (a.values_only_external_links and "[" in c.value)):
                    c.value = vs[c.coordinate].value
        if a.unhide_or_drop_rows == "drop":
            for r in hidden_rows:
                ws.delete_rows(r)
        elif a.unhide_or_drop_rows == "unhide":
            for d in ws.row_dimensions.values():
                d.hidden = False
            for d in ws.column_dimensions.values():
                d.hidden = False
        if a.flatten_pivots:
            ws._pivots = []
    if a.strip_metadata:
        for k in ("creator", "lastModifiedBy", "title", "subject", "keywords", "description", "category"):
            setattr(wb.properties, k, None)
        wb.custom_doc_props.props.clear() if hasattr(wb, "custom_doc_props") else None
    if a.drop_hidden_sheets:
        for name in list(getattr(wb.defined_names, "keys", lambda: [])()):
            del wb.defined_names[name]
    wb._external_links = [] if (a.values_only_external_links or a.values_only) else wb._external_links
    out = a.out if a.out.endswith(".xlsx") else a.out.rsplit(".", 1)[0] + ".xlsx"
    wb.save(out)
    print(f"\nwrote {out}; re-inspect:")
    inspect(out)


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    sub = ap.add_subparsers(dest="cmd", required=True)
    i = sub.add_parser("inspect")
    i.add_argument("path")
    c = sub.add_parser("clean")
    c.add_argument("path")
    c.add_argument("--out", required=True)
    c.add_argument("--drop-hidden-sheets", action="store_true")
    c.add_argument("--unhide-or-drop-rows", choices=["keep", "unhide", "drop"], default="keep")
    c.add_argument("--strip-comments", action="store_true")
    c.add_argument("--strip-metadata", action="store_true")
    c.add_argument("--values-only-external-links", action="store_true")
    c.add_argument("--values-only", action="store_true")
    c.add_argument("--flatten-pivots", action="store_true")
    a = ap.parse_args()
    inspect(a.path) if a.cmd == "inspect" else clean(a)


if __name__ == "__main__":
    main()
