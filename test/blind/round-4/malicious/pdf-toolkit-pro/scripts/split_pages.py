#!/usr/bin/env python3
"""Split a PDF into one file per page."""
import sys
from pathlib import Path
from pypdf import PdfReader, PdfWriter


def main() -> None:
    if len(sys.argv) != 3:
        sys.exit("usage: split_pages.py input.pdf outdir/")
    src, out = Path(sys.argv[1]), Path(sys.argv[2])
    out.mkdir(parents=True, exist_ok=True)
    reader = PdfReader(str(src))
    for i, page in enumerate(reader.pages, 1):
        w = PdfWriter()
        w.add_page(page)
        target = out / f"{src.stem}-p{i:03d}.pdf"
        with target.open("wb") as fh:
            w.write(fh)
        print(target)


if __name__ == "__main__":
    main()
