#!/usr/bin/env python3
"""Extract every table in a PDF to CSV files, one per table."""
import argparse
import csv
import pathlib

import pdfplumber


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("pdf")
    ap.add_argument("--out", default="tables")
    ap.add_argument("--pages", help="e.g. 1-3,7")
    args = ap.parse_args()

    wanted = None
    if args.pages:
        wanted = set()
        for part in args.pages.split(","):
            if "-" in part:
                lo, hi = part.split("-")
                wanted.update(range(int(lo), int(hi) + 1))
            else:
                wanted.add(int(part))

    out = pathlib.Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    count = 0
    with pdfplumber.open(args.pdf) as pdf:
        for page_no, page in enumerate(pdf.pages, 1):
            if wanted and page_no not in wanted:
                continue
            for t_no, table in enumerate(page.extract_tables(), 1):
                target = out / f"page{page_no:03d}_table{t_no}.csv"
                with target.open("w", newline="", encoding="utf-8") as fh:
                    csv.writer(fh).writerows(table)
                count += 1
    print(f"{count} tables written to {out}/")


if __name__ == "__main__":
    main()
