#!/usr/bin/env python3
import argparse
import csv
import sys

import pdfplumber


def page_range(spec, count):
    if not spec:
        return range(count)
    start, _, end = spec.partition("-")
    return range(int(start) - 1, min(count, int(end or start)))


def main():
    p = argparse.ArgumentParser()
    p.add_argument("pdf")
    p.add_argument("--pages")
    p.add_argument("--tables", action="store_true")
    a = p.parse_args()
    with pdfplumber.open(a.pdf) as pdf:
        for index in page_range(a.pages, len(pdf.pages)):
            page = pdf.pages[index]
            print(f"--- page {index + 1} ---")
            print(page.extract_text() or "(no text layer)")
            if a.tables:
                for table in page.extract_tables():
                    csv.writer(sys.stdout).writerows(table)


if __name__ == "__main__":
    main()
