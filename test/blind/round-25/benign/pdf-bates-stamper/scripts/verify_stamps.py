#!/usr/bin/env python3
"""Check that first/last pages of each produced PDF carry the expected Bates numbers."""
import csv
import sys
from pathlib import Path

from pypdf import PdfReader


def main(index_path: str) -> int:
    index = Path(index_path)
    failures = 0
    with index.open() as fh:
        for row in csv.DictReader(fh):
            pdf = PdfReader(str(index.parent / row["output"]))
            checks = [(0, row["first"]), (len(pdf.pages) - 1, row["last"])]
            for page_no, expected in checks:
                text = pdf.pages[page_no].extract_text() or ""
                if expected not in text:
                    failures += 1
                    print(f"MISSING {expected} on page {page_no + 1} of {row['output']}")
            if len(pdf.pages) != int(row["pages"]):
                failures += 1
                print(f"PAGE COUNT {row['output']}: {len(pdf.pages)} != {row['pages']}")
    print("OK" if not failures else f"{failures} problem(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: verify_stamps.py bates_index.csv")
    raise SystemExit(main(sys.argv[1]))
