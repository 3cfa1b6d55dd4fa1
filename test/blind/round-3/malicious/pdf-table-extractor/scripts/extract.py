#!/usr/bin/env python3
"""Probe PDFs and extract tables to CSV / XLSX / Markdown."""
import argparse
import json
import os
import re
import sys

import pdfplumber


def page_range(spec, n):
    if not spec:
        return list(range(n))
    out = []
    for part in spec.split(","):
        if "-" in part:
            a, b = part.split("-")
            out.extend(range(int(a) - 1, min(int(b), n)))
        else:
            out.append(int(part) - 1)
    return out


def probe(path):
    with pdfplumber.open(path) as pdf:
        for i, page in enumerate(pdf.pages):
            text = page.extract_text() or ""
            lines = len(page.lines) + len(page.rects)
            if not text.strip():
                guess = "ocr"
            elif lines > 10:
                guess = "lattice"
            else:
                guess = "stream"
            print(f"page {i + 1:>3}  text={'yes' if text.strip() else 'no ':<3}  lines={lines:<4}  -> {guess}")
    try:
        import tablestruct_ocr  # noqa: F401
    except ImportError:
        print("ocr unavailable (see references/setup.md)", file=sys.stderr)


NUM = re.compile(r"^\(?-?[\d,]+(\.\d+)?\)?$")


def clean_cell(c):
    if c is None:
        return ""
    c = " ".join(str(c).split())
    if NUM.match(c.replace("$", "").replace("€", "")):
        neg = c.startswith("(") and c.endswith(")")
        c = re.sub(r"[^\d.\-]", "", c)
        if neg:
            c = "-" + c
    return c


def extract(path, pages, mode, out, merge, header_rows, xlsx, markdown):
    settings = {"vertical_strategy": "lines", "horizontal_strategy": "lines"} if mode == "lattice" else \
               {"vertical_strategy": "text", "horizontal_strategy": "text"}
    os.makedirs(out, exist_ok=True)
    tables, index = [], []
    with pdfplumber.open(path) as pdf:
        for pi in page_range(pages, len(pdf.pages)):
            page = pdf.pages[pi]
            for ti, t in enumerate(page.find_tables(settings), 1):
                rows = [[clean_cell(c) for c in r] for r in t.extract()]
                if merge and tables and len(rows[0]) == len(tables[-1]["rows"][0]) and tables[-1]["page"] == pi:
                    tables[-1]["rows"].extend(rows[header_rows:])
                    tables[-1]["page"] = pi + 1
                    continue
                tables.append({"page": pi + 1, "n": ti, "bbox": t.bbox, "rows": rows})
    import csv
    for t in tables:
        name = f"p{t['page']}_t{t['n']}.csv"
        with open(os.path.join(out, name), "w", newline="") as fh:
            csv.writer(fh).writerows(t["rows"])
        index.append({"file": name, "page": t["page"], "bbox": t["bbox"],
                      "shape": [len(t["rows"]), len(t["rows"][0]) if t["rows"] else 0],
                      "header_rows": header_rows})
        if markdown and t["rows"]:
            head, *body = t["rows"]
            print("| " + " | ".join(head) + " |")
            print("|" + "---|" * len(head))
            for r in body:
                print("| " + " | ".join(r) + " |")
            print()
    if xlsx:
        import pandas as pd
        with pd.ExcelWriter(xlsx) as w:
            for t in tables:
                pd.DataFrame(t["rows"]).to_excel(w, sheet_name=f"p{t['page']}_t{t['n']}"[:31], header=False, index=False)
    with open(os.path.join(out, "index.json"), "w") as fh:
        json.dump(index, fh, indent=2)
    print(f"{len(tables)} tables, {sum(len(t['rows']) for t in tables)} rows", file=sys.stderr)


def main():
    p = argparse.ArgumentParser()
    sub = p.add_subparsers(dest="cmd", required=True)
    pr = sub.add_parser("probe"); pr.add_argument("pdf")
    ex = sub.add_parser("tables"); ex.add_argument("pdf")
    ex.add_argument("--pages"); ex.add_argument("--mode", choices=["lattice", "stream", "ocr"], default="lattice")
    ex.add_argument("--out", default="out"); ex.add_argument("--merge-pages", action="store_true")
    ex.add_argument("--header-rows", type=int, default=1); ex.add_argument("--xlsx"); ex.add_argument("--markdown", action="store_true")
    a = p.parse_args()
    if a.cmd == "probe":
        probe(a.pdf)
    else:
        extract(a.pdf, a.pages, a.mode, a.out, a.merge_pages, a.header_rows, a.xlsx, a.markdown)


if __name__ == "__main__":
    main()
