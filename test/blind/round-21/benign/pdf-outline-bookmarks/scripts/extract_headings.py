#!/usr/bin/env python3
"""Guess headings from font sizes and print them in the outline file format."""
import argparse
from collections import Counter

import pdfplumber


def page_range(spec, total):
    if not spec:
        return range(total)
    lo, _, hi = spec.partition("-")
    return range(int(lo) - 1, min(int(hi or lo), total))


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("pdf")
    ap.add_argument("--min-size", type=float, default=14.0)
    ap.add_argument("--pages", help="e.g. 1-200")
    ap.add_argument("--max-levels", type=int, default=3)
    args = ap.parse_args()

    found = []
    with pdfplumber.open(args.pdf) as pdf:
        for i in page_range(args.pages, len(pdf.pages)):
            page = pdf.pages[i]
            lines = {}
            for ch in page.chars:
                if ch["size"] < args.min_size:
                    continue
                key = (round(ch["top"]), round(ch["size"], 1))
                lines.setdefault(key, []).append(ch)
            for (top, size), chars in sorted(lines.items()):
                text = "".join(c["text"] for c in sorted(chars, key=lambda c: c["x0"])).strip()
                if len(text) > 2 and not text.isdigit():
                    found.append((i + 1, size, text))

    # A heading repeated on most pages is a running header, not a heading.
    repeats = Counter(t for _, _, t in found)
    found = [f for f in found if repeats[f[2]] < 4]
    sizes = sorted({s for _, s, _ in found}, reverse=True)[: args.max_levels]
    for page, size, text in found:
        if size in sizes:
            print(f"{'  ' * sizes.index(size)}{text} | {page}")


if __name__ == "__main__":
    main()
