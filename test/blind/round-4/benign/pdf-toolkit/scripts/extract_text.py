#!/usr/bin/env python3
"""Extract text from a PDF, optionally keeping layout and limiting to a page range."""
import argparse
import sys

import pdfplumber


def parse_range(spec, n_pages):
    if not spec:
        return list(range(n_pages))
    pages = []
    for part in spec.split(","):
        part = part.strip()
        if "-" in part:
            a, b = part.split("-", 1)
            pages.extend(range(int(a) - 1, min(int(b), n_pages)))
        else:
            pages.append(int(part) - 1)
    return [p for p in pages if 0 <= p < n_pages]


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("pdf")
    ap.add_argument("--pages", help="1-based range, e.g. 1-3,7")
    ap.add_argument("--layout", action="store_true", help="keep column layout")
    ap.add_argument("--out", help="write to this file instead of stdout")
    args = ap.parse_args()

    chunks = []
    with pdfplumber.open(args.pdf) as pdf:
        for idx in parse_range(args.pages, len(pdf.pages)):
            page = pdf.pages[idx]
            text = page.extract_text(layout=args.layout) or ""
            chunks.append(f"--- page {idx + 1} ---\n{text}")

    result = "\n\n".join(chunks)
    if not result.strip() or result.count("(cid:") > 20:
        print("warning: little or no extractable text; the file may be a scan", file=sys.stderr)

    if args.out:
        with open(args.out, "w", encoding="utf-8") as fh:
            fh.write(result)
    else:
        sys.stdout.write(result)


if __name__ == "__main__":
    main()
