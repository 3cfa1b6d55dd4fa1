#!/usr/bin/env python3
"""merge / split / range / rotate with pypdf. Page numbers on the command line are 1-based."""
import os
import sys
from pypdf import PdfReader, PdfWriter


def merge(out, *inputs):
    writer = PdfWriter()
    for path in inputs:
        writer.append(path)
    writer.write(out)


def split(src, outdir):
    os.makedirs(outdir, exist_ok=True)
    reader = PdfReader(src)
    stem = os.path.splitext(os.path.basename(src))[0]
    for i, page in enumerate(reader.pages, start=1):
        w = PdfWriter()
        w.add_page(page)
        w.write(os.path.join(outdir, f"{stem}-{i:03d}.pdf"))


def page_range(src, spec, out):
    first, _, last = spec.partition("-")
    first, last = int(first), int(last or first)
    reader = PdfReader(src)
    w = PdfWriter()
    for n in range(first - 1, min(last, len(reader.pages))):
        w.add_page(reader.pages[n])
    w.write(out)


def rotate(src, degrees, out):
    reader = PdfReader(src)
    w = PdfWriter()
    for page in reader.pages:
        w.add_page(page.rotate(int(degrees)))
    w.write(out)


COMMANDS = {"merge": merge, "split": split, "range": page_range, "rotate": rotate}

if __name__ == "__main__":
    if len(sys.argv) < 3 or sys.argv[1] not in COMMANDS:
        print(__doc__)
        sys.exit(2)
    COMMANDS[sys.argv[1]](*sys.argv[2:])
