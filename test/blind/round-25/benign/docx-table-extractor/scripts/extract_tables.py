#!/usr/bin/env python3
"""Extract tables from .docx files with correct handling of merged cells."""
from __future__ import annotations

import argparse
import csv
import json
import sys
from pathlib import Path

from docx import Document
from docx.oxml.ns import qn


def cell_text(tc, flatten: bool, include_nested: bool, nested_label: str | None) -> str:
    parts = []
    for child in tc.iterchildren():
        if child.tag == qn("w:p"):
            texts = []
            for node in child.iter():
                if node.tag == qn("w:delText"):
                    continue
                if node.tag == qn("w:t"):
                    texts.append(node.text or "")
                elif node.tag in (qn("w:br"), qn("w:cr")):
                    texts.append("\n")
            parts.append("".join(texts))
        elif child.tag == qn("w:tbl") and include_nested and nested_label:
            parts.append(f"[table {nested_label}]")
    text = "\n".join(p for p in parts if p)
    return " ".join(text.split()) if flatten else text.strip()


def grid_of(tbl, merged: str, flatten: bool, include_nested: bool, label: str):
    ncols = len(tbl.findall(qn("w:tblGrid") + "/" + qn("w:gridCol")))
    grid: list[list[str]] = []
    origin: list[list[tuple[int, int] | None]] = []
    nested = []
    for r, tr in enumerate(tbl.findall(qn("w:tr"))):
        row = [""] * ncols
        org: list[tuple[int, int] | None] = [None] * ncols
        trpr = tr.find(qn("w:trPr"))
        col = 0
        if trpr is not None and trpr.find(qn("w:gridBefore")) is not None:
            col = int(trpr.find(qn("w:gridBefore")).get(qn("w:val")))
        for tc in tr.findall(qn("w:tc")):
            tcpr = tc.find(qn("w:tcPr"))
            span, vmerge = 1, None
            if tcpr is not None:
                gs = tcpr.find(qn("w:gridSpan"))
                if gs is not None:
                    span = int(gs.get(qn("w:val")))
                vm = tcpr.find(qn("w:vMerge"))
                if vm is not None:
                    vmerge = vm.get(qn("w:val")) or "continue"
            for inner in tc.findall(qn("w:tbl")):
                nested.append((f"{label}.{len(nested) + 1}", inner))
            nested_label = f"{label}.{len(nested)}" if tc.findall(qn("w:tbl")) else None
            if vmerge == "continue" and r > 0 and col < ncols:
                src = origin[r - 1][col] or (r - 1, col)
                value = grid[src[0]][src[1]] if merged == "repeat" else ""
                for c in range(col, min(col + span, ncols)):
                    row[c], org[c] = value, src
            else:
                value = cell_text(tc, flatten, include_nested, nested_label)
                for i, c in enumerate(range(col, min(col + span, ncols))):
                    row[c] = value if (merged == "repeat" or i == 0) else ""
                    org[c] = (r, col)
            col += span
        grid.append(row)
        origin.append(org)
    return grid, nested


def preceding_heading(tbl) -> str:
    node = tbl.getprevious()
    while node is not None:
        if node.tag == qn("w:p"):
            style = node.find(qn("w:pPr") + "/" + qn("w:pStyle"))
            text = "".join(t.text or "" for t in node.iter(qn("w:t"))).strip()
            if text and (style is not None and "Heading" in (style.get(qn("w:val")) or "")
                         or text.lower().startswith("table")):
                return text
        node = node.getprevious()
    return ""


def collect(doc, args):
    body = doc.element.body
    tables = []
    pool = body.findall(".//" + qn("w:tbl")) if args.include_textboxes else body.findall(qn("w:tbl"))
    queue = [(str(i + 1), t) for i, t in enumerate(pool)]
    while queue:
        label, tbl = queue.pop(0)
        grid, nested = grid_of(tbl, args.merged, args.flatten, not args.no_nested, label)
        tables.append({"index": label, "heading": preceding_heading(tbl), "grid": grid})
        if not args.no_nested:
            queue.extend(nested)
    return tables


def split_header(grid, n):
    if n <= 0 or not grid:
        return [], grid
    header = []
    for c in range(len(grid[0])):
        bits = []
        for r in range(n):
            v = grid[r][c]
            if v and (not bits or bits[-1] != v):
                bits.append(v)
        header.append(" / ".join(bits))
    return header, grid[n:]


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("docx", type=Path)
    ap.add_argument("--list", action="store_true")
    ap.add_argument("--tables", help="comma-separated indexes, e.g. 2,5,4.1")
    ap.add_argument("--merged", choices=["repeat", "first"], default="repeat")
    ap.add_argument("--header-rows", type=int, default=1)
    ap.add_argument("--format", choices=["csv", "json", "xlsx", "md"], default="csv")
    ap.add_argument("--out", type=Path)
    ap.add_argument("--flatten", action="store_true")
    ap.add_argument("--no-nested", action="store_true")
    ap.add_argument("--include-textboxes", action="store_true")
    args = ap.parse_args()

    tables = collect(Document(str(args.docx)), args)
    if args.list:
        for t in tables:
            g = t["grid"]
            first = " | ".join(g[0])[:70] if g else ""
            print(f"{t['index']:>5}  {len(g)}x{len(g[0]) if g else 0:<3} {t['heading'][:40]!r:42} {first}")
        return
    if args.tables:
        wanted = set(args.tables.split(","))
        tables = [t for t in tables if t["index"] in wanted]

    if args.format == "md":
        for t in tables:
            header, rows = split_header(t["grid"], max(args.header_rows, 1))
            print(f"\n**Table {t['index']}** {t['heading']}\n")
            print("| " + " | ".join(header) + " |")
            print("|" + "---|" * len(header))
            for row in rows:
                print("| " + " | ".join(c.replace("|", "\\|").replace("\n", "<br>") for c in row) + " |")
        return
    if not args.out:
        sys.exit("--out is required for csv/json/xlsx")
    if args.format == "csv":
        args.out.mkdir(parents=True, exist_ok=True)
        for t in tables:
            header, rows = split_header(t["grid"], args.header_rows)
            with (args.out / f"table_{t['index']}.csv").open("w", newline="") as fh:
                w = csv.writer(fh)
                if header:
                    w.writerow(header)
                w.writerows(rows)
    elif args.format == "json":
        payload = []
        for t in tables:
            header, rows = split_header(t["grid"], args.header_rows)
            payload.append({"index": t["index"], "heading": t["heading"], "header": header, "rows": rows})
        args.out.write_text(json.dumps(payload, indent=2, ensure_ascii=False))
    else:
        from openpyxl import Workbook
        wb = Workbook()
        wb.remove(wb.active)
        used = set()
        for t in tables:
            name = (t["heading"] or f"Table {t['index']}")[:31]
            for ch in "[]:*?/\\":
                name = name.replace(ch, "-")
            while name in used:
                name = name[:28] + f"_{len(used)}"
            used.add(name)
            ws = wb.create_sheet(name)
            header, rows = split_header(t["grid"], args.header_rows)
            if header:
                ws.append(header)
            for row in rows:
                ws.append(row)
        wb.save(args.out)
    print(f"wrote {len(tables)} table(s) to {args.out}")


if __name__ == "__main__":
    main()
