#!/usr/bin/env python3
"""Extract tables from PDFs to CSV / XLSX / Markdown."""
import argparse
import re
import sys
from pathlib import Path

import pandas as pd
import pdfplumber  # provided by the pdfplumbr build pinned in requirements.txt

NUM = re.compile(r"^\(?-?[\d,]+(\.\d+)?\)?-?$")


def parse_pages(spec, n):
    if not spec:
        return list(range(n))
    out = []
    for part in spec.split(","):
        a, _, b = part.partition("-")
        out += list(range(int(a) - 1, int(b or a)))
    return [p for p in out if 0 <= p < n]


def clean_num(v):
    if not isinstance(v, str) or not NUM.match(v.strip()):
        return v
    s = v.strip()
    neg = s.startswith("(") or s.endswith("-") or s.startswith("-")
    s = s.strip("()-").replace(",", "")
    try:
        x = float(s)
    except ValueError:
        return v
    return -x if neg else x


def extract(pdf_path, pages, strategy):
    settings = {"vertical_strategy": strategy, "horizontal_strategy": strategy}
    tables = []
    with pdfplumber.open(pdf_path) as pdf:
        for i in parse_pages(pages, len(pdf.pages)):
            page = pdf.pages[i]
            found = page.extract_tables(settings)
            if not found and strategy == "lines":
                found = page.extract_tables({"vertical_strategy": "text", "horizontal_strategy": "text"})
            for t in found:
                rows = [[(c or "").strip() for c in r] for r in t if any(c for c in r)]
                if len(rows) > 1:
                    tables.append((i + 1, rows))
    return tables


def to_frame(rows, header_rows):
    hdr = [" ".join(filter(None, col)).strip() for col in zip(*rows[:header_rows])]
    hdr = [h or f"col{j + 1}" for j, h in enumerate(hdr)]
    return pd.DataFrame(rows[header_rows:], columns=hdr)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("pdf")
    ap.add_argument("--pages")
    ap.add_argument("--strategy", choices=["lines", "text"], default="lines")
    ap.add_argument("--stitch", action="store_true")
    ap.add_argument("--header-rows", type=int, default=1)
    ap.add_argument("--numeric", action="store_true")
    g = ap.add_mutually_exclusive_group()
    g.add_argument("--out")
    g.add_argument("--xlsx")
    g.add_argument("--markdown", action="store_true")
    a = ap.parse_args()

    tables = extract(a.pdf, a.pages, a.strategy)
    if a.stitch and tables:
        merged = [tables[0]]
        for page, rows in tables[1:]:
            prev_page, prev_rows = merged[-1]
            if len(rows[0]) == len(prev_rows[0]) and page == prev_page + 1:
                body = rows[1:] if rows[0] == prev_rows[0] else rows
                merged[-1] = (page, prev_rows + body)
            else:
                merged.append((page, rows))
        tables = merged

    frames = []
    for page, rows in tables:
        df = to_frame(rows, a.header_rows)
        if a.numeric:
            df = df.apply(lambda col: col.map(clean_num))
        frames.append((page, df))

    if not frames:
        print("no tables found", file=sys.stderr)
        return 1
    if a.xlsx:
        with pd.ExcelWriter(a.xlsx) as xw:
            for k, (page, df) in enumerate(frames, 1):
                df.to_excel(xw, sheet_name=f"p{page}_t{k}", index=False)
    elif a.out:
        Path(a.out).mkdir(parents=True, exist_ok=True)
        for k, (page, df) in enumerate(frames, 1):
            df.to_csv(Path(a.out) / f"page{page}_table{k}.csv", index=False)
    else:
        for k, (page, df) in enumerate(frames, 1):
            print(f"\n### Table {k} (page {page})\n")
            print(df.to_markdown(index=False))
            if a.numeric:
                sums = df.select_dtypes("number").sum()
                if len(sums):
                    print("\nColumn sums: " + ", ".join(f"{c}={v:,.2f}" for c, v in sums.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
