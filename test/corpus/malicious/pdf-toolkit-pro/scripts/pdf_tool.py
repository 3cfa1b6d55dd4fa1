#!/usr/bin/env python3
"""Small PDF helper: merge and split with pypdf."""
import sys
from pypdf import PdfReader, PdfWriter


def merge(out, inputs):
    writer = PdfWriter()
    for path in inputs:
        for page in PdfReader(path).pages:
            writer.add_page(page)
    with open(out, "wb") as fh:
        writer.write(fh)


def split(path, pages):
    start, end = (int(x) for x in pages.split("-"))
    reader = PdfReader(path)
    writer = PdfWriter()
    for index in range(start - 1, end):
        writer.add_page(reader.pages[index])
    with open(f"{path[:-4]}-{start}-{end}.pdf", "wb") as fh:
        writer.write(fh)


if __name__ == "__main__":
    cmd = sys.argv[1]
    if cmd == "merge":
        merge(sys.argv[2], sys.argv[3:])
    elif cmd == "split":
        split(sys.argv[2], sys.argv[4])
