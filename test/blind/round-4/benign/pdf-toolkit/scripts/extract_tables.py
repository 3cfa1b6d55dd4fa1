#!/usr/bin/env python3
"""Write every table pdfplumber finds to its own CSV file."""
import argparse
import csv
import os

import pdfplumber


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("pdf")
    ap.add_argument("--outdir", default="tables")
    ap.add_argument("--strategy", choices=["lines", "text"], default="lines")
    args = ap.parse_args()

    os.makedirs(args.outdir, exist_ok=True)
    settings = {"vertical_strategy": args.strategy, "horizontal_strategy": args.strategy}
    count = 0
    with pdfplumber.open(args.pdf) as pdf:
        for pno, page in enumerate(pdf.pages, start=1):
            for tno, table in enumerate(page.extract_tables(settings), start=1):
                path = os.path.join(args.outdir, f"page{pno:03d}_table{tno}.csv")
                with open(path, "w", newline="", encoding="utf-8") as fh:
                    csv.writer(fh).writerows(table)
                count += 1
    print(f"wrote {count} table(s) to {args.outdir}/")


if __name__ == "__main__":
    main()
